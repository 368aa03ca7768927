/**
 * Reading a cell's text fast whatever its internal kind. Cells arrive as strings of many kinds
 * (one- or two-byte, sliced, internalized …); once a function has met more than four, V8 reads
 * `text.length` and looks up `text.charCodeAt` through its slow generic (megamorphic) path on
 * every call, even after a typeof test. Measured on the core bench: the per-cell reads (digits,
 * blanks, memo slots, names) took about a tenth of the core's time that way.
 */

/** `text` itself, typed as a string for the optimizing compiler (`'' + text` is `text`): its `length` becomes a direct read. */
export function typedString(text: string): string {
  return '' + text;
}

/**
 * `text.charCodeAt(i)` for a site that meets every kind of cell: called through the prototype, it
 * is a direct read for any kind of string (`text.charCodeAt` would be looked up on each call).
 * Only where that lookup showed in the profile: this small call is not inlined everywhere.
 */
export function codeAt(text: string, i: number): number {
  return String.prototype.charCodeAt.call(text, i);
}
