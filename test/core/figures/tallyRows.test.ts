import { tallyRows } from '../../../core/figures';
import type { Tally } from '../../../core/figures';
import type { DataRow, Value } from '../../../core/types';

const row = (values: Record<string, Value>, kind: DataRow['kind'] = 'village'): DataRow => ({
  row: 1,
  kind,
  fields: Object.keys(values),
  values: Object.values(values),
  invalid: [],
});

describe('tallyRows', () => {
  const small: Tally[] = [
    { rows: 'villages', term: { kind: 'row' } },
    { rows: 'all', term: { kind: 'value', field: 'x', money: true } },
    { rows: 'villages', term: { kind: 'present', field: 'x' } },
    { rows: 'villages', term: { kind: 'equals', field: 'x', value: 0, money: true } },
    { rows: 'villages', term: { kind: 'range', field: 'x', min: 1, max: 2, money: true } },
    { rows: 'villages', term: { kind: 'equals', field: 'y', value: '是', money: false } },
  ];

  it('adds village rows, and the 本级 row only to tallies over all rows', () => {
    const villages = [row({ x: 1.1, y: '是' }), row({ x: 0, y: '否' }), row({ x: null, y: null })];
    expect(tallyRows(small, villages, row({ x: 2.25 }, 'level'))).toEqual([
      3, // village rows
      110 + 0 + 225, // cents, blank as 0, the 本级 row included
      2, // rows holding a number
      1, // x === 0
      1, // 1 ≤ x ≤ 2 (1.1)
      1,
    ]);
  });

  it('reads each row by its own fields, when rows of several sheets (other column orders) are mixed', () => {
    const villages = [row({ x: 1, y: '是' }), row({ y: '是', x: 2 }), row({ y: '否' })];
    expect(tallyRows(small, villages, row({ y: '否', x: 4 }, 'level'))).toEqual([
      3,
      100 + 200 + 0 + 400,
      2,
      0,
      2,
      2,
    ]);
  });
});
