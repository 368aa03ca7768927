/** E_EMPTY_FILE for a sheet whose header row stands over no village row: nothing to count, so the file is rejected rather than merged as zeros. */
import { makeFinding } from '../findings/makeFinding';
import type { DataRow, Finding, Schema } from '../types';

/** A file-level E_EMPTY_FILE when a header was found but no village row follows it. */
export function checkHasVillages(
  headerRow: number | null,
  villages: readonly DataRow[],
  schema: Schema,
): Finding[] {
  if (headerRow === null || villages.length > 0) return [];
  return [makeFinding(schema, 'E_EMPTY_FILE', { params: { headerRow } })];
}
