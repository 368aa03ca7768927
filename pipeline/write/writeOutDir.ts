/** Atomic output folder: everything is written into a temporary folder beside `--out`, then renamed into place. */
import { constants } from 'node:fs';
import { access, mkdir, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';

/** Why the output folder cannot be used (the merge stops with exit 2 before reading anything). */
export type OutDirProblem = 'parentMissing' | 'parentUnwritable' | 'outIsFile';

/** Checks that `out` can be written: its parent exists and is writable, and `out` is not a file. */
export async function checkOutDir(out: string): Promise<OutDirProblem | null> {
  const target = resolve(out);
  const parent = dirname(target);
  const parentInfo = await stat(parent).catch(() => null);
  if (parentInfo === null || !parentInfo.isDirectory()) return 'parentMissing';
  try {
    await access(parent, constants.W_OK | constants.X_OK);
  } catch {
    return 'parentUnwritable';
  }
  const info = await stat(target).catch(() => null);
  if (info !== null && !info.isDirectory()) return 'outIsFile';
  return null;
}

/**
 * Runs `fill` on a fresh temporary folder beside `out` (same parent, so the rename is atomic),
 * then swaps it in: an existing `out` is renamed aside, the new one renamed in, the old one removed.
 * On any failure the temporary folder is removed and the old `out` stays (or is put back) as it was.
 */
export async function writeOutDir(
  out: string,
  fill: (dir: string) => Promise<void>,
): Promise<void> {
  const target = resolve(out);
  const parent = dirname(target);
  const name = basename(target);
  const temp = join(parent, `.${name}.tmp-${process.pid}`);
  const aside = join(parent, `.${name}.old-${process.pid}`);
  await rm(temp, { recursive: true, force: true });
  await mkdir(temp);
  try {
    await fill(temp);
  } catch (error) {
    await rm(temp, { recursive: true, force: true });
    throw error;
  }
  const hadOld = (await stat(target).catch(() => null)) !== null;
  try {
    if (hadOld) await rename(target, aside);
    await rename(temp, target);
  } catch (error) {
    if (hadOld && (await stat(target).catch(() => null)) === null)
      await rename(aside, target).catch(() => undefined);
    await rm(temp, { recursive: true, force: true });
    throw error;
  }
  if (hadOld) await rm(aside, { recursive: true, force: true });
}
