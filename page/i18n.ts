/** The check page's own texts (page/texts.json); findings and their messages come from the schema through the core. */
import { fillText } from '../core/text/fillText';
import type { Lang } from '../core/types';
import TEXTS from './texts.json';

/** A text key of page/texts.json. */
export type TextKey = Exclude<keyof typeof TEXTS, '$comment'>;

/** The page language: English when the browser is English, else Chinese. */
export function pageLang(language: string | undefined): Lang {
  return (language ?? '').toLowerCase().startsWith('en') ? 'en' : 'zh';
}

/** A text with its `{name}` placeholders filled from `params` (a placeholder without a param throws: a bug). */
export function t(lang: Lang, key: TextKey, params: Record<string, string | number> = {}): string {
  return fillText(TEXTS[key][lang], params);
}
