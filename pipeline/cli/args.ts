/** Command-line plumbing shared by the commands: the CLI's I/O handle and a small argument parser. */
import type { Lang, MessageKey } from './messages';
import { message } from './messages';

/**
 * What a command may touch of the terminal. `stdout`/`stderr` write the string as is (end lines
 * with "\n"); `lang` is the output language from --lang; `isTTY` says stderr is a terminal (progress bars).
 */
export interface CliIO {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  lang: Lang;
  isTTY: boolean;
}

/** The options a command accepts: flags take no value, options take exactly one. */
export interface ArgSpec {
  flags?: readonly string[];
  options?: readonly string[];
}

/** What is wrong with the arguments: the problem (a message key) and the option it concerns. */
export interface ArgProblem {
  problem: 'unknownOption' | 'optionNeedsValue' | 'flagTakesNoValue' | 'optionRepeated';
  option: string;
}

/** Parsed arguments, or the usage problem (words are the command's: {@link usageError}). */
export type ParsedArgs =
  | { ok: true; positionals: string[]; flags: Set<string>; options: Map<string, string> }
  | { ok: false; error: ArgProblem };

/**
 * Parses `--flag`, `--option value`, `--option=value` and positionals; `--` ends the options.
 * Names are given with their dashes (e.g. "--json"). Unknown options and repeated options are errors.
 */
export function parseArgs(argv: readonly string[], spec: ArgSpec): ParsedArgs {
  const flags = new Set<string>();
  const options = new Map<string, string>();
  const positionals: string[] = [];
  const fail = (problem: ArgProblem['problem'], option: string): ParsedArgs => ({
    ok: false,
    error: { problem, option },
  });
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq >= 0 ? arg.slice(0, eq) : arg;
    if (spec.flags?.includes(name) === true) {
      if (eq >= 0) return fail('flagTakesNoValue', name);
      flags.add(name);
    } else if (spec.options?.includes(name) === true) {
      if (options.has(name)) return fail('optionRepeated', name);
      const value = eq >= 0 ? arg.slice(eq + 1) : argv[++i];
      if (value === undefined || value === '' || (eq < 0 && value.startsWith('--')))
        return fail('optionNeedsValue', name);
      options.set(name, value);
    } else {
      return fail('unknownOption', name);
    }
  }
  return { ok: true, positionals, flags, options };
}

/** A four-digit year from --year, or null when the text is not one (1900–2999). */
export function parseYear(text: string): number | null {
  if (!/^\d{4}$/u.test(text)) return null;
  const year = Number(text);
  return year >= 1900 && year <= 2999 ? year : null;
}

/** A usage error: the problem's message and, on the next line, the hint to --help (no final line break). */
export function usageError(
  lang: Lang,
  key: MessageKey,
  params: Record<string, string> = {},
): string {
  return `${message(lang, key, params)}\n${message(lang, 'helpHint')}`;
}

/** The usage error of a parse problem (see {@link usageError}). */
export function argProblemText(lang: Lang, error: ArgProblem): string {
  return usageError(lang, error.problem, { option: error.option });
}
