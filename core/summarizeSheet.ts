/** The sheet's own statistics (本表合计 in the add-in): the schema's figures (core/figures/) tallied with plain loops. */
import { finishFigures, listFigures, tallyRows } from './figures';
import type { Figures } from './figures';
import type { ParsedSheet, Schema } from './types';

export type { SheetCadres, SheetRates } from './figures';

/** What summarizeSheet returns: the figures of one sheet, as the county has them per township. */
export type SheetSummary = Figures;

/** Totals, cadre figures and rates of one parsed sheet. Totals: summed columns over village rows + 本级 row; cadres: village rows only. */
export function summarizeSheet(sheet: ParsedSheet, schema: Schema): SheetSummary {
  const list = listFigures(schema);
  const tallies = tallyRows(list.tallies, sheet.villages, sheet.levelRow);
  return finishFigures(list, (i) => tallies[i]!);
}
