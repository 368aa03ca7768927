import type { SummaryJson } from '../../../pipeline/aggregate/summaryTypes';
import { summaryJsonChunks } from '../../../pipeline/write/summaryJsonChunks';

describe('summaryJsonChunks', () => {
  test('the pieces join to exactly JSON.stringify(summary, null, 2) + newline', () => {
    const summary = {
      county: '示例县',
      year: 2025,
      townships: {
        expected: 2,
        accepted: ['黎岭镇'],
        rejected: [{ file: 'a "b".csv', township: null, errors: 1 }],
        missing: [],
      },
      villages: 0,
      totals: {},
      cadres: { female: 0, ageBands: { '<=35': 1 }, education: {} },
      rates: { fullTimeRate: null, committeeRate: 0.5 },
      byTownship: [
        { township: '黎岭镇', villages: 2, totals: { a: 1 }, rates: { r: null }, ranks: {} },
        { township: '青石镇', villages: 1, totals: {}, rates: {}, ranks: { a: 1 } },
      ],
      previous: null,
      findings: [{ file: 'x.csv', message_zh: '第一行\n第二行', value: null }],
      inputs: [],
    } as unknown as SummaryJson;
    expect([...summaryJsonChunks(summary)].join('')).toBe(`${JSON.stringify(summary, null, 2)}\n`);
  });
});
