/** The county-rollup command line: global options, dispatch to pipeline/commands/, exit status. */
import { constants } from 'node:os';
import { resolve } from 'node:path';
import { SchemaError } from '../../core';
import { type CliIO, usageError } from './args';
import { launcherGone, runInterruptCleanups, watchLauncher } from './interrupt';
import type { Lang } from './messages';
import { printableJson } from './terminalText';
import { type GlobalArgs, readGlobalArgs } from './quick';
import { message } from './messages';

// Each command is loaded when it runs, so a command never loads the modules (exceljs, echarts, …) it does not use.
const COMMANDS: Record<string, (argv: string[], io: CliIO) => Promise<number>> = {
  validate: async (argv, io) => (await import('../commands/validate')).runValidate(argv, io),
  merge: async (argv, io) => (await import('../commands/merge')).runMerge(argv, io),
  template: async (argv, io) => (await import('../commands/template')).runTemplate(argv, io),
};

/**
 * Runs the CLI on `argv` (without node and script) and returns the exit status: 0 fine, 1 the
 * run completed with rejected files, 2 could not run. Never throws: a bug becomes a message and 2.
 */
export async function main(
  argv: readonly string[],
  io: Omit<CliIO, 'lang'> & { lang?: Lang },
): Promise<number> {
  const global = readGlobalArgs(argv, io.lang ?? 'zh');
  return runGlobal(global, { ...io, lang: global.lang });
}

/** Runs what `global` (argv read once) asks for: its quick answer, or the command. */
async function runGlobal(global: GlobalArgs, cli: CliIO): Promise<number> {
  const { lang, answer } = global;
  if (answer !== null) {
    if (answer.stdout !== '') cli.stdout(answer.stdout);
    if (answer.stderr !== '') cli.stderr(answer.stderr);
    return answer.status;
  }
  const [command, ...commandArgv] = global.argv;

  if (command === undefined) {
    cli.stderr(`${usageError(lang, 'missingCommand')}\n`);
    return 2;
  }
  const run = Object.prototype.hasOwnProperty.call(COMMANDS, command)
    ? COMMANDS[command]
    : undefined;
  if (run === undefined) {
    cli.stderr(`${usageError(lang, 'unknownCommand', { command })}\n`);
    return 2;
  }
  try {
    return await run(commandArgv, cli);
  } catch (error) {
    reportCrash(error, cli);
    return 2;
  }
}

/** A broken schema file or a bug: a clear message on stderr; the stack only with DEBUG set. */
function reportCrash(error: unknown, io: CliIO): void {
  if (error instanceof SchemaError) {
    io.stderr(`${message(io.lang, 'schemaInvalid', { message: error.problems.join('; ') })}\n`);
  } else {
    io.stderr(
      `${message(io.lang, 'internalError', { message: error instanceof Error ? error.message : String(error) })}\n`,
    );
  }
  if (process.env.DEBUG && error instanceof Error && error.stack) io.stderr(`${error.stack}\n`);
}

/** The terminal as a CliIO. */
function processIO(): Omit<CliIO, 'lang'> {
  return {
    // stdout carries --json: the controls JSON leaves raw are escaped (texts were cleaned by message()).
    stdout: (s) => void process.stdout.write(printableJson(s)),
    stderr: (s) => void process.stderr.write(s),
    isTTY: process.stderr.isTTY === true,
  };
}

/** Run when this file is the program: `node dist/cli.js`, or through the bin/county-rollup.js launcher. */
function isEntry(): boolean {
  const entry = require.main;
  return (
    entry === module || entry?.filename === resolve(__dirname, '..', 'bin', 'county-rollup.js')
  );
}

if (isEntry()) {
  const io = processIO();
  const global = readGlobalArgs(process.argv.slice(2));
  const { lang } = global;
  // Errors outside main's await chain (a library's stray callback) still get a message, never a raw stack.
  const crash = (error: unknown): void => {
    runInterruptCleanups();
    reportCrash(error, { ...io, lang });
    process.exit(2);
  };
  process.on('uncaughtException', crash);
  process.on('unhandledRejection', crash);
  // Stopped from outside: remove what is half-written, release the lock, exit 128 + signal number.
  const stop = (signal: NodeJS.Signals): void => {
    const removed = runInterruptCleanups();
    io.stderr(`${message(lang, removed ? 'interrupted' : 'interruptedPlain', { signal })}\n`);
    process.exit(128 + constants.signals[signal]);
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const)
    process.on(signal, () => stop(signal));
  // Started by bin/county-rollup.js (an IPC channel): when the launcher dies, so does this run.
  if (process.channel !== undefined) {
    watchLauncher(process.ppid);
    process.channel.unref();
    process.on('disconnect', () => stop('SIGHUP'));
    setInterval(() => {
      if (launcherGone()) stop('SIGHUP');
    }, 500).unref();
  }
  // The reader of a pipe went away (`… | head`): stop quietly.
  process.stdout.on('error', () => process.exit(2));
  void runGlobal(global, { ...io, lang }).then((code) => {
    // Exit once stdout has drained, so a piped `--json` is never cut short.
    process.stdout.write('', () => process.exit(code));
  });
}
