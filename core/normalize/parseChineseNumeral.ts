/** Simple Chinese numerals (五, 十二, 两千三百, 一百零五) → numbers, for counts written in words. */

const DIGITS: Readonly<Record<string, number>> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const UNITS: Readonly<Record<string, number>> = { 十: 10, 百: 100, 千: 1000 };

/** Which characters a Chinese numeral may hold (a cheap pre-test before parsing). */
export const CHINESE_NUMERAL_CHARS = /^[零〇一二两三四五六七八九十百千]+$/;

/** The value of a Chinese numeral below 10 000 written with 十/百/千, or null when it is not one (e.g. 三五, 百百). */
export function parseChineseNumeral(text: string): number | null {
  if (!CHINESE_NUMERAL_CHARS.test(text)) return null;
  let total = 0;
  let digit: number | null = null;
  let lastUnit = Infinity;
  let zeroSeen = false;
  for (const ch of text) {
    const d = DIGITS[ch];
    if (d !== undefined) {
      if (digit !== null && !(digit === 0 && zeroSeen)) return null; // two digits in a row (三五)
      if (d === 0) zeroSeen = true;
      digit = d;
      continue;
    }
    const unit = UNITS[ch];
    if (unit === undefined || unit >= lastUnit) return null; // units must fall: 千 > 百 > 十
    // 十 alone at the start means 10 (十二 = 12); other units need a digit.
    if (digit === null && !(unit === 10 && total === 0)) return null;
    if (digit === 0) return null;
    total += (digit ?? 1) * unit;
    lastUnit = unit;
    digit = null;
    zeroSeen = false;
  }
  return total + (digit ?? 0);
}
