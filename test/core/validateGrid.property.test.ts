import fc from 'fast-check';
import { parseRegistry } from '../../core/registry/parseRegistry';
import { summarizeSheet } from '../../core/summarizeSheet';
import type { Cell, SheetInfo } from '../../core/types';
import { validateGrid } from '../../core/validateGrid';
import { buildSheet, registryGrid } from './builders';

const { schema, grid: clean } = buildSheet({ villages: 3, level: true, total: true });
const registry = (() => {
  const r = parseRegistry(registryGrid(), schema);
  if (!r.ok) throw new Error('fixture');
  return r.registry;
})();

// Cells that look like sheet content as well as noise: headers, keys, special words, numbers in all forms.
const words = [
  ...schema.columns.flatMap((c) => [c.header, ...c.aliases]),
  '填报单位：青石镇',
  '年度',
  '2025年度',
  '合计',
  '本级',
  '约150',
  '十二',
  '1.2万元',
  '#N/A',
  '无',
  '是',
  '否',
  '男',
  '兼',
  '',
];
const cell: fc.Arbitrary<Cell> = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.double(),
  fc.integer(),
  fc.string(),
  fc.string({ unit: 'grapheme', maxLength: 8 }),
  fc.constantFrom(...words),
);
const grid = fc.array(fc.array(cell, { maxLength: 34 }), { maxLength: 14 });

// What a reader may report, in range or not (rows/columns 0, negative, fractional, past the grid; merges upside down).
const index = fc.oneof(fc.integer({ min: -2, max: 40 }), fc.constantFrom(0.5, 1e9, NaN));
const merge = fc.record({ top: index, left: index, bottom: index, right: index });
const sheetInfo: fc.Arbitrary<SheetInfo | null> = fc.option(
  fc.record(
    {
      name: fc.option(fc.string({ maxLength: 6 })),
      hiddenRows: fc.array(index, { maxLength: 6 }),
      hiddenColumns: fc.array(index, { maxLength: 4 }),
      merges: fc.array(merge, { maxLength: 6 }),
      typed: fc.boolean(),
    },
    { requiredKeys: [] },
  ),
);

describe('validateGrid properties', () => {
  it('never throws on arbitrary grids and gives identical results twice', () => {
    fc.assert(
      fc.property(grid, fc.boolean(), sheetInfo, (g, withRegistry, sheet) => {
        const options = {
          schema,
          registry: withRegistry ? registry : null,
          fileName: 'x.csv',
          year: 2025,
          sheet,
        };
        const a = validateGrid(g, options);
        const b = validateGrid(g, options);
        expect(b).toEqual(a);
        expect(() => summarizeSheet(a, schema)).not.toThrow();
      }),
      { numRuns: 300 },
    );
  });

  it('never throws when a clean sheet gets random cells', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(9), fc.nat(31), cell), { maxLength: 12 }),
        sheetInfo,
        (edits, sheet) => {
          const g = clean.map((r) => [...r]);
          for (const [r, c, v] of edits) (g[r] ??= [])[c] = v;
          const a = validateGrid(g, { schema, registry, sheet });
          expect(validateGrid(g, { schema, registry, sheet })).toEqual(a);
          // Counted rows are never excluded hidden rows, 小计 or 合计 rows.
          for (const v of a.villages) expect(a.excludedRows).not.toContain(v.row);
          for (const f of a.findings)
            if (f.field === 'cadreName' && f.value !== null) expect(f.value).toBe('[redacted]');
        },
      ),
      { numRuns: 300 },
    );
  });

  it('survives huge strings, NaN, Infinity and ragged rows', () => {
    const g: Cell[][] = buildSheet({ villages: 3 }).grid;
    g[4]![12] = '9'.repeat(100_000);
    g[5]![13] = NaN;
    g[6]![14] = -Infinity;
    g[6]!.length = 5;
    g.push([true, null, false]);
    const a = validateGrid(g, { schema });
    expect(a.findings.map((f) => [f.cell, f.code])).toEqual([
      ['M5', 'E_NOT_NUMBER'],
      ['N6', 'E_NOT_NUMBER'],
      ['F7', 'E_REQUIRED'],
      ['G7', 'E_REQUIRED'],
      ['H7', 'E_REQUIRED'],
      ['I7', 'W_NO_PAY'],
      ['J7', 'E_REQUIRED'],
      ['K7', 'E_REQUIRED'],
      ['B8', 'E_VILLAGE_BLANK'],
    ]);
  });
});
