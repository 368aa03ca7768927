/** A1 helpers: parse, qualify, split, row runs, covering box. */
import {
  coveringBox,
  groupIntoRuns,
  parseA1,
  qualifyAddress,
  splitSheetAddress,
} from '../../../addin/excel/address';

describe('address helpers', () => {
  it('parses A1 cells and refuses ranges', () => {
    expect(parseA1('M7')).toEqual({ row: 7, column: 13 });
    expect(parseA1('$AA$12')).toEqual({ row: 12, column: 27 });
    expect(parseA1('A1:B2')).toBeNull();
  });

  it('qualifies and splits sheet addresses, quotes doubled', () => {
    expect(qualifyAddress("Tom's 表", 'B2')).toBe("'Tom''s 表'!B2");
    expect(splitSheetAddress("'Tom''s 表'!B2")).toEqual({ sheet: "Tom's 表", local: 'B2' });
    expect(splitSheetAddress('统计表!A1:C3')).toEqual({ sheet: '统计表', local: 'A1:C3' });
    expect(splitSheetAddress('C3')).toEqual({ sheet: null, local: 'C3' });
  });

  it('groups cells into runs of adjacent columns per row', () => {
    const at = (row: number, column: number, item: string) => ({ row, column, item });
    const runs = groupIntoRuns([
      at(2, 3, 'c'),
      at(2, 1, 'a'),
      at(2, 2, 'b'),
      at(2, 5, 'e'),
      at(1, 1, 'x'),
    ]);
    expect(runs.map((r) => [r.address, r.items])).toEqual([
      ['A1', ['x']],
      ['A2:C2', ['a', 'b', 'c']],
      ['E2', ['e']],
    ]);
    expect(
      coveringBox([
        { row: 3, column: 2 },
        { row: 7, column: 5 },
      ]),
    ).toEqual({ top: 3, left: 2, rows: 5, columns: 4 });
    expect(coveringBox([])).toBeNull();
  });
});
