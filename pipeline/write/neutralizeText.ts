/** OWASP CSV-injection guard for text cells of the CSV and XLSX outputs. */

const DANGEROUS_START = /^[=+\-@\t\r]/u;
const PLAIN_NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/u;

/** Prefixes `'` to text that starts with =, +, -, @, tab or CR (a spreadsheet would run it as a formula), unless it is a plain number like -5. */
export function neutralizeText(text: string): string {
  const first = text.charCodeAt(0);
  // Letters, digits and CJK (everything above '@') never start a formula: skip the regexes.
  if (first > 0x40 || Number.isNaN(first)) return text;
  return DANGEROUS_START.test(text) && !PLAIN_NUMBER.test(text) ? `'${text}` : text;
}
