import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { OutputTable, TableCell, TableColumn } from '../../../pipeline/write/outputTable';
import {
  columnLetters,
  columnMm,
  printFit,
  wrappedLines,
  writeWorkbook,
} from '../../../pipeline/write/writeWorkbook';
import { sheetBacklog } from '../../../pipeline/write/xlsx/waitForSheetDrain';

const summaryTable: OutputTable = {
  sheet: '汇总',
  columns: [
    { label: '指标', kind: 'text', width: 20 },
    { label: '数值', kind: 'decimal', width: 12 },
  ],
  rows: () => [
    ['村（社区）数', { value: 3, kind: 'count' }],
    ['专职率', { value: 2 / 3, kind: 'rate' }],
    ['年报酬（元）', { value: 5000.5, kind: 'money' }],
    ['纠纷化解率', { value: null, kind: 'rate' }],
    ['年度', { value: 2025, kind: 'integer' }],
    ['县（区）', '示例县'],
  ],
};
const townshipsTable: OutputTable = {
  sheet: '分乡镇',
  columns: [
    { label: '乡镇', kind: 'text', width: 14 },
    { label: '培训人次', kind: 'count', width: 8 },
    { label: '专职率', kind: 'rate', width: 8 },
  ],
  rows: () => [
    ['=1+2', 12345, 0.5],
    ['-5', Number.NaN, null],
  ],
  freezeColumns: 1,
};

/** A 14-column table (wide: prints over several pages) of `n` generated rows. */
function wideTable(n: number): OutputTable {
  const columns: TableColumn[] = [
    { label: '乡镇', kind: 'text', width: 14 },
    ...Array.from({ length: 12 }, (_, i): TableColumn => ({
      label: `上报贫困两癌妇女数${i}`,
      kind: i % 2 ? 'money' : 'count',
      width: 6,
    })),
    { label: '来源行', kind: 'integer', width: 6 },
  ];
  function* rows(): Iterable<TableCell[]> {
    for (let r = 0; r < n; r++)
      yield [
        `乡镇${r}`,
        ...Array.from({ length: 12 }, (_, i) => r * 12 + i + 0.25 * (i % 2)),
        r + 4,
      ];
  }
  return { sheet: '村级明细', columns, rows, freezeColumns: 3 };
}

describe('writeWorkbook', () => {
  let dir: string;
  beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'xlsx-'))));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('sheets with styled frozen headers, widths, number formats, neutralised text and A4 landscape print setup', async () => {
    const path = join(dir, 'w.xlsx');
    await writeWorkbook(path, [summaryTable, townshipsTable, wideTable(3)]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['汇总', '分乡镇', '村级明细']);

    const summary = wb.getWorksheet('汇总')!;
    const a1 = summary.getCell('A1');
    expect(a1.value).toBe('指标');
    expect(a1.font?.bold).toBe(true);
    expect(a1.fill).toMatchObject({
      type: 'pattern',
      pattern: 'solid',
      fgColor: { argb: 'FFF3D9E4' },
    });
    expect(a1.border?.bottom?.style).toBe('thin');
    expect(a1.alignment).toMatchObject({
      horizontal: 'center',
      vertical: 'middle',
      wrapText: true,
    });
    expect(summary.getRow(1).height).toBe(32);
    expect(summary.getCell('B2').value).toBe(3);
    expect(summary.getCell('B2').type).toBe(ExcelJS.ValueType.Number);
    expect(summary.getCell('B2').numFmt).toBe('#,##0');
    expect(summary.getCell('B3').value).toBe(2 / 3);
    expect(summary.getCell('B3').numFmt).toBe('0.0%');
    expect(summary.getCell('B4').value).toBe(5000.5);
    expect(summary.getCell('B4').numFmt).toBe('#,##0.00');
    expect(summary.getCell('B5').value).toBeNull();
    expect(summary.getCell('B6').value).toBe(2025);
    expect(summary.getCell('B6').numFmt).toBeUndefined(); // a year reads 2025, not 2,025
    expect(summary.getCell('B7').value).toBe('示例县');
    expect(summary.getCell('B7').numFmt).toBeUndefined();
    expect(summary.getColumn(1).width).toBe(22);
    expect(summary.views[0]).toMatchObject({ state: 'frozen', xSplit: 0, ySplit: 1 });
    expect(summary.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: '1:1',
    });

    const townships = wb.getWorksheet('分乡镇')!;
    expect(townships.getCell('A2').value).toBe(`'=1+2`);
    expect(townships.getCell('A2').type).toBe(ExcelJS.ValueType.String);
    expect(townships.getCell('A3').value).toBe('-5'); // a plain number stays as it is
    expect(townships.getCell('B2').value).toBe(12345);
    expect(townships.getCell('B2').numFmt).toBe('#,##0');
    expect(townships.getCell('C2').numFmt).toBe('0.0%');
    expect(townships.getCell('B3').value).toBeNull(); // NaN is left blank
    expect(townships.getCell('C3').value).toBeNull();
    expect(townships.views[0]).toMatchObject({ state: 'frozen', xSplit: 1, ySplit: 1 });
    expect(townships.autoFilter).toBe('A1:C1');

    const wide = wb.getWorksheet('村级明细')!;
    expect(wide.views[0]).toMatchObject({ state: 'frozen', xSplit: 3, ySplit: 1 });
    // 14 columns (~190 units, ~475 mm) would print under 8 pt on one page: two pages wide, column A repeated.
    expect(wide.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 2,
      fitToHeight: 0,
      printTitlesRow: '1:1',
      printTitlesColumn: 'A:A',
    });
    // 上报贫困两癌妇女数0 is 19 characters wide: widened so it wraps onto two lines at most.
    expect(wide.getColumn(2).width).toBe(12);
    expect(wide.getCell('B2').numFmt).toBe('#,##0');
    expect(wide.getCell('C2').value).toBe(1.25);
    expect(wide.getCell('C2').numFmt).toBe('#,##0.00');
    expect(wide.getCell('N4').value).toBe(6);
  });

  test('many rows stream through (the writer pauses for the zip), in order, and the docProps date is the one given', async () => {
    const path = join(dir, 'big.xlsx');
    const date = new Date(Date.UTC(2025, 11, 31));
    await writeWorkbook(path, [summaryTable, wideTable(5000)], { date });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    const sheet = wb.getWorksheet('村级明细')!;
    expect(sheet.rowCount).toBe(5001);
    expect(sheet.getRow(5001).values).toEqual([
      undefined,
      '乡镇4999',
      ...Array.from({ length: 12 }, (_, i) => 4999 * 12 + i + 0.25 * (i % 2)),
      5003,
    ]);
    expect(wb.created).toEqual(date);
    expect(wb.modified).toEqual(date);
  });

  test('the same tables give the same workbook content twice', async () => {
    const date = new Date(Date.UTC(2025, 11, 31));
    const contents = async (name: string): Promise<Record<string, string>> => {
      const path = join(dir, name);
      await writeWorkbook(path, [summaryTable, townshipsTable, wideTable(50)], { date });
      const zip = await JSZip.loadAsync(readFileSync(path));
      const files: Record<string, string> = {};
      for (const f of Object.values(zip.files)) files[f.name] = await f.async('string');
      return files;
    };
    // Zip entry timestamps differ between runs; every part's content must not.
    const first = await contents('a.xlsx');
    expect(Object.keys(first)).toContain('xl/worksheets/sheet3.xml');
    expect(await contents('b.xlsx')).toEqual(first);
  });

  test('a cut cell is reported at its row in the sheet (below a title row too)', async () => {
    const cut: unknown[] = [];
    const titled: OutputTable = {
      ...summaryTable,
      title: '示例县2025年度汇总',
      rows: () => [['退回的乡镇', '乡'.repeat(40_000)]],
    };
    const path = join(dir, 'cut.xlsx');
    await writeWorkbook(path, [titled], {
      cellText: { marker: '…', onTruncate: (where) => cut.push(where) },
    });
    expect(cut).toEqual([{ sheet: '汇总', row: 3, column: 2, length: 40_000 }]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    expect(wb.getWorksheet('汇总')!.getCell('B3').text).toHaveLength(32_767);
  });

  test('an unwritable path rejects instead of crashing the process', async () => {
    await expect(
      writeWorkbook(join(dir, 'no', 'such', 'dir.xlsx'), [summaryTable]),
    ).rejects.toThrow(/ENOENT/u);
  });

  test('exceljs still has the internals the backpressure reads (else a big roster queues in memory)', async () => {
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: join(dir, 'probe.xlsx') });
    const ws = wb.addWorksheet('a');
    ws.addRow([1, 'x']).commit();
    expect(sheetBacklog(ws)).toEqual(expect.any(Number));
    ws.commit();
    await wb.commit();
  });

  test('columnLetters', () => {
    expect([1, 26, 27, 52, 53, 702, 703].map(columnLetters)).toEqual([
      'A',
      'Z',
      'AA',
      'AZ',
      'BA',
      'ZZ',
      'AAA',
    ]);
  });
});

describe('printing legibly on landscape A4', () => {
  test('a sheet fits one page wide only while its 11-pt text stays at 8 pt or more', () => {
    // 问题清单's printed columns (widths as written, header padding included): one page at ~85 %.
    const findings = printFit([18, 12, 8, 10, 16, 14, 10, 42]);
    expect(findings.pagesWide).toBe(1);
    expect(11 * findings.scale).toBeGreaterThanOrEqual(8);
    // The old 问题清单 (every column, two 60-wide messages) printed at ~3.6 pt in LibreOffice.
    const old = [26, 14, 8, 26, 10, 8, 8, 16, 16, 12, 62, 62];
    const oldScale = (297 - 2 * 0.4 * 25.4) / old.reduce((a, w) => a + columnMm(w), 0);
    expect(11 * oldScale).toBeLessThan(5);
    expect(printFit(old).pagesWide).toBeGreaterThan(1);
  });

  test('a very wide sheet (分乡镇: 58 columns) runs over several pages wide at full size', () => {
    const widths = [16, 10, ...Array.from({ length: 28 }, () => [12, 8]).flat()];
    const fit = printFit(widths);
    expect(fit.pagesWide).toBeGreaterThan(2);
    // Each page: the repeated first column plus its share of the others, at 100 % (no shrinking).
    const first = columnMm(16);
    const rest = widths.slice(1).reduce((a, w) => a + columnMm(w), 0);
    expect(rest / fit.pagesWide + first).toBeLessThanOrEqual(297 - 2 * 0.4 * 25.4);
  });

  test('a wrapped message gets as many lines as it needs', () => {
    expect(wrappedLines('短', 50)).toBe(1);
    expect(wrappedLines('长'.repeat(60), 50)).toBe(3); // 60 CJK ≈ 132 units over 49
    expect(wrappedLines('a\nb', 50)).toBe(2);
  });
});
