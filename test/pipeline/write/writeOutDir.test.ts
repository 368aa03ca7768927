import {
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  realpathSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  checkOutAgainstInput,
  checkOutDir,
  recoverOutDir,
  resolveOutDir,
  writeOutDir,
} from '../../../pipeline/write/writeOutDir';

/** A folder's entries sorted, with the random suffix of version folders masked. */
function entries(dir: string): string[] {
  return readdirSync(dir)
    .map((name) => name.replace(/\.v-[A-Za-z0-9]{6}$/u, '.v-*'))
    .sort();
}

const write = (text: string) => (dir: string) =>
  Promise.resolve(writeFileSync(join(dir, 'a.txt'), text));

describe('writeOutDir', () => {
  let root: string;
  beforeEach(() => (root = mkdtempSync(join(tmpdir(), 'out-'))));
  afterEach(() => {
    delete process.env.COUNTY_ROLLUP_TEST_NO_SYMLINK;
    rmSync(root, { recursive: true, force: true });
  });

  test('a new folder appears with everything written: --out links to its version folder, nothing else is left', async () => {
    expect(await writeOutDir(join(root, 'out'), write('new'))).toEqual([]);
    expect(entries(root)).toEqual(['.out.v-*', 'out']);
    expect(lstatSync(join(root, 'out')).isSymbolicLink()).toBe(true);
    expect(readlinkSync(join(root, 'out'))).toMatch(/^\.out\.v-[A-Za-z0-9]{6}$/u);
    expect(readFileSync(join(root, 'out', 'a.txt'), 'utf8')).toBe('new');
  });

  test('an existing folder of an older version is replaced as a whole (old files gone), and so is a linked one', async () => {
    mkdirSync(join(root, 'out'));
    writeFileSync(join(root, 'out', 'old.txt'), 'old');
    await writeOutDir(join(root, 'out'), write('new'));
    expect(entries(root)).toEqual(['.out.v-*', 'out']);
    expect(readdirSync(join(root, 'out'))).toEqual(['a.txt']);
    const first = readlinkSync(join(root, 'out'));
    await writeOutDir(join(root, 'out'), write('newer'));
    expect(entries(root)).toEqual(['.out.v-*', 'out']);
    expect(readlinkSync(join(root, 'out'))).not.toBe(first);
    expect(readFileSync(join(root, 'out', 'a.txt'), 'utf8')).toBe('newer');
  });

  test('without symbolic links (Windows, FAT): --out is a real folder replaced by two renames', async () => {
    process.env.COUNTY_ROLLUP_TEST_NO_SYMLINK = '1';
    await writeOutDir(join(root, 'out'), write('new'));
    mkdirSync(join(root, 'out', 'sub'));
    await writeOutDir(join(root, 'out'), write('newer'));
    expect(entries(root)).toEqual(['out']);
    expect(lstatSync(join(root, 'out')).isDirectory()).toBe(true);
    expect(readdirSync(join(root, 'out'))).toEqual(['a.txt']);
    expect(readFileSync(join(root, 'out', 'a.txt'), 'utf8')).toBe('newer');
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

  test('resolveOutDir follows a link of the user (not ours) and resolves the parent', async () => {
    mkdirSync(join(root, 'real'));
    symlinkSync(join(root, 'real'), join(root, 'mine'));
    symlinkSync(root, join(root, 'up'));
    const place = await resolveOutDir(join(root, 'up', 'mine'));
    expect(place.path).toBe(join(realpathSync(root), 'real'));
  });

  test('checkOutAgainstInput: by real path, both ways, version folders and siblings included', async () => {
    mkdirSync(join(root, 'in'));
    symlinkSync(join(root, 'in'), join(root, 'in-link'));
    await writeOutDir(join(root, 'out'), write('x'));
    const version = readlinkSync(join(root, 'out'));
    expect(await checkOutAgainstInput(join(root, 'in-link'), join(root, 'in'))).toBe(
      'outHoldsInput',
    );
    expect(await checkOutAgainstInput(root, join(root, 'in-link'))).toBe('outHoldsInput');
    expect(await checkOutAgainstInput(join(root, 'in-link', 'o'), join(root, 'in'))).toBe(
      'outInsideInput',
    );
    expect(await checkOutAgainstInput(join(root, 'out'), join(root, version))).toBe(
      'outHoldsInput',
    );
    expect(await checkOutAgainstInput(join(root, 'out'), join(root, '.out.old-abc'))).toBe(
      'outHoldsInput',
    );
    expect(await checkOutAgainstInput(join(root, 'out'), join(root, 'in'))).toBeNull();
  });

  // Issue 13.4: what interrupted runs left (ours, also the pid names of older versions) is swept; others stay.
  test('recoverOutDir: puts back an --out set aside by an interrupted swap and sweeps leftovers', async () => {
    mkdirSync(join(root, '.out.old-1234'));
    writeFileSync(join(root, '.out.old-1234', 'old.txt'), 'old');
    mkdirSync(join(root, '.out.tmp-999'));
    writeFileSync(join(root, '.out.tmp-999', 'villages.csv'), 'personal');
    mkdirSync(join(root, '.out.v-AbC123'));
    mkdirSync(join(root, '.other.v-AbC123'));
    mkdirSync(join(root, 'keep'));
    expect(await recoverOutDir(await resolveOutDir(join(root, 'out')))).toEqual([]);
    expect(entries(root)).toEqual(['.other.v-*', 'keep', 'out']);
    expect(readFileSync(join(root, 'out', 'old.txt'), 'utf8')).toBe('old');
    expect(existsSync(join(root, 'out'))).toBe(true);
  });

  test('recoverOutDir: with --out in place, a stale .out.old-PID of an older version is swept, never in the way', async () => {
    await writeOutDir(join(root, 'out'), write('current'));
    mkdirSync(join(root, `.out.old-${process.pid}`));
    writeFileSync(join(root, `.out.old-${process.pid}`, 'villages.csv'), 'personal');
    mkdirSync(join(root, `.out.tmp-${process.pid}`));
    expect(await recoverOutDir(await resolveOutDir(join(root, 'out')))).toEqual([]);
    expect(entries(root)).toEqual(['.out.v-*', 'out']);
    expect(readFileSync(join(root, 'out', 'a.txt'), 'utf8')).toBe('current');
    await writeOutDir(join(root, 'out'), write('next'));
    expect(readFileSync(join(root, 'out', 'a.txt'), 'utf8')).toBe('next');
  });
});
