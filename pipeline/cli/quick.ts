/**
 * The answers the CLI gives without loading any command: a bad --lang, --help and --version. Bundled
 * on its own (dist/quick.js) so that bin/county-rollup.js answers `--help` and `--version` itself,
 * without starting the CLI's Node (a second Node start would double the start-up time).
 */
import packageJson from '../../package.json';
import HELP from './help.json';
import type { Lang } from './messages';
import { message } from './messages';
import { printableJson } from './terminalText';

/** A help page of help.json. */
type HelpPage = Exclude<keyof typeof HELP, '$comment'>;

/** Per-command help where the command has its own page; the others show the general help. */
const COMMAND_HELP: Partial<Record<string, HelpPage>> = {
  validate: 'helpValidate',
  merge: 'helpMerge',
  template: 'helpTemplate',
};

/** What a quick answer prints (stdout already made printable) and its exit status. */
export interface QuickAnswer {
  status: number;
  stdout: string;
  stderr: string;
}

/** What argv says before any command runs, read once: the output language, the command and its argv, and the quick answer when one is due. */
export interface GlobalArgs {
  lang: Lang;
  /** argv without --lang (the command first); empty after a bad --lang. */
  argv: string[];
  answer: QuickAnswer | null;
}

/**
 * Reads `argv` (without node and script): the answer is set when it needs no command — a bad --lang,
 * --help or -h anywhere, --version or -v as the command. `fallback` is the language when argv has no
 * (or a bad) --lang.
 */
export function readGlobalArgs(argv: readonly string[], fallback: Lang = 'zh'): GlobalArgs {
  const global = extractLang([...argv]);
  if (!global.ok) {
    const stderr = `${message(fallback, 'badLang', { value: global.value })}\n`;
    return { lang: fallback, argv: [], answer: { status: 2, stdout: '', stderr } };
  }
  const lang = global.lang ?? fallback;
  const rest = global.argv;
  const command = rest[0];
  if (rest.includes('--help') || rest.includes('-h')) {
    const page = HELP[(command !== undefined && COMMAND_HELP[command]) || 'help'];
    const en = page.en.join('\n');
    const text = lang === 'zh' ? `${page.zh.join('\n')}\n${en}` : en;
    return { lang, argv: rest, answer: { status: 0, stdout: printableJson(text), stderr: '' } };
  }
  if (command === '--version' || command === '-v') {
    const answer = { status: 0, stdout: printableJson(`${packageJson.version}\n`), stderr: '' };
    return { lang, argv: rest, answer };
  }
  return { lang, argv: rest, answer: null };
}

/** The quick answer for `argv`, or null when a command must run (bin/county-rollup.js asks dist/quick.js this). */
export function quickAnswer(argv: readonly string[], fallback: Lang = 'zh'): QuickAnswer | null {
  return readGlobalArgs(argv, fallback).answer;
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
