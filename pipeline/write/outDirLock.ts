/**
 * One merge at a time per `--out`: a lock file `.<name>.lock` beside it, created with O_EXCL, holding
 * who took it (pid, host, start time, and on Linux the process's start tick so a reused pid is not
 * mistaken for the owner). A lock whose process is gone (same host) is stale and taken over.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync, unlinkSync } from 'node:fs';
import { lstat, open, readFile, rename, unlink } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { onInterrupt } from '../cli/interrupt';
import type { OutPlace } from './writeOutDir';

/** Who holds a lock, as written in the lock file. */
export interface LockOwner {
  pid: number;
  host: string;
  /** ISO time the run took the lock. */
  since: string;
  /** Linux: field 22 of /proc/<pid>/stat (start time in clock ticks since boot); null elsewhere. */
  procStart: string | null;
  token: string;
}

/** A held lock. */
export interface OutDirLock {
  path: string;
  /** Still ours (a stale-lock takeover by another run would replace the file)? */
  held(): Promise<boolean>;
  /** Removes the lock file if it is still ours. Synchronous, so an interruption can call it. */
  release(): void;
}

/** The result of trying to take the lock. */
export type LockAttempt =
  { ok: true; lock: OutDirLock } | { ok: false; path: string; owner: LockOwner | null };

/** A lock file younger than this without readable content is being written by its taker: held. */
const FRESH_MS = 10_000;

/** Start tick of process `pid` from /proc (Linux), null when not available. */
function procStart(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) is in parentheses and may hold spaces: count from the last ')'.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null;
  } catch {
    return null;
  }
}

/** Parses a lock file's text; null when it is not one. */
function parseOwner(text: string): LockOwner | null {
  try {
    const data = JSON.parse(text) as Partial<LockOwner>;
    if (typeof data.pid !== 'number' || typeof data.token !== 'string') return null;
    return {
      pid: data.pid,
      host: typeof data.host === 'string' ? data.host : '',
      since: typeof data.since === 'string' ? data.since : '',
      procStart: typeof data.procStart === 'string' ? data.procStart : null,
      token: data.token,
    };
  } catch {
    return null;
  }
}

/** Whether the owner of a lock may still be running (another host: cannot tell, so yes). */
function ownerAlive(owner: LockOwner): boolean {
  if (owner.host !== hostname()) return true;
  try {
    process.kill(owner.pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ESRCH') return false;
  }
  const start = procStart(owner.pid);
  return owner.procStart === null || start === null || start === owner.procStart;
}

/** Takes the lock of `place`, taking over a stale one; `{ ok: false }` with the owner when another run holds it. */
export async function lockOutDir(place: OutPlace): Promise<LockAttempt> {
  const path = join(place.parent, `.${place.name}.lock`);
  const owner: LockOwner = {
    pid: process.pid,
    host: hostname(),
    since: new Date().toISOString(),
    procStart: procStart(process.pid),
    token: randomBytes(12).toString('hex'),
  };
  const text = `${JSON.stringify(owner, null, 2)}\n`;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const handle = await open(path, 'wx');
      try {
        await handle.writeFile(text);
      } finally {
        await handle.close();
      }
      return { ok: true, lock: heldLock(path, owner.token) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const seen = await readFile(path, 'utf8').catch(() => null);
    if (seen === null) continue; // released meanwhile: try again
    const holder = parseOwner(seen);
    const info = await lstat(path).catch(() => null);
    const fresh = info !== null && Date.now() - info.mtimeMs < FRESH_MS;
    if (holder === null ? fresh : ownerAlive(holder)) return { ok: false, path, owner: holder };
    // Stale: move it aside and check that what moved is the file judged stale (another run may have
    // taken over in between; then put its lock back and report it as the holder).
    const aside = `${path}.stale-${randomBytes(6).toString('hex')}`;
    if (
      !(await rename(path, aside).then(
        () => true,
        () => false,
      ))
    )
      continue;
    const moved = await readFile(aside, 'utf8').catch(() => null);
    if (moved === seen) {
      await unlink(aside).catch(() => undefined);
      continue;
    }
    await rename(aside, path).catch(() => undefined);
    return { ok: false, path, owner: moved === null ? null : parseOwner(moved) };
  }
  const last = await readFile(path, 'utf8').catch(() => null);
  return { ok: false, path, owner: last === null ? null : parseOwner(last) };
}

/** The handle of a lock file written with `token`. */
function heldLock(path: string, token: string): OutDirLock {
  const ours = (text: string | null): boolean => text !== null && parseOwner(text)?.token === token;
  const release = (): void => {
    forget();
    let text: string | null = null;
    try {
      text = readFileSync(path, 'utf8');
    } catch {
      return;
    }
    if (ours(text)) {
      try {
        unlinkSync(path);
      } catch {
        // Gone already, or not removable: a later run finds the pid gone and takes over.
      }
    }
  };
  const forget = onInterrupt(() => {
    release();
    return false;
  });
  return {
    path,
    held: async () => ours(await readFile(path, 'utf8').catch(() => null)),
    release,
  };
}
