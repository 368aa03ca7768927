/** Text width in Excel's character unit, for column widths and header heights. */

/** Display width of a text in Excel characters: CJK and full-width forms take two. */
export function textWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += (ch.codePointAt(0) ?? 0) >= 0x2e80 ? 2 : 1;
  return w;
}
