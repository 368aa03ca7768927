/**
 * The .xlsx fast path (readers/xlsxValues): on every workbook it takes, the same workbook model as
 * the exceljs path; what it does not take on (dates, damaged XML, phonetic runs …) goes to exceljs.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import JSZip from 'jszip';
import { readXlsxWorkbookVia } from '../../readers/readXlsx';
import { DATE_FORMAT_IDS } from '../../readers/xlsxValues';
import { sheetXlsx, makeSheet } from '../fixtures/sheets';

const LIMITS = { maxFileBytes: 20e6, maxInflatedBytes: 100e6, maxRows: 10_000, maxCells: 1e6 };

/** Reads the bytes both ways: the fast path's result (and whether it was taken) and exceljs's. */
async function bothWays(
  bytes: Uint8Array,
): Promise<{ via: string; fast: unknown; exceljs: unknown }> {
  const fast = await readXlsxWorkbookVia(bytes, LIMITS);
  const slow = await readXlsxWorkbookVia(bytes, LIMITS, false);
  expect(slow.via).toBe('exceljs');
  return { via: fast.via, fast: fast.result, exceljs: slow.result };
}

/** A workbook of the given sheets (rows of exceljs cell values), merges and hidden rows on the first. */
async function workbook(
  sheets: ExcelJS.CellValue[][][],
  options: { merges?: string[]; hiddenRows?: number[]; hiddenColumns?: number[] } = {},
): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  sheets.forEach((rows, k) => {
    const ws = wb.addWorksheet(`表${k + 1}`);
    rows.forEach((row, r) =>
      row.forEach((value, c) => {
        if (value !== null && value !== undefined) ws.getCell(r + 1, c + 1).value = value;
      }),
    );
    if (k > 0) return;
    for (const m of options.merges ?? []) ws.mergeCells(m);
    for (const r of options.hiddenRows ?? []) ws.getRow(r).hidden = true;
    for (const c of options.hiddenColumns ?? []) ws.getColumn(c).hidden = true;
  });
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** Rewrites one part of a zip. */
async function withPart(
  bytes: Uint8Array,
  name: string,
  edit: (xml: string) => string,
): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  zip.file(name, edit(await zip.file(name)!.async('string')));
  return zip.generateAsync({ type: 'uint8array' });
}

const soffice = (): boolean =>
  spawnSync('soffice', ['--version'], { stdio: 'ignore' }).status === 0;

describe('xlsx fast path: same model as exceljs', () => {
  it('strings with XML specials, CJK and line breaks, numbers, booleans, errors, formulas with results, rich text, merges, hidden rows and columns, several sheets', async () => {
    const bytes = await workbook(
      [
        [
          ['示例县乡镇妇联工作统计表（2025年度）'],
          ['A&B <c> "q" \'a\'', '第一行\r\n第二行', '  前后空格  ', '😀 emoji', ''],
          [1, 2.5, -3, 1e-7, 123456789012, 0],
          [true, false, { error: '#DIV/0!' }, { error: '#N/A' }],
          [
            { formula: 'SUM(A3:B3)', result: 3.5 },
            { formula: 'A1', result: '文本<>"' },
            { formula: 'A4', result: true },
            { formula: '1/0', result: { error: '#DIV/0!' } },
            { formula: 'A3*0', result: 0 },
          ],
          [{ richText: [{ text: '富', font: { bold: true } }, { text: '文本' }] }],
          ['东片', '青石村', 12],
          [null, '松林村', 7],
        ],
        [
          ['序号', '村名'],
          [1, '黎明村'],
        ],
      ],
      { merges: ['A1:F1', 'A7:A8'], hiddenRows: [8], hiddenColumns: [6] },
    );
    const { via, fast, exceljs } = await bothWays(bytes);
    expect(via).toBe('fast');
    expect(fast).toEqual(exceljs);
  });

  it('the test fixture sheet (a date, a hyperlink, rich text, cached sums) reads the same', async () => {
    const { via, fast, exceljs } = await bothWays(await sheetXlsx(makeSheet()));
    expect(via).toBe('fast');
    expect(fast).toEqual(exceljs);
  });

  it('dates and times in built-in and custom formats, 1900 and 1904 date systems, read the same', async () => {
    const rows: ExcelJS.CellValue[][] = [
      [new Date(Date.UTC(2025, 11, 31)), new Date(Date.UTC(2026, 0, 10, 14, 30)), 45000.75],
      [{ formula: 'A1+1', result: new Date(Date.UTC(2026, 0, 1)) }, 12.5],
    ];
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('表');
    rows.forEach((row, r) => row.forEach((v, c) => (ws.getCell(r + 1, c + 1).value = v)));
    ws.getCell('B1').numFmt = 'yyyy"年"m"月"d"日" hh:mm';
    ws.getCell('C1').numFmt = '[$-804]0.00"元"';
    ws.getCell('B2').numFmt = 'mm:ss';
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    for (const b of [
      bytes,
      await withPart(bytes, 'xl/workbook.xml', (x) =>
        x.replace('<workbookPr', '<workbookPr date1904="1"'),
      ),
    ]) {
      const { via, fast, exceljs } = await bothWays(b);
      expect(via).toBe('fast');
      expect(fast).toEqual(exceljs);
    }
  });

  it('DATE_FORMAT_IDS is exceljs’s own table: the built-in codes its date test calls dates', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const table = require('exceljs/lib/xlsx/defaultnumformats') as Record<string, { f?: string }>;
    const isDate = (f: string): boolean =>
      /[ymdhMsb]+/u.test(f.replace(/\[[^\]]*\]/gu, '').replace(/"[^"]*"/gu, ''));
    for (let id = 1; id < 200; id++)
      expect([id, DATE_FORMAT_IDS.has(id)]).toEqual([
        id,
        Boolean(table[id]?.f !== undefined && isDate(table[id]?.f ?? '')),
      ]);
  });

  it('property: random grids of strings, numbers, booleans and formula results read the same both ways', async () => {
    const text = fc.string({
      unit: fc.constantFrom(...'村镇&<>"\' \t\r\n0123456789.-万元约余（）_x'.split(''), '😀', '　'),
      maxLength: 12,
    });
    const value: fc.Arbitrary<ExcelJS.CellValue> = fc.oneof(
      text,
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.integer({ min: -1e6, max: 1e6 }),
      fc.boolean(),
      fc.constant(null),
      fc.record({ formula: fc.constant('A1'), result: fc.oneof(fc.integer(), text, fc.boolean()) }),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(value, { maxLength: 8 }), { minLength: 1, maxLength: 8 }),
        async (rows) => {
          const { via, fast, exceljs } = await bothWays(await workbook([rows]));
          expect(fast).toEqual(exceljs);
          // Left to exceljs on purpose: _xHHHH_ escapes, and a formula's text result with an & (which exceljs decodes twice).
          const declined =
            /_x[0-9a-fA-F]{4}_/u.test(JSON.stringify(rows)) ||
            rows.some((row) =>
              row.some(
                (v) =>
                  typeof v === 'object' &&
                  v !== null &&
                  'result' in v &&
                  typeof v.result === 'string' &&
                  v.result.includes('&'),
              ),
            );
          if (!declined) expect(via).toBe('fast');
        },
      ),
      { numRuns: 60 },
    );
  });

  it('inline strings (written by other tools) read the same both ways', async () => {
    const base = await workbook([[['x', 1]]]);
    const bytes = await withPart(base, 'xl/worksheets/sheet1.xml', (xml) =>
      xml.replace(
        /<c r="A1"([^>]*?) t="s"([^>]*)><v>\d+<\/v><\/c>/u,
        '<c r="A1"$1 t="inlineStr"$2><is><r><t>内联</t></r><r><t xml:space="preserve"> &amp; 文本</t></r></is></c>',
      ),
    );
    const { via, fast, exceljs } = await bothWays(bytes);
    expect(via).toBe('fast');
    expect(fast).toEqual(exceljs);
    expect(JSON.stringify(fast)).toContain('内联 & 文本');
  });

  it.each([
    [
      'a cell tag broken in the middle of sheetData',
      (xml: string) => xml.replace('<c r="B1"', '<c r="B1"<'),
    ],
    ['text between rows', (xml: string) => xml.replace('</row>', '</row>stray')],
  ])('leaves %s to exceljs', async (_what, edit) => {
    const rows: ExcelJS.CellValue[][] = [
      ['a', 'b', 'c'],
      [1, 2, 3],
    ];
    const bytes = await withPart(await workbook([rows]), 'xl/worksheets/sheet1.xml', edit);
    const { via, fast, exceljs } = await bothWays(bytes);
    expect(via).toBe('exceljs');
    expect(fast).toEqual(exceljs);
  });

  it('phonetic runs in shared strings go to exceljs', async () => {
    const base = await workbook([[['汉字', 1]]]);
    const bytes = await withPart(base, 'xl/sharedStrings.xml', (xml) =>
      xml.replace('<t>汉字</t>', '<t>汉字</t><rPh sb="0" eb="2"><t>かんじ</t></rPh>'),
    );
    const { via, fast, exceljs } = await bothWays(bytes);
    expect(via).toBe('exceljs');
    expect(fast).toEqual(exceljs);
  });
});

describe('xlsx fast path: a workbook re-saved by LibreOffice', () => {
  if (!soffice()) {
    it('needs LibreOffice (soffice): not installed here', () => {
      if (process.env.CI === 'true') throw new Error('CI must install LibreOffice (see .ci/run)');
    });
    return;
  }
  it('reads the same both ways (shared strings, styles and XML as LibreOffice writes them)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fast-xlsx-'));
    try {
      const source = await workbook(
        [
          [
            ['标题 A&B'],
            ['序号', '村名', '培训人次'],
            [1, '青石村', 12],
            [2, '松林村', { formula: 'C3*2', result: 24 }],
            ['合计', null, { formula: 'SUM(C3:C4)', result: 36 }],
          ],
        ],
        { merges: ['A1:C1'], hiddenRows: [4] },
      );
      writeFileSync(join(dir, 'in.xlsx'), source);
      const out = join(dir, 'out');
      const run = spawnSync(
        'soffice',
        ['--headless', '--convert-to', 'xlsx', '--outdir', out, join(dir, 'in.xlsx')],
        { encoding: 'utf8', env: { ...process.env, HOME: dir } },
      );
      expect(run.status).toBe(0);
      const { via, fast, exceljs } = await bothWays(
        new Uint8Array(readFileSync(join(out, 'in.xlsx'))),
      );
      expect(fast).toEqual(exceljs);
      expect(via).toBe('fast');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
