/** The CLI's words that are not findings: the texts of messages.json, in Chinese or English, with their `{name}` placeholders filled. */
import { fillText } from '../../core/text/fillText';
import type { Lang } from '../../core/types';
import MESSAGES from './messages.json';
import { printableValue } from './terminalText';

/** The languages of the CLI (the one Lang of core/types.ts). */
export type { Lang };

/** A message key of the CLI (a key of messages.json). */
export type MessageKey = Exclude<keyof typeof MESSAGES, '$comment'>;

/** The CLI message `key` in `lang`, with `{name}` placeholders filled from `params` (a placeholder without a param throws: a bug). */
export function message(
  lang: Lang,
  key: MessageKey,
  params: Readonly<Record<string, string | number>> = {},
): string {
  // Values come from file names and cells: never a control character on the terminal.
  const values: Record<string, string> = {};
  for (const [name, value] of Object.entries(params)) values[name] = printableValue(String(value));
  return fillText(MESSAGES[key][lang], values);
}
