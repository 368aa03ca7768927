/**
 * What must happen when the run is stopped from outside (Ctrl-C, SIGTERM, SIGHUP, the launcher
 * killed): commands register synchronous clean-ups (remove a half-written folder, release a lock);
 * the entry point (cli.ts) runs them and exits. Also the deterministic test hooks of the kill tests.
 */

const cleanups = new Set<() => boolean>();

/**
 * Registers a synchronous clean-up for an interruption (returning true when it removed unfinished
 * output); returns the function that unregisters it.
 */
export function onInterrupt(cleanup: () => boolean): () => void {
  cleanups.add(cleanup);
  return () => void cleanups.delete(cleanup);
}

/** Runs (once) every registered clean-up, newest first; true when unfinished output was removed. */
export function runInterruptCleanups(): boolean {
  const list = [...cleanups].reverse();
  cleanups.clear();
  let removed = false;
  for (const cleanup of list) {
    try {
      removed = cleanup() || removed;
    } catch {
      // Best effort: the next run sweeps what is left (recoverOutDir).
    }
  }
  return removed;
}

let launcherPid: number | null = null;

/** Records the launcher (bin/county-rollup.js) this process was started by, so that its death can be noticed. */
export function watchLauncher(pid: number): void {
  launcherPid = pid;
}

/** True when this process was started by the launcher and the launcher is gone (this process was re-parented). */
export function launcherGone(): boolean {
  return launcherPid !== null && process.ppid !== launcherPid;
}

/** Test hook point names (see {@link testHook}). */
export type HookPoint = 'filled' | 'flip' | 'migrate' | 'swap' | 'committed';

/**
 * Deterministic kill tests: with COUNTY_ROLLUP_TEST_KILL_AT=<point> the process SIGKILLs itself at
 * that point. Read only here and only by the tests; without the variable this does nothing.
 */
export function testHook(point: HookPoint): void {
  if (process.env.COUNTY_ROLLUP_TEST_KILL_AT === point) process.kill(process.pid, 'SIGKILL');
}

/**
 * Deterministic slow point for the launcher tests: with COUNTY_ROLLUP_TEST_PAUSE_AT=<point> the
 * run prints `paused <point> <pid>` on stderr and waits that many milliseconds
 * (COUNTY_ROLLUP_TEST_PAUSE_MS, default 20,000) without blocking, so signals are handled.
 */
export async function testPause(
  point: HookPoint,
  stderr: (s: string) => void = (s) => void process.stderr.write(s),
): Promise<void> {
  if (process.env.COUNTY_ROLLUP_TEST_PAUSE_AT !== point) return;
  stderr(`paused ${point} ${process.pid}\n`);
  const ms = Number(process.env.COUNTY_ROLLUP_TEST_PAUSE_MS ?? '20000');
  await new Promise((done) => setTimeout(done, ms));
}
