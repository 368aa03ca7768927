/**
 * Times a CLI run as a child process: wall time, peak RSS (GNU time, else /proc polling), exit
 * status and the CLI's last stderr line. Batches come from bench/batch.ts.
 */
import { spawn } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync } from 'node:fs';

/** A timed merge run. */
export interface MergeTiming {
  seconds: number;
  /** Peak resident set size in MiB (null when it could not be measured). */
  peakMiB: number | null;
  status: number | null;
  /** The last line the CLI wrote to stderr (its one-line summary). */
  lastLine: string;
  /** The last few stderr lines, to show why a run failed. */
  tail: string[];
}

/** Runs `node <cli> <args>` and measures it (see timeCommand). */
export function timeRun(
  cli: string,
  args: readonly string[],
  logFile: string,
): Promise<MergeTiming> {
  return timeCommand([process.execPath, cli, ...args], logFile);
}

/**
 * Runs a command and measures wall time and peak RSS: with GNU time when present, else by
 * polling VmHWM in /proc/<pid>/status. stderr goes to a file (a line per input file).
 */
export function timeCommand(command: readonly string[], logFile: string): Promise<MergeTiming> {
  const gnuTime = existsSync('/usr/bin/time');
  const [program = process.execPath, ...rest] = command;
  const cmd = gnuTime ? '/usr/bin/time' : program;
  const argv = gnuTime ? ['-v', program, ...rest] : rest;
  const log = openSync(logFile, 'w');
  const t0 = performance.now();
  const child = spawn(cmd, argv, { stdio: ['ignore', 'ignore', log] });
  let polled = 0;
  const poll = gnuTime
    ? null
    : setInterval(() => {
        try {
          const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
          if (m) polled = Math.max(polled, Number(m[1]));
        } catch {
          // The process has just exited; the last reading stands.
        }
      }, 50);
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      const seconds = (performance.now() - t0) / 1000;
      if (poll) clearInterval(poll);
      closeSync(log);
      const text = readFileSync(logFile, 'utf8');
      const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(text);
      const kb = gnuTime ? (rss ? Number(rss[1]) : null) : polled || null;
      // GNU time's report follows the CLI's own lines; its "Command exited with non-zero status N" line too.
      const cliLines = text.split('\n').filter(
        (l) =>
          l.trim() !== '' &&
          // GNU time's report and V8's native stack frames are not the CLI's own lines.
          !/^\s|^Command (exited|being timed|terminated)|^\d+: 0x|^-----|^<---/.test(l),
      );
      // A killed run (e.g. V8 out of memory aborts with signal 6) is 128 + signal, as a shell reports it.
      const signal = /Command terminated by signal (\d+)/.exec(text);
      const exit = /Exit status: (\d+)/.exec(text);
      const status = !gnuTime
        ? code
        : signal
          ? 128 + Number(signal[1])
          : exit
            ? Number(exit[1])
            : code;
      resolve({
        seconds,
        peakMiB: kb === null ? null : kb / 1024,
        status,
        lastLine: cliLines[cliLines.length - 1] ?? '',
        tail: cliLines.slice(-6),
      });
    });
  });
}
