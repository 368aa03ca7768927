import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type * as CoreModule from '../../../core';
import type * as CliModule from '../../../pipeline/cli/cli';

type Core = typeof CoreModule;
type Main = typeof CliModule.main;

/**
 * main() from a fresh module registry whose core.loadSchema throws what `makeError` makes (with that
 * registry's core). The registry stays current after this returns: main loads each command when it runs.
 */
function mainWithBrokenSchema(makeError: (core: Core) => Error): Main {
  jest.resetModules();
  jest.doMock('../../../core', () => {
    const core = jest.requireActual<Core>('../../../core');
    return {
      ...core,
      loadSchema: () => {
        throw makeError(core);
      },
    };
  });
  return jest.requireActual<typeof CliModule>('../../../pipeline/cli/cli').main;
}

describe('unexpected errors become a message and exit 2', () => {
  let dir: string;
  let file: string;
  const debug = process.env.DEBUG;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'cli-crash-'));
    file = join(dir, 'a.csv');
    writeFileSync(file, '序号,村名\n');
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
    if (debug === undefined) delete process.env.DEBUG;
    else process.env.DEBUG = debug;
  });

  async function run(
    main: Main,
    argv: string[],
  ): Promise<{ code: number; stdout: string; stderr: string }> {
    let stdout = '';
    let stderr = '';
    const code = await main(argv, {
      stdout: (s) => (stdout += s),
      stderr: (s) => (stderr += s),
      isTTY: false,
    });
    return { code, stdout, stderr };
  }

  it('a bug: a clear message, no stack trace', async () => {
    delete process.env.DEBUG;
    const result = await run(
      mainWithBrokenSchema(() => new TypeError('boom')),
      ['validate', file],
    );
    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr:
        '程序内部错误：boom\n请把这条信息连同输入文件发给维护人员（设置环境变量 DEBUG=1 可看到详细信息）。\n',
    });
  });

  it('with DEBUG set, the stack follows the message', async () => {
    process.env.DEBUG = '1';
    const result = await run(
      mainWithBrokenSchema(() => new TypeError('boom')),
      ['validate', file, '--lang', 'en'],
    );
    expect(result.code).toBe(2);
    expect(result.stderr.startsWith('Internal error: boom\n')).toBe(true);
    expect(result.stderr).toContain('TypeError: boom\n    at ');
  });

  it('a broken schema file names its problems', async () => {
    delete process.env.DEBUG;
    const main = mainWithBrokenSchema(
      (core) => new core.SchemaError(['columns[3].type must be one of count, money']),
    );
    const result = await run(main, ['validate', file]);
    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr:
        '统计表定义文件（schema）有误，无法运行：columns[3].type must be one of count, money\n',
    });
  });
});
