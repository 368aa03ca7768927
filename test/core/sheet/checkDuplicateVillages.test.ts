import fc from 'fast-check';
import { checkDuplicateVillages, VillageNames } from '../../../core/sheet/checkDuplicateVillages';
import { loadSchema } from '../../../core/schema/loadSchema';
import type { DataRow } from '../../../core/types';
import { validateGrid } from '../../../core/validateGrid';

const schema = loadSchema();
const rows = (names: (string | null)[]): DataRow[] =>
  names.map((village, i) => ({
    row: i + 5,
    kind: 'village',
    fields: ['village'],
    values: [village],
    invalid: [],
  }));
const repeats = (names: (string | null)[]) =>
  checkDuplicateVillages(rows(names), 2, (row) => `written ${row}`, schema).map((f) => [
    f.cell,
    f.value,
    f.params.otherRow,
  ]);

describe('checkDuplicateVillages', () => {
  it('gives nothing when every name is its own', () => {
    expect(repeats(['a', 'b', null, 'c'])).toEqual([]);
  });

  it('points every repeat at the first row of its name, before and after the first repeat', () => {
    expect(repeats(['a', 'b', null, 'a', 'c', 'b', 'a', 'd', 'd'])).toEqual([
      ['B8', 'written 8', 5],
      ['B10', 'written 10', 6],
      ['B11', 'written 11', 5],
      ['B13', 'written 13', 12],
    ]);
  });

  it('finds what a map of first rows finds, on any list of names', () => {
    // A small alphabet: many repeats, and (with thousands of names) many probe collisions.
    const name = fc.option(fc.stringMatching(/^[村青石a]{0,3}$/), { nil: null });
    fc.assert(
      fc.property(fc.array(name, { maxLength: 3000 }), (names) => {
        const first = new Map<string, number>();
        const expected: (string | number)[][] = [];
        names.forEach((n, i) => {
          if (n === null) return;
          const other = first.get(n);
          if (other === undefined) first.set(n, i + 5);
          else expected.push([`B${i + 5}`, `written ${i + 5}`, other]);
        });
        expect(repeats(names)).toEqual(expected);
      }),
      { numRuns: 200 },
    );
  });
});

describe('repeats found while the rows are read', () => {
  const grid = (total: number) => [
    ['村（社区）名称', '培训期数'],
    ['青石村', 1],
    ['黎明村', 2],
    ['青石村', 4],
    ['合计', total],
  ];
  const codes = (total: number) =>
    validateGrid(grid(total), { schema, sheet: { hiddenRows: [4], typed: true } })
      .findings.filter((f) => f.code.includes('VILLAGE') || f.code.includes('HIDDEN'))
      .map((f) => `${f.cell} ${f.code}${f.params.otherRow ? ` ${f.params.otherRow}` : ''}`);

  it('are reported when the repeating row is counted', () => {
    expect(codes(7)).toEqual(['A4 E_DUPLICATE_VILLAGE 2', 'A4 W_HIDDEN_ROW_COUNTED']);
  });

  it('are not, when that row is a hidden row the 合计 leaves out', () => {
    expect(codes(3)).toEqual(['A4 W_HIDDEN_ROW_EXCLUDED']);
  });
});

describe('VillageNames', () => {
  it('keeps the first row of every name, growing past the rows it was sized for', () => {
    const names = new VillageNames(1);
    const list = Array.from({ length: 1000 }, (_, i) => `村${i % 700}`);
    const firsts = list.map((n, i) => names.add(n, i + 1));
    expect(firsts.slice(0, 700).every((f) => f === 0)).toBe(true);
    expect(firsts.slice(700)).toEqual(Array.from({ length: 300 }, (_, i) => i + 1));
  });
});
