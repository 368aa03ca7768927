/** The township files of an input folder: what to read, what to skip silently, what to list as ignored. */
import { readdir, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';

/** Extensions read as township files (entry-sheet §7.9). */
export const READ_EXTENSIONS = ['.csv', '.txt', '.xlsx'] as const;
/** Extensions of spreadsheet formats that are rejected with E_UNSUPPORTED_FORMAT. */
export const UNSUPPORTED_EXTENSIONS = ['.xls', '.et', '.numbers', '.ods'] as const;

/** What listInputs returns: full paths of files to read (or reject), and names of entries ignored. */
export interface InputListing {
  /** Paths of .csv/.txt/.xlsx and unsupported-format files, sorted by file name (Unicode code point). */
  files: string[];
  /** Names of sub-folders and files of other types, sorted; listed once on stderr. */
  ignored: string[];
}

/** Lists an input folder (not recursive). Excel lock files (~$…) and hidden files are skipped silently. Throws when the folder cannot be read. */
export async function listInputs(dir: string): Promise<InputListing> {
  const entries = await readdir(dir, { withFileTypes: true });
  const files: string[] = [];
  const ignored: string[] = [];
  for (const entry of entries.sort((a, b) => compareCodePoints(a.name, b.name))) {
    const name = entry.name;
    if (name.startsWith('.') || name.startsWith('~$')) continue;
    const path = join(dir, name);
    // The dirent type is free; only a symbolic link needs a stat, to follow it to what it points at
    // (a stat per file cost seconds on a 40,000-file folder).
    const isFile = entry.isSymbolicLink()
      ? (await stat(path).catch(() => null))?.isFile() === true
      : entry.isFile();
    if (isFile && isInputFile(name)) files.push(path);
    else ignored.push(name);
  }
  return { files, ignored };
}

/** Whether a file name has an extension that is read or rejected as a township file. */
export function isInputFile(name: string): boolean {
  const extension = extname(name).toLowerCase();
  return (
    (READ_EXTENSIONS as readonly string[]).includes(extension) ||
    (UNSUPPORTED_EXTENSIONS as readonly string[]).includes(extension)
  );
}

/** Orders strings by Unicode code point (not UTF-16 code unit, which misplaces characters beyond U+FFFF). */
export function compareCodePoints(a: string, b: string): number {
  const x = Array.from(a);
  const y = Array.from(b);
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const d = (x[i]?.codePointAt(0) ?? 0) - (y[i]?.codePointAt(0) ?? 0);
    if (d !== 0) return d;
  }
  return x.length - y.length;
}
