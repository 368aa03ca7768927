/**
 * Issue 13.6: once the new output is in place, an old one that cannot be deleted (read-only) is a
 * warning and the run's own exit status stands. Deleting is made to fail through a mocked `rm`
 * (these tests may run as root, where a read-only folder can still be deleted).
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type * as FsPromises from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CliIO } from '../../../pipeline/cli/args';
import { runMerge } from '../../../pipeline/commands/merge';
import { writeOutDir } from '../../../pipeline/write/writeOutDir';
import { sheetCsv, village } from '../intake/townshipFixture';

/** Paths whose removal fails with EACCES (set per test). */
let mockUndeletable: RegExp | null = null;
jest.mock('node:fs/promises', () => {
  const actual = jest.requireActual<typeof FsPromises>('node:fs/promises');
  return {
    ...actual,
    rm: (path: string, options?: Parameters<typeof actual.rm>[1]) =>
      mockUndeletable?.test(String(path)) === true
        ? Promise.reject(Object.assign(new Error('read-only'), { code: 'EACCES' }))
        : actual.rm(path, options),
  };
});

describe('an old --out that cannot be deleted', () => {
  let root: string;
  beforeEach(() => (root = mkdtempSync(join(tmpdir(), 'old-out-'))));
  afterEach(() => {
    mockUndeletable = null;
    rmSync(root, { recursive: true, force: true });
  });

  test('writeOutDir returns a warning, the new output is in place', async () => {
    mkdirSync(join(root, 'out'));
    writeFileSync(join(root, 'out', 'old.txt'), 'old');
    mockUndeletable = /\.out\.old-/u;
    const warnings = await writeOutDir(join(root, 'out'), (dir) =>
      Promise.resolve(writeFileSync(join(dir, 'a.txt'), 'new')),
    );
    expect(warnings).toEqual([
      { kind: 'oldNotRemoved', path: expect.stringMatching(/\.out\.old-/u), reason: 'EACCES' },
    ]);
    expect(readFileSync(join(root, 'out', 'a.txt'), 'utf8')).toBe('new');
  });

  test('merge exits with the run’s own status and says so as a note, not 「写入结果失败」', async () => {
    const input = join(root, 'in');
    mkdirSync(input);
    writeFileSync(
      join(input, '黎岭镇.csv'),
      sheetCsv({ township: '黎岭镇', villages: [village('一村', { trainingSessions: 1 })] }),
    );
    const out = join(root, 'out');
    mkdirSync(out);
    writeFileSync(join(out, 'old.txt'), 'old');
    const control = await runMerge([input, '--out', join(root, 'control'), '--no-charts'], {
      stdout: () => undefined,
      stderr: () => undefined,
      lang: 'zh',
      isTTY: false,
    });
    expect(control).not.toBe(2);
    mockUndeletable = /\.out\.old-/u;
    const err: string[] = [];
    const io: CliIO = {
      stdout: () => undefined,
      stderr: (s) => err.push(s),
      lang: 'zh',
      isTTY: false,
    };
    const code = await runMerge([input, '--out', out, '--no-charts'], io);
    expect(err.join('')).not.toContain('写入结果失败');
    expect(err.join('')).toContain('新结果已写好，但未能删除旧的输出');
    expect(code).toBe(control);
    expect(existsSync(join(out, 'summary.json'))).toBe(true);
    expect(existsSync(join(out, 'old.txt'))).toBe(false);
  });
});
