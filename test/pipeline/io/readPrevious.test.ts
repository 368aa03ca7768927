import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readPrevious } from '../../../pipeline/io/readPrevious';

describe('readPrevious', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'read-previous-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  let n = 0;
  const write = (text: string): string => {
    const path = join(dir, `summary-${++n}.json`);
    writeFileSync(path, text);
    return path;
  };
  const township = {
    township: '黎岭镇',
    villages: 3,
    totals: { trainingAttendance: 80, note: 'x' },
    rates: { disputeResolutionRate: 0.5, childrensHomeRate: null },
  };

  it('keeps year, numeric totals and rates (a non-number rate becomes null), and byTownship', async () => {
    const path = write(
      `\uFEFF${JSON.stringify({
        year: 2024,
        totals: { trainingAttendance: 100, label: '人次' },
        rates: { disputeResolutionRate: 0.75, childrensHomeRate: 'n/a' },
        byTownship: [township],
        findings: [],
      })}`,
    );
    expect(await readPrevious(path)).toEqual({
      year: 2024,
      totals: { trainingAttendance: 100 },
      rates: { disputeResolutionRate: 0.75, childrensHomeRate: null },
      byTownship: [
        {
          township: '黎岭镇',
          villages: 3,
          totals: { trainingAttendance: 80 },
          rates: { disputeResolutionRate: 0.5, childrensHomeRate: null },
        },
      ],
    });
  });

  it('leaves byTownship out when it is not of the contract shape', async () => {
    const base = { year: null, totals: {}, rates: {} };
    for (const byTownship of [undefined, {}, [{ ...township, villages: '3' }], [null]]) {
      const previous = await readPrevious(write(JSON.stringify({ ...base, byTownship })));
      expect(previous).toEqual({ year: null, totals: {}, rates: {} });
    }
  });

  it('is null for what is not a summary.json', async () => {
    const texts = [
      'not json',
      '[]',
      'null',
      JSON.stringify({ year: '2024', totals: {}, rates: {} }),
      JSON.stringify({ year: 2024, totals: [], rates: {} }),
      JSON.stringify({ year: 2024, totals: {} }),
    ];
    for (const text of texts) expect(await readPrevious(write(text))).toBeNull();
    expect(await readPrevious(join(dir, 'missing.json'))).toBeNull();
  });
});
