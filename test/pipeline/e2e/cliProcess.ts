/** Runs the real county-rollup CLI as a child process: pipeline/cli/cli.ts bundled by esbuild like `npm run build`. */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { build } from 'esbuild';
import cliExternals from '../../../scripts/cli-externals.json';

/** The nearest folder at or above `start` with a package.json (works from jest and from a run-ts bundle alike). */
function findRoot(start: string): string {
  let dir = start;
  while (!existsSync(join(dir, 'package.json')) || dir.endsWith('node_modules')) {
    const up = dirname(dir);
    if (up === dir) return process.cwd();
    dir = up;
  }
  return dir;
}

/** The project root. */
export const ROOT = findRoot(__dirname);

/** A bundled CLI and the way to remove it. */
export interface CliBundle {
  /** The temp folder laid out like the package: dist/cli.js and bin/county-rollup.js. */
  dir: string;
  /** Path of the bundled dist/cli.js. */
  cli: string;
  /** Path of the committed launcher, copied next to dist/ as bin/county-rollup.js. */
  launcher: string;
  dispose(): void;
}

/**
 * Bundles pipeline/cli/cli.ts into a fresh folder at the project root laid out like the package
 * (dist/cli.js beside bin/county-rollup.js, so that node_modules resolve from this project), with the
 * same externals as scripts/build.mjs.
 */
export async function bundleCli(): Promise<CliBundle> {
  const dir = mkdtempSync(join(ROOT, '.tmp-cli-'));
  const cli = join(dir, 'dist', 'cli.js');
  const launcher = join(dir, 'bin', 'county-rollup.js');
  mkdirSync(join(dir, 'bin'));
  copyFileSync(join(ROOT, 'bin', 'county-rollup.js'), launcher);
  // The same entries as scripts/build.mjs (dist/cli.js, dist/quick.js, …).
  const entries = Object.entries(cliExternals.entries as Record<string, string>).filter(
    ([name]) => name !== '$comment',
  );
  await build({
    entryPoints: Object.fromEntries(entries.map(([name, source]) => [name, join(ROOT, source)])),
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    outdir: join(dir, 'dist'),
    external: cliExternals.external,
    logLevel: 'error',
  });
  return { dir, cli, launcher, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

/** What a CLI run gave. */
export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the bundled CLI (or the launcher) with arguments, from the project root, without a TTY or DEBUG stacks. */
export function runCli(cli: string, args: readonly string[], cwd: string = ROOT): CliRun {
  const r = spawnSync(process.execPath, [cli, ...args], {
    cwd,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    env: { ...process.env, FORCE_COLOR: '0', DEBUG: '' },
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}
