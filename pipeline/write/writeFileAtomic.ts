/** One file written atomically: into a hidden temporary file beside it, then renamed over the name (a reader never sees half a file). */
import { randomBytes } from 'node:crypto';
import { realpathSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** Writes `bytes` to `path` through a temporary sibling and one rename; the temporary file is removed on failure. */
export function writeFileAtomic(path: string, bytes: Uint8Array): void {
  const temp = join(dirname(path), `.${basename(path)}.tmp-${randomBytes(4).toString('hex')}`);
  try {
    writeFileSync(temp, bytes, { flag: 'wx' });
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}

/**
 * A file name in `dir` not yet `taken` (compared case-insensitively: Windows and macOS folders are)
 * and not the real path of any of `protectedPaths` (the inputs): `name`, else `stem(2).ext` …
 * The name returned is added to `taken`.
 */
export function freeFileName(
  dir: string,
  name: string,
  taken: Set<string>,
  protectedPaths: ReadonlySet<string> = new Set(),
): string {
  const dot = name.lastIndexOf('.');
  const [stem, ext] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ''];
  for (let i = 1; ; i++) {
    const candidate = i === 1 ? name : `${stem}(${i})${ext}`;
    if (taken.has(candidate.toLowerCase())) continue;
    if (protectedPaths.has(realPathOf(join(dir, candidate)))) continue;
    taken.add(candidate.toLowerCase());
    return candidate;
  }
}

/** The real path of a file, or the path itself when it does not exist (yet). */
export function realPathOf(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}
