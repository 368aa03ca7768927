/** The county-rollup command line: global options, dispatch to pipeline/commands/, exit status. */
import { constants } from 'node:os';
import { resolve } from 'node:path';
import { SchemaError } from '../core';
import packageJson from '../package.json';
import type { CliIO } from './args';
import { runMerge } from './commands/merge';
import { runTemplate } from './commands/template';
import { runValidate } from './commands/validate';
import { launcherGone, runInterruptCleanups, watchLauncher } from './interrupt';
import type { Lang } from './messages';
import { printableJson } from './terminalText';
import { message } from './messages';

const COMMANDS: Record<string, (argv: string[], io: CliIO) => Promise<number>> = {
  validate: runValidate,
  merge: runMerge,
  template: runTemplate,
};

/** Per-command help where the command has its own page; the others show the general help. */
const COMMAND_HELP: Partial<Record<string, 'helpValidate' | 'helpMerge' | 'helpTemplate'>> = {
  validate: 'helpValidate',
  merge: 'helpMerge',
  template: 'helpTemplate',
};

/**
 * Runs the CLI on `argv` (without node and script) and returns the exit status: 0 fine, 1 the
 * run completed with rejected files, 2 could not run. Never throws: a bug becomes a message and 2.
 */
export async function main(
  argv: readonly string[],
  io: Omit<CliIO, 'lang'> & { lang?: Lang },
): Promise<number> {
  const global = extractLang([...argv]);
  const lang = global.ok ? (global.lang ?? io.lang ?? 'zh') : (io.lang ?? 'zh');
  const cli: CliIO = { ...io, lang };
  if (!global.ok) {
    cli.stderr(`${message(lang, 'badLang', { value: global.value })}\n`);
    return 2;
  }
  const rest = global.argv;
  const [command, ...commandArgv] = rest;

  if (rest.includes('--help') || rest.includes('-h')) {
    const key = (command !== undefined && COMMAND_HELP[command]) || 'help';
    cli.stdout(lang === 'zh' ? `${message('zh', key)}\n${message('en', key)}` : message('en', key));
    return 0;
  }
  if (command === '--version' || command === '-v') {
    cli.stdout(`${packageJson.version}\n`);
    return 0;
  }
  if (command === undefined) {
    cli.stderr(`${message(lang, 'missingCommand')}\n${message(lang, 'helpHint')}\n`);
    return 2;
  }
  const run = Object.prototype.hasOwnProperty.call(COMMANDS, command)
    ? COMMANDS[command]
    : undefined;
  if (run === undefined) {
    cli.stderr(`${message(lang, 'unknownCommand', { command })}\n${message(lang, 'helpHint')}\n`);
    return 2;
  }
  try {
    return await run(commandArgv, cli);
  } catch (error) {
    reportCrash(error, cli);
    return 2;
  }
}

/** Takes `--lang x` / `--lang=x` out of argv wherever it stands, so every command gets it through CliIO. */
function extractLang(
  argv: string[],
): { ok: true; lang: Lang | null; argv: string[] } | { ok: false; value: string } {
  let lang: Lang | null = null;
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--') {
      rest.push(...argv.slice(i));
      break;
    }
    if (arg !== '--lang' && !arg.startsWith('--lang=')) {
      rest.push(arg);
      continue;
    }
    const value = arg === '--lang' ? (argv[++i] ?? '') : arg.slice('--lang='.length);
    if (value !== 'zh' && value !== 'en') return { ok: false, value };
    lang = value;
  }
  return { ok: true, lang, argv: rest };
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
  const argv = process.argv.slice(2);
  const global = extractLang(argv);
  const lang: Lang = (global.ok ? global.lang : null) ?? 'zh';
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
  void main(argv, io).then((code) => {
    // Exit once stdout has drained, so a piped `--json` is never cut short.
    process.stdout.write('', () => process.exit(code));
  });
}
