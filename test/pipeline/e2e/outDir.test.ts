/**
 * Issue 13.3, 13.4, 13.5, 13.7 end to end: the real CLI in child processes, killed at named points
 * (COUNTY_ROLLUP_TEST_KILL_AT makes it SIGKILL itself there), polled while it runs, run twice at
 * once, and started through the launcher that is then killed.
 */
import { spawn } from 'node:child_process';
import {
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sheetCsv, village } from '../intake/townshipFixture';
import { bundleCli, type CliBundle, ROOT } from './cliProcess';

/** How a child run ended. */
interface Ended {
  status: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
}

/** Starts `node <script> args` from the project root; `env` is added to the environment. */
function start(
  script: string,
  args: readonly string[],
  env: Record<string, string> = {},
): { pid: number; ended: Promise<Ended>; onStderr: (f: (text: string) => void) => void } {
  const child = spawn(process.execPath, [script, ...args], {
    cwd: ROOT,
    env: { ...process.env, FORCE_COLOR: '0', DEBUG: '', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  const listeners: ((text: string) => void)[] = [];
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => {
    stderr += chunk;
    for (const f of listeners) f(stderr);
  });
  const ended = new Promise<Ended>((done) =>
    child.on('close', (status, signal) => done({ status, signal, stderr })),
  );
  return { pid: child.pid!, ended, onStderr: (f) => void listeners.push(f) };
}

/** Whether a process is still running (a zombie waiting to be reaped by init has ended). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return process.platform !== 'linux';
  }
}

/** Entries of a folder, sorted, random suffixes masked (`.out.v-*`, `.out.link-*`, `.out.old-*`). */
function entries(dir: string): string[] {
  return readdirSync(dir)
    .map((name) => name.replace(/\.(v|link|old|tmp)-[A-Za-z0-9]+$/u, '.$1-*'))
    .sort();
}

describe('the output folder under kills, readers and a second run', () => {
  let bundle: CliBundle;
  let root: string;
  let input: string;
  let out: string;
  beforeAll(async () => {
    bundle = await bundleCli();
  }, 120_000);
  afterAll(() => bundle?.dispose());
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'outdir-e2e-'));
    input = join(root, 'in');
    mkdirSync(input);
    writeFileSync(
      join(input, '黎岭镇.csv'),
      sheetCsv({
        township: '黎岭镇',
        villages: [village('一村', { trainingSessions: 2, trainingAttendance: 60 })],
      }),
    );
    out = join(root, 'out');
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  const merge = (env: Record<string, string> = {}) =>
    start(bundle.cli, ['merge', input, '--out', out, '--no-charts'], env);

  /** An old output that a complete run would replace: a marker file tells old from new. */
  function oldOutput(): void {
    mkdirSync(out);
    writeFileSync(join(out, 'old.txt'), 'old');
  }
  const isOld = () => existsSync(join(out, 'old.txt')) && !existsSync(join(out, 'summary.json'));
  const isNew = () => existsSync(join(out, 'summary.json')) && !existsSync(join(out, 'old.txt'));

  test('killed at every point of a swap: --out is the old or the new output, whole; the next run sweeps', async () => {
    // First a run that migrates the old real folder, so that later runs flip the link.
    const cases: {
      point: string;
      setup: 'link' | 'dir' | 'no-links';
      after: 'old' | 'new' | 'gone';
    }[] = [
      { point: 'filled', setup: 'link', after: 'old' },
      { point: 'flip', setup: 'link', after: 'old' },
      { point: 'committed', setup: 'link', after: 'new' },
      { point: 'filled', setup: 'dir', after: 'old' },
      { point: 'migrate', setup: 'dir', after: 'gone' },
      { point: 'swap', setup: 'no-links', after: 'gone' },
    ];
    for (const c of cases) {
      rmSync(out, { recursive: true, force: true });
      for (const name of readdirSync(root))
        if (name.startsWith('.out.')) rmSync(join(root, name), { recursive: true, force: true });
      const env: Record<string, string> =
        c.setup === 'no-links' ? { COUNTY_ROLLUP_TEST_NO_SYMLINK: '1' } : {};
      if (c.setup === 'link') {
        expect((await merge(env).ended).status).not.toBe(2);
        rmSync(join(out, 'summary.json'));
        writeFileSync(join(out, 'old.txt'), 'old');
      } else oldOutput();
      const killed = await merge({ ...env, COUNTY_ROLLUP_TEST_KILL_AT: c.point }).ended;
      expect({ ...c, signal: killed.signal }).toEqual({ ...c, signal: 'SIGKILL' });
      const state = isOld() ? 'old' : isNew() ? 'new' : existsSync(out) ? 'mixed' : 'gone';
      expect({ ...c, state }).toEqual({ ...c, state: c.after });
      // The next run puts back what the kill left and sweeps every leftover (villages.csv is personal).
      const next = await merge(env).ended;
      expect({ ...c, status: next.status }).toEqual({ ...c, status: 0 });
      expect({ ...c, isNew: isNew() }).toEqual({ ...c, isNew: true });
      expect({ ...c, left: entries(root) }).toEqual({
        ...c,
        left: c.setup === 'no-links' ? ['in', 'out'] : ['.out.v-*', 'in', 'out'],
      });
    }
  }, 240_000);

  test('a reader polling --out never finds it missing while a run replaces it', async () => {
    expect((await merge().ended).status).toBe(0);
    const stop = join(root, 'stop');
    const poller = start('-e', [
      `const fs=require('fs');let seen=0,missing=0;` +
        `for(let i=0;;i++){if(fs.existsSync(${JSON.stringify(join(out, 'summary.json'))}))seen++;else missing++;` +
        `if(i%2000===0&&fs.existsSync(${JSON.stringify(stop)}))break;}` +
        `process.stderr.write(JSON.stringify({seen,missing}))`,
    ]);
    for (let i = 0; i < 3; i++) expect((await merge().ended).status).toBe(0);
    writeFileSync(stop, '');
    const polled = JSON.parse((await poller.ended).stderr) as { seen: number; missing: number };
    expect(polled.seen).toBeGreaterThan(0);
    expect(polled.missing).toBe(0);
  }, 120_000);

  test('a second merge into the same --out while one runs: exit 2, who holds it and since when', async () => {
    const first = merge({
      COUNTY_ROLLUP_TEST_PAUSE_AT: 'filled',
      COUNTY_ROLLUP_TEST_PAUSE_MS: '4000',
    });
    await new Promise<void>((done) =>
      first.onStderr((text) => text.includes('paused filled') && done()),
    );
    const second = await merge().ended;
    expect(second.status).toBe(2);
    expect(second.stderr).toContain('正被另一次汇总使用');
    expect(second.stderr).toContain(`进程 ${first.pid}`);
    expect(second.stderr).toMatch(/开始于 \d{4}-\d\d-\d\d \d\d:\d\d:\d\d/u);
    expect((await first.ended).status).toBe(0);
    expect(isNew()).toBe(true);
    expect(entries(root)).toEqual(['.out.v-*', 'in', 'out']);
  }, 120_000);

  test('a lock left by a killed run is stale (its process is gone) and is taken over', async () => {
    const killed = await merge({ COUNTY_ROLLUP_TEST_KILL_AT: 'filled' }).ended;
    expect(killed.signal).toBe('SIGKILL');
    expect(existsSync(join(root, '.out.lock'))).toBe(true);
    expect((await merge().ended).status).toBe(0);
    expect(entries(root)).toEqual(['.out.v-*', 'in', 'out']);
  }, 120_000);

  test('SIGTERM between the two renames of a migration puts the old output back at once', async () => {
    oldOutput();
    const run = merge({ COUNTY_ROLLUP_TEST_PAUSE_AT: 'migrate' });
    await new Promise<void>((done) =>
      run.onStderr((text) => text.includes('paused migrate') && done()),
    );
    expect(existsSync(out)).toBe(false); // the gap this test is about
    process.kill(run.pid, 'SIGTERM');
    const ended = await run.ended;
    expect(ended.status).toBe(143);
    expect(ended.stderr).toContain('运行被中断（SIGTERM）');
    expect(isOld()).toBe(true);
    expect(entries(root)).toEqual(['in', 'out']);
  }, 60_000);

  for (const signal of ['SIGTERM', 'SIGKILL'] as const)
    test(`the launcher killed by ${signal} mid-merge: the child stops too and --out is not replaced`, async () => {
      oldOutput();
      const launcher = start(bundle.launcher, ['merge', input, '--out', out, '--no-charts'], {
        COUNTY_ROLLUP_TEST_PAUSE_AT: 'filled',
        COUNTY_ROLLUP_TEST_PAUSE_MS: '6000',
      });
      const childPid = await new Promise<number>((done) =>
        launcher.onStderr((text) => {
          const m = /paused filled (\d+)/u.exec(text);
          if (m) done(Number(m[1]));
        }),
      );
      expect(childPid).not.toBe(launcher.pid);
      process.kill(launcher.pid, signal);
      const ended = await launcher.ended;
      if (signal === 'SIGTERM') expect(ended.status ?? ended.signal).toBe(143);
      // The child notices within a second or so; wait past its pause to prove nothing got replaced.
      for (let i = 0; i < 60 && alive(childPid); i++) await new Promise((d) => setTimeout(d, 50));
      expect(alive(childPid)).toBe(false);
      await new Promise((d) => setTimeout(d, 6500));
      expect(isOld()).toBe(true);
      expect(lstatSync(out).isDirectory()).toBe(true);
      expect(entries(root)).toEqual(['in', 'out']);
      expect(readFileSync(join(out, 'old.txt'), 'utf8')).toBe('old');
    }, 60_000);
});
