import { loadSchema } from '../../../core';
import {
  compareWithPrevious,
  type TownshipFigures,
} from '../../../pipeline/aggregate/compareWithPrevious';

describe('compareWithPrevious', () => {
  test('totals: current − previous (money to 2 decimals); rates: difference, null when either is null', () => {
    const change = compareWithPrevious(
      {
        totals: { trainingSessions: 7, cadreAnnualPay: 5000.3, cancerAidYuan: 0.3, newColumn: 5 },
        rates: {
          fullTimeRate: 0.75,
          committeeRate: null,
          womensHomeRate: 0.5,
          childrensHomeRate: 1,
        },
      },
      {
        year: 2024,
        totals: { trainingSessions: 9, cadreAnnualPay: 4000.1, cancerAidYuan: 0.1 },
        rates: { fullTimeRate: 0.5, committeeRate: 0.4, womensHomeRate: null } as never,
      },
      new Set(['cadreAnnualPay', 'cancerAidYuan']),
    );
    expect(change).toEqual({
      year: 2024,
      change: {
        totals: { trainingSessions: -2, cadreAnnualPay: 1000.2, cancerAidYuan: 0.2 },
        rates: {
          fullTimeRate: 0.25,
          committeeRate: null,
          womensHomeRate: null,
          childrensHomeRate: null,
        },
      },
    });
  });
});

describe('compareWithPrevious over the townships present in both years', () => {
  const rates = loadSchema().figures.rates;
  const town = (
    township: string,
    villages: number,
    totals: Record<string, number>,
    fullTime: number,
  ): TownshipFigures => ({
    township,
    villages,
    totals,
    rates: {
      fullTimeRate: villages === 0 ? null : fullTime / villages,
      disputeResolutionRate:
        (totals.disputesHandled ?? 0) === 0
          ? null
          : (totals.disputesResolved ?? 0) / totals.disputesHandled!,
    },
  });
  const now = [
    town(
      '甲镇',
      10,
      { cancerScreened: 100, disputesHandled: 10, disputesResolved: 9, reliefYuan: 0.1 },
      4,
    ),
    town(
      '乙镇',
      5,
      { cancerScreened: 50, disputesHandled: 4, disputesResolved: 4, reliefYuan: 0.2 },
      5,
    ),
    town(
      '新镇',
      3,
      { cancerScreened: 30, disputesHandled: 0, disputesResolved: 0, reliefYuan: 0 },
      0,
    ),
  ];
  const before = [
    town(
      '甲镇',
      10,
      { cancerScreened: 90, disputesHandled: 10, disputesResolved: 8, reliefYuan: 0.1 },
      3,
    ),
    town(
      '乙镇',
      5,
      { cancerScreened: 60, disputesHandled: 6, disputesResolved: 5, reliefYuan: 0.1 },
      2,
    ),
    town(
      '丙乡',
      8,
      { cancerScreened: 200, disputesHandled: 1, disputesResolved: 1, reliefYuan: 5 },
      8,
    ),
  ];
  const sum = (xs: TownshipFigures[], id: string): number =>
    xs.reduce((a, t) => a + (t.totals[id] ?? 0), 0);
  const result = compareWithPrevious(
    {
      totals: { cancerScreened: sum(now, 'cancerScreened'), reliefYuan: 0.3 },
      rates: { fullTimeRate: 9 / 18 },
      byTownship: now,
    },
    {
      year: 2024,
      totals: { cancerScreened: sum(before, 'cancerScreened'), reliefYuan: 5.2 },
      rates: { fullTimeRate: 13 / 23 },
      byTownship: before,
    } as never,
    new Set(['reliefYuan']),
    rates,
  );

  test('keeps the county-wide change as the contract has it', () => {
    expect(result.change.totals).toEqual({ cancerScreened: 180 - 350, reliefYuan: -4.9 });
  });

  test('compares like with like: the 2 common townships, naming those of one year only', () => {
    expect(result.comparable).toMatchObject({
      townships: 2,
      villages: { current: 15, previous: 15 },
      onlyLastYear: ['丙乡'],
      onlyThisYear: ['新镇'],
    });
    expect(result.comparable?.previous.totals).toMatchObject({ cancerScreened: 150 });
    // 150 → 150: no change over the same townships, where the county totals fell by 170.
    expect(result.comparable?.change.totals.cancerScreened).toBe(0);
    expect(result.comparable?.change.totals.reliefYuan).toBe(0.1);
  });

  test('rebuilds the rates over those townships: village shares from counts, total ratios from sums', () => {
    const c = result.comparable!;
    expect(c.previous.rates.fullTimeRate).toBeCloseTo(5 / 15, 12);
    expect(c.change.rates.fullTimeRate).toBeCloseTo(9 / 15 - 5 / 15, 12);
    expect(c.previous.rates.disputeResolutionRate).toBeCloseTo(13 / 16, 12);
    expect(c.change.rates.disputeResolutionRate).toBeCloseTo(13 / 14 - 13 / 16, 12);
    expect(c.change.rates.committeeRate).toBeNull(); // neither year has it per township
  });

  test('without last year per township there is no comparable block', () => {
    const plain = compareWithPrevious(
      { totals: { a: 1 }, rates: {}, byTownship: now },
      { year: 2024, totals: { a: 2 }, rates: {} } as never,
      new Set(),
      rates,
    );
    expect(plain).toEqual({ year: 2024, change: { totals: { a: -1 }, rates: {} } });
  });
});
