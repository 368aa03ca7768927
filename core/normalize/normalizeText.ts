/** Text normalization of entry-sheet §4/§7.4: full-width folded, whitespace and quotes removed, Traditional→Simplified. */
import * as OpenCC from 'opencc-js/t2cn';

type Convert = (text: string) => string;

let toSimplified: Convert | null = null;
const cache = new Map<string, string>();
// Bounded so that a long-running add-in or a huge grid cannot grow it without end.
const CACHE_LIMIT = 200_000;
/** Texts longer than this are not cached: rare (a pasted paragraph) and they would pin memory. */
export const CACHEABLE_LENGTH = 256;

// Zero-width joiner as its own alternative: inside a class it would join with its neighbours.
const WHITESPACE_AND_QUOTES = /\s|\u200d|[\u200b\u200c\ufeff"'“”‘’]/gu;
const NON_ASCII = /[\u0080-\uffff]/;
const UPPER = /[A-Z]/;
const FULL_WIDTH = /[\uff01-\uff5e\u3000]/g;

/** Folds full-width ASCII forms (１２，（）：) to half-width and the ideographic space to a space. */
export function foldWidth(text: string): string {
  return text.replace(FULL_WIDTH, (ch) =>
    ch === '\u3000' ? ' ' : String.fromCharCode(ch.charCodeAt(0) - 0xfee0),
  );
}

/** Converts Traditional to Simplified Chinese; the converter (a large dictionary) is built on first use, not at import. */
export function convertToSimplified(text: string): string {
  const convert = toSimplified ?? (toSimplified = OpenCC.Converter({ from: 't', to: 'cn' }));
  return convert(text);
}

/** The comparison form of a text: full-width → half-width, all whitespace and quote marks removed, Traditional → Simplified. */
export function normalizeText(text: string): string {
  const hit = cache.get(text);
  if (hit !== undefined) return hit;
  let out = foldWidth(text).replace(WHITESPACE_AND_QUOTES, '');
  // opencc only for text that can hold Chinese: plain numbers and ASCII skip the dictionary walk.
  if (NON_ASCII.test(out)) out = convertToSimplified(out).replace(WHITESPACE_AND_QUOTES, '');
  if (text.length > CACHEABLE_LENGTH) return out;
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(text, out);
  return out;
}

/** The comparison form of a header or key: normalizeText, with ASCII letters lower-cased. */
export function normalizeHeader(text: string): string {
  const t = normalizeText(text);
  // Most texts are Chinese or digits: skip the lower-casing allocation unless there is a capital.
  return UPPER.test(t) ? t.toLowerCase() : t;
}
