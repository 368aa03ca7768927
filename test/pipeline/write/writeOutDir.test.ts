import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkOutDir, writeOutDir } from '../../../pipeline/write/writeOutDir';

describe('writeOutDir', () => {
  let root: string;
  beforeEach(() => (root = mkdtempSync(join(tmpdir(), 'out-'))));
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  test('a new folder appears with everything written, and no temporary folder is left', async () => {
    await writeOutDir(join(root, 'out'), (dir) =>
      Promise.resolve(writeFileSync(join(dir, 'a.txt'), 'new')),
    );
    expect(readdirSync(root)).toEqual(['out']);
    expect(readFileSync(join(root, 'out', 'a.txt'), 'utf8')).toBe('new');
  });

  test('an existing folder is replaced as a whole (old files gone)', async () => {
    mkdirSync(join(root, 'out'));
    writeFileSync(join(root, 'out', 'old.txt'), 'old');
    await writeOutDir(join(root, 'out'), (dir) =>
      Promise.resolve(writeFileSync(join(dir, 'a.txt'), 'new')),
    );
    expect(readdirSync(root)).toEqual(['out']);
    expect(readdirSync(join(root, 'out'))).toEqual(['a.txt']);
  });

  test('a failure while writing leaves the old folder untouched and removes the temporary one', async () => {
    mkdirSync(join(root, 'out'));
    writeFileSync(join(root, 'out', 'old.txt'), 'old');
    await expect(
      writeOutDir(join(root, 'out'), (dir) => {
        writeFileSync(join(dir, 'half.txt'), 'half');
        return Promise.reject(new Error('disk full'));
      }),
    ).rejects.toThrow('disk full');
    expect(readdirSync(root)).toEqual(['out']);
    expect(readdirSync(join(root, 'out'))).toEqual(['old.txt']);
    expect(readFileSync(join(root, 'out', 'old.txt'), 'utf8')).toBe('old');
  });

  test('checkOutDir: missing parent, a file in the way, fine', async () => {
    expect(await checkOutDir(join(root, 'no', 'out'))).toBe('parentMissing');
    writeFileSync(join(root, 'file'), '');
    expect(await checkOutDir(join(root, 'file'))).toBe('outIsFile');
    expect(await checkOutDir(join(root, 'file', 'out'))).toBe('parentMissing');
    expect(await checkOutDir(join(root, 'out'))).toBeNull();
  });
});
