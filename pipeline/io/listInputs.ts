/** The township files of an input folder: what to read, what to skip silently, what to list as ignored. */
import { readdir, stat } from 'node:fs/promises';
import { extname, join, sep } from 'node:path';
import { decodeName, type FilePath } from './filePath';

/** Extensions read as township files (entry-sheet §7.9; .xls/.et as BIFF8). */
export const READ_EXTENSIONS = ['.csv', '.txt', '.xlsx', '.xls', '.et'] as const;
/** Extensions of spreadsheet formats that are rejected with E_UNSUPPORTED_FORMAT. */
export const UNSUPPORTED_EXTENSIONS = ['.numbers', '.ods'] as const;

/** What listInputs returns: full paths of files to read (or reject), and names of entries ignored. */
export interface InputListing {
  /**
   * Paths of read and unsupported-format files, sorted by (decoded) file name (Unicode code point).
   * A name that is not UTF-8 (GBK bytes from a Windows zip) is its raw bytes, opened as such.
   */
  files: FilePath[];
  /** Names of sub-folders and files of other types, sorted; listed once on stderr. */
  ignored: string[];
}

/** Lists an input folder (not recursive). Excel lock files (~$…) and hidden files are skipped silently. Throws when the folder cannot be read. */
export async function listInputs(dir: string): Promise<InputListing> {
  // Names as bytes: a GBK name read as a string would lose its bytes to U+FFFD and never open.
  const entries = await readdir(dir, { withFileTypes: true, encoding: 'buffer' });
  const named = entries.map((entry) => {
    const raw = entry.name as unknown as Buffer;
    const utf8 = isUtf8(raw);
    const name = utf8 ? raw.toString('utf8') : decodeName(raw);
    const path: FilePath = utf8
      ? join(dir, name)
      : Buffer.concat([Buffer.from(dir.endsWith(sep) ? dir : dir + sep, 'utf8'), raw]);
    return { entry, name, path };
  });
  const files: FilePath[] = [];
  const ignored: string[] = [];
  for (const { entry, name, path } of named.sort((a, b) => compareCodePoints(a.name, b.name))) {
    if (name.startsWith('.') || name.startsWith('~$')) continue;
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

function isUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
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
