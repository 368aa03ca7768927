import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compareCodePoints, isInputFile, listInputs } from '../../../pipeline/io/listInputs';

describe('listInputs', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'list-inputs-'));
    for (const name of [
      '青石镇.csv',
      '黎岭镇.XLSX',
      'a.txt',
      '旧表.xls',
      'wps.et',
      '~$黎岭镇.xlsx',
      '.hidden.csv',
      '.DS_Store',
      'notes.docx',
      'README',
    ]) {
      writeFileSync(join(dir, name), 'x');
    }
    mkdirSync(join(dir, '归档'));
    writeFileSync(join(dir, '归档', 'old.csv'), 'x');
    symlinkSync(join(dir, 'a.txt'), join(dir, 'link.csv'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('lists read and rejected formats sorted by code point; skips lock and hidden files; ignores the rest', async () => {
    expect(await listInputs(dir)).toEqual({
      files: ['a.txt', 'link.csv', 'wps.et', '旧表.xls', '青石镇.csv', '黎岭镇.XLSX'].map((n) =>
        join(dir, n),
      ),
      ignored: ['README', 'notes.docx', '归档'],
    });
  });

  it('throws when the folder cannot be read (the caller reports it and exits 2)', async () => {
    await expect(listInputs(join(dir, 'missing'))).rejects.toThrow();
  });

  it('isInputFile knows the read and rejected extensions, in any case', () => {
    expect(
      ['x.csv', 'x.TXT', 'x.xlsx', 'x.xls', 'x.et', 'x.numbers', 'x.ods', 'x.pdf', 'x'].map(
        isInputFile,
      ),
    ).toEqual([true, true, true, true, true, true, true, false, false]);
  });

  it('compareCodePoints orders astral characters after the BMP (unlike UTF-16 code units)', () => {
    expect(['\u{20000}', '\uFF21', 'a'].sort(compareCodePoints)).toEqual([
      'a',
      '\uFF21',
      '\u{20000}',
    ]);
    expect(['\u{20000}', '\uFF21'].sort()).toEqual(['\u{20000}', '\uFF21']);
  });
});
