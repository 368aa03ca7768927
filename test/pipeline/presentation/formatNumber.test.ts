import {
  formatCount,
  formatDecimal,
  formatMoney,
  formatPercent,
  formatPoints,
} from '../../../pipeline/presentation/formatNumber';
import { phrasesFor } from '../../../pipeline/presentation/phrases';

const zh = phrasesFor('zh').number;
const en = phrasesFor('en').number;

describe('Chinese number formatting', () => {
  it.each([
    [0, '0'],
    [7, '7'],
    [999, '999'],
    [1677, '1,677'],
    [9999, '9,999'],
    [10000, '10,000'],
    [10800, '10,800'],
    [1234567, '1,234,567'],
    [12.4, '12'],
  ])('count %p → %p', (n, text) => expect(formatCount(n, zh)).toBe(text));

  it.each([
    [0, '0元'],
    [850, '850元'],
    [8500, '8,500元'],
    [9999.5, '9,999.5元'],
    [10000, '1万元'],
    [26648, '2.66万元'],
    [300000, '30万元'],
    [2497500, '249.75万元'],
    [12345678.9, '1,234.57万元'],
  ])('money %p → %p', (n, text) => expect(formatMoney(n, zh)).toBe(text));

  it.each([
    [null, '—'],
    [0, '0.0%'],
    [1, '100.0%'],
    [0.87654, '87.7%'],
    [0.3417, '34.2%'],
  ])('percent %p → %p', (r, text) => expect(formatPercent(r, zh, '—')).toBe(text));

  it('formats decimals and points', () => {
    expect([
      formatDecimal(44.37, 1, zh),
      formatDecimal(40, 1, zh),
      formatPoints(-0.013, zh),
      formatPoints(0.021, zh),
    ]).toEqual(['44.4', '40', '1.3', '2.1']);
  });

  it('groups from 1,000 and keeps yuan in English', () => {
    expect([formatCount(1080, en), formatMoney(2497500, en), formatMoney(-12.5, en)]).toEqual([
      '1,080',
      '2,497,500 yuan',
      '-12.5 yuan',
    ]);
  });
});
