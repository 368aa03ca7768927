/** The deterministic order of findings: by row, column, code (file-level first), then value. */
import type { Finding } from '../types';

const cmpNullable = (a: number | null, b: number | null): number =>
  a === b ? 0 : a === null ? -1 : b === null ? 1 : a - b;
const cmpText = (a: string | null, b: string | null): number =>
  (a ?? '') < (b ?? '') ? -1 : (a ?? '') > (b ?? '') ? 1 : 0;

/** Sorts findings in place and returns them: row, then column (nulls first), then code, then field and value. */
export function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort(
    (a, b) =>
      cmpNullable(a.row, b.row) ||
      cmpNullable(a.column, b.column) ||
      cmpText(a.code, b.code) ||
      cmpText(a.field, b.field) ||
      cmpText(a.value, b.value),
  );
}
