import { loadSchema } from '../../core/schema/loadSchema';
import type { ParsedSheet } from '../../core/types';
import { validateGrid } from '../../core/validateGrid';
import { realLayouts } from './realLayouts';
import { valueOf } from '../../core/sheet/rowValues';

const schema = loadSchema();

/** Sum of a field over the counted rows (villages and 本级). */
const total = (s: ParsedSheet, field: string): number =>
  Math.round(
    [...s.villages, ...(s.levelRow ? [s.levelRow] : [])].reduce((a, r) => {
      const v = valueOf(r, field);
      return a + (typeof v === 'number' ? v : 0);
    }, 0) * 100,
  ) / 100;

describe('real township layouts (issue 7): exact villages, totals and findings', () => {
  it.each(realLayouts().map((l) => [l.id, l] as const))('%s', (_id, layout) => {
    const s = validateGrid(layout.grid, {
      schema,
      fileName: layout.fileName,
      year: 2025,
      sheet: layout.sheet,
    });
    expect({
      headerRow: s.headerRow,
      villages: s.villages.map((v) => valueOf(v, 'village')),
      totals: Object.fromEntries(Object.keys(layout.expected.totals).map((f) => [f, total(s, f)])),
      findings: s.findings.map((f) => `${f.cell ?? '-'} ${f.code}`),
      excludedRows: s.excludedRows,
      year: s.year,
      yearSource: s.yearSource,
    }).toEqual(layout.expected);
  });
});
