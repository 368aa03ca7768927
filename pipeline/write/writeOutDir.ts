/**
 * Atomic output folder. Everything is written into a fresh version folder beside `--out`
 * (`.<name>.v-XXXXXX`, same parent); `--out` itself is a symbolic link to the current version, and
 * a run flips it in one step by renaming a new link over the old one (rename(2) replaces a link
 * atomically), so a reader polling `--out` never finds it missing and a kill at any point leaves
 * the old or the new output, complete. Node cannot reach renameat2(RENAME_EXCHANGE) without native
 * code, hence the link. An `--out` that is a real folder (written by an older version) is migrated:
 * set aside and replaced by the link in two renames; where links are not available (Windows, FAT,
 * some network shares) the same two-rename swap is used for every run. A kill between those two
 * renames leaves the old folder under `.<name>.old-…`: the next run puts it back before anything
 * else ({@link recoverOutDir}).
 */
import { constants } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { lstatSync, readlinkSync, renameSync, rmSync } from 'node:fs';
import {
  access,
  lstat,
  mkdir,
  readdir,
  readlink,
  realpath,
  rename,
  rm,
  stat,
  symlink,
} from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { onInterrupt, testHook, testPause } from '../cli/interrupt';

/** Why the output folder cannot be used (the merge stops with exit 2 before reading anything). */
export type OutDirProblem = 'parentMissing' | 'parentUnwritable' | 'outIsFile';

/** Where `--out` really is: the real path of its folder and its name there. */
export interface OutPlace {
  parent: string;
  name: string;
  /** `parent/name`: a link to the current version, a real folder (older versions, no links), or nothing yet. */
  path: string;
}

/** Something that went wrong after the new output was in place: reported, never a failure. */
export interface OutDirWarning {
  kind: 'oldNotRemoved' | 'leftoverNotRemoved';
  path: string;
  reason: string;
}

/** The names this module creates beside `--out` (mkdtemp and random suffixes; `tmp-`/`old-` with a pid from older versions). */
const SIBLING = /^\.(.+)\.(v|old|link|tmp)-[A-Za-z0-9]+$/u;

/** The link text of a version folder of `name`: relative, so the parent folder can be moved or copied. */
function isVersionLink(name: string, text: string): boolean {
  const match = SIBLING.exec(text);
  return match !== null && match[1] === name && match[2] === 'v';
}

/** The real path of `path`, or of its nearest existing ancestor with the rest appended (the path need not exist yet). */
export async function realpathLoose(path: string): Promise<string> {
  const absolute = resolve(path);
  try {
    return await realpath(absolute);
  } catch {
    const up = dirname(absolute);
    return up === absolute ? absolute : join(await realpathLoose(up), basename(absolute));
  }
}

/** Resolves `--out`: a link that is not one of ours is followed (the user's link keeps pointing where it did); the parent by real path. */
export async function resolveOutDir(out: string): Promise<OutPlace> {
  let path = resolve(out);
  for (let hops = 0; hops < 40; hops++) {
    const info = await lstat(path).catch(() => null);
    if (info === null || !info.isSymbolicLink()) break;
    const text = await readlink(path);
    if (isVersionLink(basename(path), text)) break;
    path = resolve(dirname(path), text);
  }
  const parent = await realpathLoose(dirname(path));
  const name = basename(path);
  return { parent, name, path: join(parent, name) };
}

/** The version folder `--out` links to, or null when it is not one of our links. */
async function currentVersion(place: OutPlace): Promise<string | null> {
  const text = await readlink(place.path).catch(() => null);
  return text !== null && isVersionLink(place.name, text) ? join(place.parent, text) : null;
}

/** True when `inner` is `outer` or lies inside it (both absolute). */
function within(inner: string, outer: string): boolean {
  const rel = relative(outer, inner);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
}

/**
 * How `--out` and the input folder overlap, by the paths as given and by real paths (links and
 * linked parents resolved): 'outHoldsInput' when `--out` (or a version folder or sibling this
 * module manages) is or contains the input, 'outInsideInput' when `--out` lies inside the input.
 */
export async function checkOutAgainstInput(
  out: string,
  input: string,
): Promise<'outHoldsInput' | 'outInsideInput' | null> {
  const place = await resolveOutDir(out);
  const version = await currentVersion(place);
  const outs = [resolve(out), place.path, ...(version === null ? [] : [version])];
  const inputs = [resolve(input), await realpathLoose(input)];
  for (const i of inputs) {
    for (const o of outs) if (within(i, o)) return 'outHoldsInput';
    const rel = relative(place.parent, i);
    const first = rel.split(sep)[0] ?? '';
    if (within(i, place.parent) && SIBLING.exec(first)?.[1] === place.name) return 'outHoldsInput';
  }
  for (const i of inputs) for (const o of outs) if (within(o, i)) return 'outInsideInput';
  return null;
}

/** Checks that `out` can be written: its parent exists and is writable, and `out` is not a file. */
export async function checkOutDir(out: string): Promise<OutDirProblem | null> {
  const { parent, path } = await resolveOutDir(out);
  const parentInfo = await stat(parent).catch(() => null);
  if (parentInfo === null || !parentInfo.isDirectory()) return 'parentMissing';
  try {
    await access(parent, constants.W_OK | constants.X_OK);
  } catch {
    return 'parentUnwritable';
  }
  const info = await stat(path).catch(() => null);
  if (info !== null && !info.isDirectory()) return 'outIsFile';
  return null;
}

/** A short reason from an error (its code when it has one). */
function reasonOf(error: unknown): string {
  if (error instanceof Error)
    return 'code' in error && typeof error.code === 'string' ? error.code : error.message;
  return String(error);
}

/**
 * What an interrupted run left beside `--out` (call with the lock held): an `--out` missing while
 * an `.old-` folder exists is put back (the kill fell between the two renames of a swap), then every
 * other sibling this module names (`.v-`, `.old-`, `.link-`, `.tmp-`) except the current version is
 * removed — they may hold personal data (villages.csv). What cannot be removed is a warning.
 */
export async function recoverOutDir(place: OutPlace): Promise<OutDirWarning[]> {
  const warnings: OutDirWarning[] = [];
  const ours = async (): Promise<string[]> =>
    (await readdir(place.parent).catch(() => [] as string[])).filter(
      (entry) => SIBLING.exec(entry)?.[1] === place.name,
    );
  if ((await lstat(place.path).catch(() => null)) === null) {
    const asides = (await ours()).filter((entry) => SIBLING.exec(entry)?.[2] === 'old');
    const dated = await Promise.all(
      asides.map(async (entry) => ({
        entry,
        time: (await lstat(join(place.parent, entry))).mtimeMs,
      })),
    );
    dated.sort((a, b) => b.time - a.time);
    if (dated[0] !== undefined) await rename(join(place.parent, dated[0].entry), place.path);
  }
  const version = await currentVersion(place);
  for (const entry of await ours()) {
    const path = join(place.parent, entry);
    if (path === version) continue;
    try {
      await rm(path, { recursive: true, force: true });
    } catch (error) {
      warnings.push({ kind: 'leftoverNotRemoved', path, reason: reasonOf(error) });
    }
  }
  return warnings;
}

/** Errors that mean "this file system or platform has no symbolic links". */
const NO_LINKS = new Set(['EPERM', 'EACCES', 'ENOSYS', 'EINVAL', 'ENOTSUP', 'EOPNOTSUPP', 'EXDEV']);

/** Whether to use a link for `--out` (not on Windows: a junction cannot be renamed over another). */
function linksWanted(): boolean {
  return process.platform !== 'win32' && process.env.COUNTY_ROLLUP_TEST_NO_SYMLINK !== '1';
}

/** A random sibling name of `place` with `kind`. */
function siblingName(place: OutPlace, kind: 'old' | 'link'): string {
  return join(place.parent, `.${place.name}.${kind}-${randomBytes(6).toString('hex')}`);
}

/**
 * A new, empty version folder `.<name>.v-XXXXXX` (six random letters or digits, like mkdtemp). Made
 * with mkdir rather than mkdtemp: mkdtemp's folders are private (0700), while --out has always had
 * the permissions of a folder the user makes (0777 less the umask).
 */
async function makeVersionDir(place: OutPlace): Promise<string> {
  const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  for (;;) {
    const suffix = Array.from(randomBytes(6), (b) => letters[b % letters.length]).join('');
    const path = join(place.parent, `.${place.name}.v-${suffix}`);
    try {
      await mkdir(path);
      return path;
    } catch (error) {
      if (reasonOf(error) !== 'EEXIST') throw error;
    }
  }
}

/** Options of {@link writeOutDir}. */
export interface WriteOutOptions {
  /** Called just before the new output goes in; throws to stop (the lock was lost, the launcher died). */
  beforeCommit?: () => Promise<void>;
}

/**
 * Runs `fill` on a fresh version folder beside `out`, then puts it in place in one step (see the
 * file comment). On any failure before that the version folder is removed and the old `out` stays.
 * Returns warnings for what could not be removed afterwards (a read-only old output): the new output
 * is in place, so they never fail the run.
 */
export async function writeOutDir(
  out: string,
  fill: (dir: string) => Promise<void>,
  options: WriteOutOptions = {},
): Promise<OutDirWarning[]> {
  const place = await resolveOutDir(out);
  const version = await makeVersionDir(place);
  // Interrupted (Ctrl-C, the launcher killed) before the output is in place: nothing half-written stays.
  let pending: string[] = [version];
  // Between the two renames of a swap: the old output, set aside, to put back.
  let setAside: string | null = null;
  const forget = onInterrupt(() => {
    if (setAside !== null && lstatSync(place.path, { throwIfNoEntry: false }) === undefined)
      renameSync(setAside, place.path);
    // The flip's rename may have happened with its callback not yet run: never remove what --out links to.
    let live: string | null = null;
    try {
      live = join(place.parent, readlinkSync(place.path));
    } catch {
      live = null;
    }
    const doomed = pending.filter((path) => path !== live);
    for (const path of doomed) rmSync(path, { recursive: true, force: true });
    return doomed.length > 0 && live !== version;
  });
  try {
    await fill(version);
    testHook('filled');
    await options.beforeCommit?.();
    const old = await swapIn(place, version, {
      created: (path) => (pending = [...pending, path]),
      setAside: (path) => (setAside = path),
    });
    pending = [];
    setAside = null;
    testHook('committed');
    const warnings: OutDirWarning[] = [];
    for (const path of old) {
      try {
        await rm(path, { recursive: true, force: true });
      } catch (error) {
        warnings.push({ kind: 'oldNotRemoved', path, reason: reasonOf(error) });
      }
    }
    return warnings;
  } catch (error) {
    for (const path of pending) await rm(path, { recursive: true, force: true });
    throw error;
  } finally {
    forget();
  }
}

/**
 * Puts `version` in place of `place.path`; returns what to remove afterwards. `track` learns every
 * new sibling that must go if the swap fails, and the old output while it is set aside.
 */
async function swapIn(
  place: OutPlace,
  version: string,
  track: { created: (path: string) => void; setAside: (path: string) => void },
): Promise<string[]> {
  const before = await lstat(place.path).catch(() => null);
  const oldVersion = await currentVersion(place);
  if (linksWanted()) {
    const link = siblingName(place, 'link');
    const linked = await symlink(basename(version), link, 'dir').then(
      () => true,
      (error: unknown) => {
        if (NO_LINKS.has(reasonOf(error))) return false;
        throw error;
      },
    );
    if (linked) {
      track.created(link);
      if (before === null || before.isSymbolicLink()) {
        testHook('flip');
        await rename(link, place.path); // atomic: the old link is replaced, never missing
        return oldVersion === null ? [] : [oldVersion];
      }
      // A real folder from an older version: set aside, link in (the only gap, once per --out).
      const aside = siblingName(place, 'old');
      track.setAside(aside);
      await rename(place.path, aside);
      testHook('migrate');
      await testPause('migrate');
      try {
        await rename(link, place.path);
      } catch (error) {
        await rename(aside, place.path).catch(() => undefined);
        throw error;
      }
      return [aside];
    }
  }
  // No links here: the two-rename swap; a kill between the renames is put back by recoverOutDir.
  if (before === null) {
    await rename(version, place.path);
    return [];
  }
  const aside = siblingName(place, 'old');
  track.setAside(aside);
  await rename(place.path, aside);
  testHook('swap');
  try {
    await rename(version, place.path);
  } catch (error) {
    await rename(aside, place.path).catch(() => undefined);
    throw error;
  }
  return oldVersion === null ? [aside] : [aside, oldVersion];
}
