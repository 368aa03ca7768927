import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { csvGbk, makeSheet, unicodeText } from '../../fixtures/sheets';
import { bundleCli, type CliBundle, type CliRun, runCli } from '../e2e/cliProcess';

/**
 * End to end: the CLI bundled as `npm run build` does it (scripts/build.mjs), started through the
 * committed launcher bin/county-rollup.js, in a temp folder laid out like the package.
 */
describe('the bundled CLI through bin/county-rollup.js', () => {
  let bundle: CliBundle;
  let work: string;
  let inputs: string;

  beforeAll(async () => {
    bundle = await bundleCli();
    work = bundle.dir;
    inputs = join(work, 'inputs');
    mkdirSync(inputs);
    writeFileSync(join(inputs, '黎岭镇.csv'), csvGbk(makeSheet()));
    writeFileSync(join(inputs, '黎岭镇.txt'), unicodeText(makeSheet()));
  });
  afterAll(() => bundle.dispose());

  const cli = (...args: string[]): CliRun => runCli(bundle.launcher, args, work);

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

  it('--help, --version and a bad --lang: the launcher answers alone, exactly as the CLI does', () => {
    for (const args of [
      ['--help'],
      ['merge', '-h', '--lang', 'en'],
      ['--version'],
      ['--lang=xx'],
    ]) {
      const launcher = cli(...args);
      const direct = runCli(bundle.cli, args, work);
      expect(launcher).toEqual(direct);
    }
    expect(cli('--version')).toEqual({ status: 0, stdout: '0.1.0\n', stderr: '' });
    // Answered without the CLI's bundle being loaded: it still answers with dist/cli.js unreadable.
    const broken = join(work, 'dist', 'cli.js');
    const saved = readFileSync(broken);
    writeFileSync(broken, 'throw new Error("loaded");');
    try {
      expect(cli('--help').status).toBe(0);
      expect(cli('validate', inputs).stderr).toContain('Error: loaded');
    } finally {
      writeFileSync(broken, saved);
    }
    // The quick answers stay small: no reader, workbook or chart library behind the help texts
    // (a message table importing the readers once made --help load exceljs: 4.3 × node -e 0).
    const quick = readFileSync(join(work, 'dist', 'quick.js'), 'utf8');
    expect(quick.match(/node_modules\/(?:jszip|exceljs|papaparse|echarts|@e965)\//u)).toBeNull();
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
    const result = runCli(bundle.cli, ['--version'], work);
    expect({ status: result.status, stdout: result.stdout }).toEqual({
      status: 0,
      stdout: '0.1.0\n',
    });
  });
});
