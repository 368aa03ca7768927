import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { loadSchema } from '../../../core';
import type { Registry } from '../../../core/types';
import { layoutFields } from '../../../intake/compactSheet';
import { intakeFiles } from '../../../pipeline/intake/intakeFiles';
import { sheetCsv, sheetXlsx, village } from './townshipFixture';

const schema = loadSchema();
const layout = layoutFields(schema);
const registry: Registry = {
  townships: [
    { name: '黎岭镇', aliases: [], villages: ['一村', '二村'] },
    { name: '青石镇', aliases: [], villages: ['三村'] },
  ],
};

describe('intakeFiles', () => {
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'intake-'));
    const liling = sheetCsv({
      township: '黎岭镇妇联',
      county: '青山县',
      villages: [
        village('一村', { cadreAnnualPay: 1234.56, trainingSessions: 2, trainingAttendance: 40 }),
        village('二村', { cadreEducation: '本科' }),
      ],
      level: { trainingSessions: 1, trainingAttendance: 5 },
    });
    writeFileSync(join(dir, 'a.csv'), iconv.encode(liling, 'gb18030'));
    writeFileSync(
      join(dir, 'b.xlsx'),
      await sheetXlsx({ township: '青石镇', villages: [village('三村')] }),
    );
    writeFileSync(
      join(dir, 'c.csv'),
      sheetCsv({ township: '火星镇', villages: [village('四村')] }),
    );
    writeFileSync(
      join(dir, 'd.csv'),
      sheetCsv({ township: '青石镇', villages: [village('三村', { cadreAge: 99 })] }),
    );
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('each file: identity, year, county, rows, findings, and compact rows only when it has no error', async () => {
    const seen: string[] = [];
    const out = await intakeFiles(
      ['a.csv', 'b.xlsx', 'c.csv', 'd.csv'].map((f) => join(dir, f)),
      {
        schema,
        layout,
        registry,
        year: null,
        onFile: (path) => seen.push(String(path).slice(dir.length + 1)),
      },
    );
    expect(seen).toEqual(['a.csv', 'b.xlsx', 'c.csv', 'd.csv']);
    expect(
      out.map((o) => [
        o.file,
        o.encoding,
        o.township,
        o.year,
        o.county,
        o.rows,
        o.compact !== null,
      ]),
    ).toEqual([
      ['a.csv', 'gb18030', '黎岭镇', 2025, '青山县', 2, true],
      ['b.xlsx', 'xlsx', '青石镇', 2025, '示例县', 1, true],
      ['c.csv', 'utf-8', null, 2025, '示例县', 1, false],
      ['d.csv', 'utf-8', '青石镇', 2025, '示例县', 1, false],
    ]);
    expect(out[0]!.sha256).toMatch(/^[0-9a-f]{64}$/u);
    expect(out[2]!.findings.map((f) => f.code)).toEqual(['E_UNKNOWN_TOWNSHIP']);
    expect(out[3]!.findings.map((f) => [f.code, f.cell])).toEqual([['E_AGE_RANGE', 'E5']]);

    const a = out[0]!.compact!;
    expect([a.township, a.file, a.rowCount, a.villageCount, a.reporter, a.phone]).toEqual([
      '黎岭镇',
      'a.csv',
      3,
      2,
      '王芳',
      '13800000000',
    ]);
    expect([...a.isLevel]).toEqual([0, 0, 1]);
    expect([...a.sourceRows]).toEqual([5, 6, 7]);
    const pay = layout.numeric.findIndex((c) => c.id === 'cadreAnnualPay');
    const sessions = layout.numeric.findIndex((c) => c.id === 'trainingSessions');
    const nn = layout.numeric.length;
    expect([a.numbers[pay], a.numbers[nn + pay], a.numbers[2 * nn + pay]]).toEqual([
      123456,
      300000,
      NaN,
    ]); // cents; cadre cells of the 本级 row stay blank
    expect([a.numbers[sessions], a.numbers[nn + sessions], a.numbers[2 * nn + sessions]]).toEqual([
      2, 0, 1,
    ]);
    const education = layout.coded.findIndex((c) => c.column.id === 'cadreEducation');
    const choices = layout.coded[education]!.choices;
    expect(choices[a.codes[layout.coded.length + education]! - 1]).toBe('本科及以上');
    const name = layout.text.findIndex((c) => c.id === 'cadreName');
    expect(a.texts[name]).toBe('一村主席');
  });
});
