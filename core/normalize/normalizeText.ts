/** Text normalization of entry-sheet §4/§7.4: full-width folded, whitespace and quotes removed, Traditional→Simplified. */
import { conversionStarts, convertToSimplified } from './simplify';
import { codeAt, typedString } from './stringAccess';

const FULL_WIDTH = /[\uff01-\uff5e\u3000]/g;

/** Folds full-width ASCII forms (１２，（）：) to half-width and the ideographic space to a space. */
export function foldWidth(text: string): string {
  return text.replace(FULL_WIDTH, (ch) =>
    ch === '\u3000' ? ' ' : String.fromCharCode(ch.charCodeAt(0) - 0xfee0),
  );
}

/** True for the code units JavaScript's \s matches (tested by code: charAt would allocate a string per call). */
export function isSpaceCode(c: number): boolean {
  if (c < 0x80) return c === 32 || (c >= 9 && c <= 13);
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** True for what normalization removes: a code unit JavaScript's \s matches, a zero-width space or joiner, a BOM, or a quote mark ("'“”‘’). */
export function isDroppedCode(c: number): boolean {
  if (c < 0x80) return c === 32 || (c >= 9 && c <= 13) || c === 34 || c === 39;
  return (
    isSpaceCode(c) ||
    (c >= 0x200b && c <= 0x200d) ||
    c === 0x2018 ||
    c === 0x2019 ||
    c === 0x201c ||
    c === 0x201d
  );
}

/** True when the converter may change `text` (some code unit can start a dictionary key). */
function mayConvert(input: string): boolean {
  const text = typedString(input);
  const table = conversionStarts();
  for (let i = 0; i < text.length; i++) if (table[text.charCodeAt(i)] === 1) return true;
  return false;
}

/** `text` without the code units isDroppedCode removes (the same string when there are none). */
function dropSpaceAndQuotes(input: string): string {
  const text = typedString(input);
  let i = 0;
  while (i < text.length && !isDroppedCode(text.charCodeAt(i))) i++;
  if (i === text.length) return text;
  let out = text.slice(0, i);
  for (; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (!isDroppedCode(c)) out += text[i];
  }
  return out;
}

/**
 * The comparison form of a text: full-width → half-width, all whitespace and quote marks removed,
 * Traditional → Simplified. One pass over the code units (the regex chain and an always-on
 * dictionary walk were the cost per village name); the converter runs only on texts it may change.
 */
export function normalizeText(input: string): string {
  const text = typedString(input);
  let out = '';
  let start = 0;
  let nonAscii = false;
  for (let i = 0; i < text.length; i++) {
    const c = codeAt(text, i);
    if (c < 0x80) {
      if (!isDroppedCode(c)) continue;
    } else if (c >= 0xff01 && c <= 0xff5e) {
      // Full-width ASCII: folded, and dropped when it folds to a quote mark (＂, ＇).
      const folded = c - 0xfee0;
      out += text.slice(start, i);
      if (folded !== 34 && folded !== 39) out += String.fromCharCode(folded);
      start = i + 1;
      continue;
    } else if (!isDroppedCode(c)) {
      nonAscii = true;
      continue;
    }
    out += text.slice(start, i);
    start = i + 1;
  }
  out = start === 0 ? text : out + text.slice(start);
  // opencc only for text that can hold Chinese: plain numbers and ASCII skip the dictionary walk.
  if (!nonAscii || !mayConvert(out)) return out;
  const converted = convertToSimplified(out);
  return converted === out ? out : dropSpaceAndQuotes(converted);
}

/** The comparison form of a header or key: normalizeText, with ASCII letters lower-cased. */
export function normalizeHeader(text: string): string {
  const t = typedString(normalizeText(text));
  // Most texts are Chinese or digits: skip the lower-casing allocation unless there is a capital.
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c >= 65 && c <= 90) return t.toLowerCase();
  }
  return t;
}
