import fc from 'fast-check';
import { checkDuplicateVillages } from '../../../core/sheet/checkDuplicateVillages';
import { loadSchema } from '../../../core/schema/loadSchema';
import type { DataRow } from '../../../core/types';

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
