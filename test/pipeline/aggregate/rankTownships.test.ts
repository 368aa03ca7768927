import { rankTownships, rankValues } from '../../../pipeline/aggregate/rankTownships';

describe('rankValues', () => {
  test('1 = highest; ties share a rank and the next rank skips', () => {
    expect(rankValues([10, 30, 30, 5, 10])).toEqual([3, 1, 1, 5, 3]);
  });
  test('null values get no rank and do not take a place', () => {
    expect(rankValues([null, 0.5, 1, null, 0.5])).toEqual([null, 2, 1, null, 2]);
  });
  test('all equal → all first', () => {
    expect(rankValues([0, 0, 0])).toEqual([1, 1, 1]);
  });
});

describe('rankTownships', () => {
  test('a rank per total and per rate; a null rate has no rank', () => {
    const ranks = rankTownships(
      [
        { totals: { a: 4, b: 0 }, rates: { r: 0.5, s: null } },
        { totals: { a: 3, b: 0 }, rates: { r: 1, s: 0.2 } },
        { totals: { a: 4, b: 1 }, rates: { r: 2 / 3, s: 0.2 } },
      ],
      ['a', 'b'],
      ['r', 's'],
    );
    expect(ranks).toEqual([
      { a: 1, b: 2, r: 3 },
      { a: 3, b: 2, r: 1, s: 1 },
      { a: 1, b: 1, r: 2, s: 1 },
    ]);
  });
});
