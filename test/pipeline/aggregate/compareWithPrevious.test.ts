import { compareWithPrevious } from '../../../pipeline/aggregate/compareWithPrevious';

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
