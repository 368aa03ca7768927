import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { csvField, writeCsv } from '../../../pipeline/write/writeCsv';

describe('writeCsv', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'csv-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  test('UTF-8 with BOM, CRLF, quoting, numbers as numbers (rates as percentages with one decimal), injection neutralised', () => {
    const path = join(dir, 't.csv');
    writeCsv(path, {
      sheet: 't',
      columns: [
        { label: '乡镇', kind: 'text', width: 10 },
        { label: '培训人次', kind: 'count', width: 8 },
        { label: '专职率', kind: 'rate', width: 8 },
      ],
      rows: () => [
        ["=cmd|' /C calc'!A0", -3, 0.5],
        ['有,逗号 "引号"', 12, null],
        ['-5', { value: 1.25, kind: 'money' }, 1 / 3],
      ],
    });
    const bytes = readFileSync(path);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8').slice(1)).toBe(
      `乡镇,培训人次,专职率\r\n'=cmd|' /C calc'!A0,-3,50.0%\r\n"有,逗号 ""引号""",12,\r\n-5,1.25,33.3%\r\n`,
    );
  });

  test('fields: blanks empty, leading/trailing space quoted', () => {
    expect(csvField(null)).toBe('');
    expect(csvField(' a')).toBe('" a"');
    expect(csvField('@x')).toBe(`'@x`);
  });
});
