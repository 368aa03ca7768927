import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { columnLetters, writeWorkbook } from '../../../pipeline/write/writeWorkbook';

describe('writeWorkbook', () => {
  let dir: string;
  beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'xlsx-'))));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('sheets with styled frozen headers, widths, number formats, neutralised text and A4 landscape print setup', async () => {
    const path = join(dir, 'w.xlsx');
    await writeWorkbook(path, [
      {
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
        ],
      },
      {
        sheet: '分乡镇',
        columns: [
          { label: '乡镇', kind: 'text', width: 14 },
          { label: '培训人次', kind: 'count', width: 8 },
          { label: '专职率', kind: 'rate', width: 8 },
        ],
        rows: () => [['=1+2', 12, 0.5]],
        freezeColumns: 1,
      },
    ]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['汇总', '分乡镇']);

    const summary = wb.getWorksheet('汇总')!;
    expect(summary.getCell('A1').value).toBe('指标');
    expect(summary.getCell('A1').font?.bold).toBe(true);
    expect(summary.getCell('B2').value).toBe(3);
    expect(summary.getCell('B2').type).toBe(ExcelJS.ValueType.Number); // whole numbers: General format
    expect(summary.getCell('B3').value).toBe(2 / 3);
    expect(summary.getCell('B3').numFmt).toBe('0.00%');
    expect(summary.getCell('B4').value).toBe(5000.5);
    expect(summary.getCell('B4').numFmt).toBe('#,##0.00');
    expect(summary.getCell('B5').value).toBeNull();
    expect(summary.getColumn(1).width).toBe(22);
    expect(summary.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(summary.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: 'landscape',
      printTitlesRow: '1:1',
    });

    const townships = wb.getWorksheet('分乡镇')!;
    expect(townships.getCell('A2').value).toBe(`'=1+2`);
    expect(townships.getCell('A2').type).toBe(ExcelJS.ValueType.String);
    expect(townships.getCell('B2').type).toBe(ExcelJS.ValueType.Number);
    expect(townships.getCell('C2').numFmt).toBe('0.00%');
    expect(townships.views[0]).toMatchObject({ state: 'frozen', xSplit: 1, ySplit: 1 });
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
