import ExcelJS from 'exceljs';
import { loadSchema } from '../../core';
import type { RenderedFinding, FindingCode } from '../../core/types';
import { markWorkbook, type MarkSource } from '../../workbook/markWorkbook';

const schema = loadSchema();

/** A finding as validate --json gives it. */
function finding(
  code: FindingCode,
  cell: { row: number; column: number; cell: string } | null,
  text: string,
  suggestion: string | null = null,
): RenderedFinding {
  return {
    code,
    severity: code.startsWith('E_') ? 'error' : 'warning',
    row: cell?.row ?? null,
    column: cell?.column ?? null,
    cell: cell?.cell ?? null,
    field: null,
    value: null,
    suggestion,
    message_zh: `中文：${text}`,
    message_en: `English: ${text}`,
  };
}

async function readBack(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  return wb;
}

/** Every cell of a sheet with content or a number format: address → value, formula, format. */
function cellsOf(ws: ExcelJS.Worksheet): Map<string, unknown> {
  const out = new Map<string, unknown>();
  ws.eachRow({ includeEmpty: false }, (row) =>
    row.eachCell({ includeEmpty: false }, (c) => {
      out.set(c.address, { value: c.value, formula: c.formula ?? null, numFmt: c.numFmt ?? null });
    }),
  );
  return out;
}

/** A workbook with a notes sheet first and the entry sheet second: formulas, formats, a merge, a comment. */
async function userWorkbook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const notes = wb.addWorksheet('填表说明');
  notes.getCell('A1').value = '每村（社区）填一行。';
  const ws = wb.addWorksheet('统计表');
  ws.mergeCells('A1:D1');
  ws.getCell('A1').value = '示例县乡镇妇联工作统计表（2025年度）';
  ws.getRow(2).values = ['序号', '村（社区）', '年报酬（元）', '培训人次'];
  ws.getRow(3).values = [1, '东山村', 36000.5, 120];
  ws.getRow(4).values = [2, '西岭村', 12000, 80];
  ws.getCell('A5').value = '合计';
  ws.getCell('C5').value = { formula: 'SUM(C3:C4)', result: 48000.5 };
  ws.getCell('D5').value = { formula: 'SUM(D3:D4)', result: 200 };
  ws.getCell('C3').numFmt = '#,##0.00';
  ws.getCell('C4').numFmt = '#,##0.00';
  ws.getCell('C5').numFmt = '#,##0.00';
  ws.getCell('D4').note = '乡镇自己的批注';
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe('markWorkbook on an .xlsx', () => {
  let original: ExcelJS.Workbook;
  let marked: ExcelJS.Workbook;
  let fileName: string;
  const findings = [
    finding('E_RESOLVED_GT_HANDLED', { row: 3, column: 4, cell: 'D3' }, '培训人次有误'),
    finding('W_APPROX', { row: 3, column: 4, cell: 'D3' }, '培训人次偏大'),
    finding('W_APPROX', { row: 4, column: 4, cell: 'D4' }, '西岭村偏大', '8'),
    finding('E_TOTAL_MISMATCH', { row: 5, column: 3, cell: 'C5' }, '合计不等'),
    finding('W_MISSING_VILLAGE', null, '没有合计行'),
  ];

  beforeAll(async () => {
    const bytes = await userWorkbook();
    original = await readBack(bytes);
    const source: MarkSource = {
      bytes,
      fileName: '东山镇.xlsx',
      format: 'xlsx',
      sheetName: '统计表',
      grid: [],
    };
    const copy = await markWorkbook(source, findings, { schema, lang: 'zh' });
    fileName = copy.fileName;
    marked = await readBack(copy.bytes);
  });

  test('is named after the file, and 问题清单 comes first', () => {
    expect(fileName).toBe('东山镇-标注版.xlsx');
    expect(marked.worksheets.map((w) => w.name)).toEqual(['问题清单', '填表说明', '统计表']);
  });

  test('every finding cell has our fill (an error outranks a warning) and a comment with its messages', () => {
    const ws = marked.getWorksheet('统计表')!;
    expect(ws.getCell('D3').fill).toEqual({
      type: 'pattern',
      pattern: 'solid',
      fgColor: { argb: 'FFFFC7CE' },
    });
    expect(ws.getCell('D4').fill).toEqual({
      type: 'pattern',
      pattern: 'lightUp',
      // As the add-in's mark: the yellow is the background, the stripes amber.
      fgColor: { argb: 'FF9C5700' },
      bgColor: { argb: 'FFFFEB9C' },
    });
    expect(ws.getCell('C5').fill).toMatchObject({ pattern: 'solid' });
    const note = (address: string): string => {
      const n = ws.getCell(address).note;
      return typeof n === 'string' ? n : (n?.texts ?? []).map((t) => t.text).join('');
    };
    expect(note('D3')).toBe('【县妇联校验】\n中文：培训人次有误\n中文：培训人次偏大');
    // The township's own comment stays; ours follows it.
    expect(note('D4')).toBe('乡镇自己的批注\n\n【县妇联校验】\n中文：西岭村偏大');
    expect(note('C5')).toContain('合计不等');
  });

  test('every other cell keeps its value, formula and number format', () => {
    const before = cellsOf(original.getWorksheet('统计表')!);
    const after = cellsOf(marked.getWorksheet('统计表')!);
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
    for (const [address, cell] of before)
      expect([address, after.get(address)]).toEqual([address, cell]);
    expect(marked.getWorksheet('统计表')!.getCell('C5').formula).toBe('SUM(C3:C4)');
    expect(marked.getWorksheet('统计表')!.getCell('C3').numFmt).toBe('#,##0.00');
    expect(cellsOf(marked.getWorksheet('填表说明')!)).toEqual(
      cellsOf(original.getWorksheet('填表说明')!),
    );
    // Cells without a finding get no fill and no comment.
    for (const address of ['C3', 'C4', 'B3', 'A5'])
      expect([address, marked.getWorksheet('统计表')!.getCell(address).fill]).toEqual([
        address,
        original.getWorksheet('统计表')!.getCell(address).fill,
      ]);
    expect(marked.getWorksheet('统计表')!.getCell('B3').note).toBeUndefined();
    expect(marked.getWorksheet('统计表')!.model.merges).toEqual(['A1:D1']);
  });

  test('问题清单 lists every finding with a link to its cell; the code only in the last column', () => {
    const ws = marked.getWorksheet('问题清单')!;
    expect(ws.getCell('A1').value as string).toContain('《东山镇.xlsx》');
    expect(ws.getCell('A1').value as string).toContain('2 个错误、3 个警告');
    expect(ws.getRow(2).values).toEqual([
      undefined,
      '行',
      '列/单元格',
      '严重程度',
      '说明',
      '建议值',
      '代码',
    ]);
    const rows = findings.map((_, i) => ws.getRow(i + 3));
    expect(rows.map((r) => r.getCell(1).value)).toEqual([3, 3, 4, 5, null]);
    expect(rows[0]!.getCell(2).value).toEqual({
      formula: `HYPERLINK("#'统计表'!D3","D3")`,
      result: 'D3',
    });
    expect(rows[4]!.getCell(2).value).toBe('整个文件');
    expect(rows.map((r) => r.getCell(3).value)).toEqual(['错误', '警告', '警告', '错误', '警告']);
    expect(rows.map((r) => r.getCell(4).value)).toEqual(findings.map((f) => f.message_zh));
    expect(rows[2]!.getCell(5).value).toBe('8');
    expect(rows.map((r) => r.getCell(6).value)).toEqual(findings.map((f) => f.code));
    expect(ws.getRow(2).cellCount).toBe(6);
  });

  test('in English: the list, the comments and the file name', async () => {
    const copy = await markWorkbook(
      {
        bytes: await userWorkbook(),
        fileName: '东山镇.xlsx',
        format: 'xlsx',
        sheetName: '统计表',
        grid: [],
      },
      findings.slice(0, 1),
      { schema, lang: 'en' },
    );
    const wb = await readBack(copy.bytes);
    expect(copy.fileName).toBe('东山镇-marked.xlsx');
    expect(wb.worksheets[0]!.name).toBe('Findings');
    expect(wb.getWorksheet('统计表')!.getCell('D3').note).toBe(
      '[County check]\nEnglish: 培训人次有误',
    );
  });

  test('a workbook that already has a sheet 问题清单 keeps it; ours gets another name', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('问题清单').getCell('A1').value = '乡镇自己的清单';
    wb.addWorksheet('统计表').getCell('B2').value = 5;
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const copy = await markWorkbook(
      { bytes, fileName: 'x.xlsx', format: 'xlsx', sheetName: '统计表', grid: [] },
      [finding('E_NOT_NUMBER', { row: 2, column: 2, cell: 'B2' }, '不是数')],
      { schema, lang: 'zh' },
    );
    const back = await readBack(copy.bytes);
    expect(back.worksheets.map((w) => w.name)).toEqual(['问题清单(2)', '问题清单', '统计表']);
    expect(back.getWorksheet('问题清单')!.getCell('A1').value).toBe('乡镇自己的清单');
    expect(back.getWorksheet('统计表')!.getCell('B2').fill).toMatchObject({ pattern: 'solid' });
  });
});

describe('markWorkbook on csv, txt and xls: a new .xlsx from the grid', () => {
  const grid = [
    ['示例县乡镇妇联工作统计表（2025年度）'],
    ['序号', '村（社区）', '培训人次', '备注'],
    [1, '东山村', 120, '=1+1'],
    [2, '西岭村', '八十', null],
    ['3', '0012', '13912345678', '-36000.5'],
  ];
  /** What the copy holds: a csv/txt grid's plain numbers become numbers; codes and phone numbers stay text. */
  const expectedValue = (format: string, value: string | number | null): unknown =>
    (format === 'csv' || format === 'txt') &&
    typeof value === 'string' &&
    /^-?(0|[1-9]\d*)(\.\d+)?$/u.test(value) &&
    value.length < 11
      ? Number(value)
      : value;
  const findings = [
    finding('E_NOT_NUMBER', { row: 4, column: 3, cell: 'C4' }, '不是数字', '80'),
    finding('W_UNKNOWN_COLUMN', { row: 3, column: 4, cell: 'D3' }, '像公式'),
  ];

  test.each([
    ['csv', '青石镇.csv', null, '青石镇'],
    ['txt', '白沙镇.txt', null, '白沙镇'],
    ['xls', '河口镇.xls', '统计表', '统计表'],
  ] as const)(
    '%s: values as read, numbers as numbers, the marks and 问题清单',
    async (format, name, sheetName, tab) => {
      const source: MarkSource = {
        bytes: new TextEncoder().encode('not read: the grid is'),
        fileName: name,
        format,
        sheetName,
        grid,
      };
      const copy = await markWorkbook(source, findings, { schema, lang: 'zh' });
      expect(copy.fileName).toBe(`${name.replace(/\.[a-z]+$/u, '')}-标注版.xlsx`);
      const wb = await readBack(copy.bytes);
      expect(wb.worksheets.map((w) => w.name)).toEqual(['问题清单', tab]);
      const ws = wb.getWorksheet(tab)!;
      grid.forEach((cells, r) =>
        cells.forEach((value, c) => {
          expect([r + 1, c + 1, ws.getCell(r + 1, c + 1).value]).toEqual([
            r + 1,
            c + 1,
            expectedValue(format, value),
          ]);
        }),
      );
      expect(ws.getCell('B5').value).toBe('0012');
      expect(ws.getCell('C5').value).toBe('13912345678');
      // Text that looks like a formula stays text.
      expect(ws.getCell('D3').type).toBe(ExcelJS.ValueType.String);
      expect(ws.getCell('C3').type).toBe(ExcelJS.ValueType.Number);
      expect(ws.getCell('C4').fill).toMatchObject({
        pattern: 'solid',
        fgColor: { argb: 'FFFFC7CE' },
      });
      expect(ws.getCell('D3').fill).toMatchObject({ pattern: 'lightUp' });
      expect(ws.getCell('C4').note).toBe('【县妇联校验】\n中文：不是数字');
      expect(ws.getCell('B3').fill).toBeUndefined();
      expect(wb.getWorksheet('问题清单')!.getCell('B3').value).toEqual({
        formula: `HYPERLINK("#'${tab}'!C4","C4")`,
        result: 'C4',
      });
    },
  );

  test('an .xlsx exceljs cannot load is copied from its grid instead', async () => {
    const copy = await markWorkbook(
      {
        bytes: new Uint8Array([1, 2, 3]),
        fileName: '坏.xlsx',
        format: 'xlsx',
        sheetName: '表',
        grid,
      },
      findings,
      { schema, lang: 'zh' },
    );
    const wb = await readBack(copy.bytes);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['问题清单', '表']);
    expect(wb.getWorksheet('表')!.getCell('C3').value).toBe(120);
  });

  test('a sheet name Excel forbids is cleaned', async () => {
    const copy = await markWorkbook(
      { bytes: new Uint8Array(), fileName: 'a[1]:b?.csv', format: 'csv', sheetName: null, grid },
      [],
      { schema, lang: 'zh' },
    );
    const wb = await readBack(copy.bytes);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['问题清单', 'a1b']);
  });
});
