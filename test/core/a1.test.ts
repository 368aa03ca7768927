import { toA1 } from '../../core/a1';

describe('toA1', () => {
  it.each([
    [1, 1, 'A1'],
    [7, 13, 'M7'],
    [12, 26, 'Z12'],
    [12, 27, 'AA12'],
    [3, 52, 'AZ3'],
    [3, 53, 'BA3'],
    [1, 702, 'ZZ1'],
    [1, 703, 'AAA1'],
  ])('(%i, %i) → %s', (row, column, a1) => {
    expect(toA1(row, column)).toBe(a1);
  });
});
