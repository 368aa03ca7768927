/**
 * Text for the terminal: a file name or a cell value may hold control characters (an ESC sequence
 * that clears the screen or sets the title, a C1 CSI, a bidi override that reverses what follows).
 * Texts lose them; JSON keeps the data but spells them as \u escapes, which read back the same.
 */

/** C0 and C1 controls, DEL, the bidi marks, embeddings, overrides and isolates, and the Unicode line breaks. */
/* eslint-disable no-control-regex -- finding control characters is the point */
const CONTROLS_AND_BREAKS =
  /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/gu;
/* eslint-enable no-control-regex */

/** A value to print inside a line (file name, cell text, reason): controls removed, line breaks made spaces. */
export function printableValue(text: string): string {
  return text.replace(CONTROLS_AND_BREAKS, (c) =>
    c === '\n' || c === '\r' || c === '\t' || c === '\u2028' || c === '\u2029' ? ' ' : '',
  );
}

/** JSON text for the terminal: the controls JSON.stringify leaves raw (C1, bidi, U+2028/9) spelled as \u escapes. */
export function printableJson(text: string): string {
  return text.replace(
    /[\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/gu,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
