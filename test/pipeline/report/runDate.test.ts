import { phrasesFor } from '../../../pipeline/presentation/phrases';
import { formatDate, parseRunDate, readRunDate } from '../../../pipeline/report/runDate';

describe('the run date', () => {
  const now = new Date(2026, 11, 2, 10, 0, 0);

  it('is today unless COUNTY_ROLLUP_DATE sets it', () => {
    expect(readRunDate({}, now)).toEqual({
      date: { year: 2026, month: 12, day: 2 },
      invalid: null,
    });
    expect(readRunDate({ COUNTY_ROLLUP_DATE: '2026-01-15' }, now)).toEqual({
      date: { year: 2026, month: 1, day: 15 },
      invalid: null,
    });
  });

  it('reports a value that is not a date and falls back to today', () => {
    expect(readRunDate({ COUNTY_ROLLUP_DATE: '2026-02-30' }, now)).toEqual({
      date: { year: 2026, month: 12, day: 2 },
      invalid: '2026-02-30',
    });
    expect(parseRunDate('15.1.2026')).toBeNull();
  });

  it('is written the Chinese official way, and ISO in English', () => {
    const d = { year: 2026, month: 1, day: 5 };
    expect(formatDate(d, phrasesFor('zh'))).toBe('2026年1月5日');
    expect(formatDate(d, phrasesFor('en'))).toBe('2026-01-05');
  });
});
