import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { csvGbk, makeSheet, unicodeText } from '../../fixtures/sheets';

/**
 * End to end: the CLI bundled as `npm run build` does it (scripts/build.mjs), started through the
 * committed launcher bin/county-rollup.js, in a temp folder. The bundle sits under node_modules/.cache
 * so that its external dependencies resolve from this project.
 */
describe('the bundled CLI through bin/county-rollup.js', () => {
  const root = resolve(__dirname, '../../..');
  let work: string;
  let inputs: string;

  beforeAll(async () => {
    const cache = join(root, 'node_modules', '.cache');
    mkdirSync(cache, { recursive: true });
    work = mkdtempSync(join(cache, 'cli-e2e-'));
    mkdirSync(join(work, 'bin'));
    copyFileSync(join(root, 'bin', 'county-rollup.js'), join(work, 'bin', 'county-rollup.js'));
    await build({
      entryPoints: [join(root, 'pipeline', 'cli.ts')],
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'cjs',
      outfile: join(work, 'dist', 'cli.js'),
      external: [
        'exceljs',
        'echarts',
        '@resvg/resvg-js',
        'docx',
        'iconv-lite',
        'papaparse',
        'opencc-js',
      ],
      logLevel: 'silent',
    });
    inputs = join(work, 'inputs');
    mkdirSync(inputs);
    writeFileSync(join(inputs, '黎岭镇.csv'), csvGbk(makeSheet()));
    writeFileSync(join(inputs, '黎岭镇.txt'), unicodeText(makeSheet()));
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  const cli = (...args: string[]): { status: number | null; stdout: string; stderr: string } =>
    spawnSync(process.execPath, [join(work, 'bin', 'county-rollup.js'), ...args], {
      encoding: 'utf8',
      cwd: work,
      env: { ...process.env, DEBUG: '' },
    });

  it('validate --json: exit 0 and only JSON on stdout', () => {
    const result = cli('validate', inputs, '--json');
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({
      files: [
        {
          file: '黎岭镇.csv',
          encoding: 'gb18030',
          township: '黎岭镇',
          status: 'accepted',
          findings: [],
        },
        {
          file: '黎岭镇.txt',
          encoding: 'utf-16le',
          township: '黎岭镇',
          status: 'accepted',
          findings: [],
        },
      ],
    });
  });

  it('exit 1 for a rejected file, exit 2 for a missing path', () => {
    writeFileSync(join(work, 'bad.csv'), Buffer.from([0, 1, 2, 0xff]));
    const rejected = cli('validate', join(work, 'bad.csv'), '--lang', 'en');
    expect(rejected.status).toBe(1);
    expect(rejected.stdout).toContain('[error] Cannot decode the file');
    const missing = cli('validate', join(work, 'nope'));
    expect({ status: missing.status, stdout: missing.stdout }).toEqual({ status: 2, stdout: '' });
    expect(missing.stderr).toContain('找不到');
  });

  it('node dist/cli.js runs on its own too', () => {
    const result = spawnSync(process.execPath, [join(work, 'dist', 'cli.js'), '--version'], {
      encoding: 'utf8',
    });
    expect({ status: result.status, stdout: result.stdout }).toEqual({
      status: 0,
      stdout: '0.1.0\n',
    });
  });
});
