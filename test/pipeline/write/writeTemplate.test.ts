import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { buildTemplateLayout } from '../../../core/template/buildTemplateLayout';
import { loadSchema, validateGrid } from '../../../core';
import type { Grid, Registry } from '../../../core/types';
import { readXlsx } from '../../../readers/readXlsx';
import { villageValues } from '../../core/builders';
import { writeTemplate } from '../../../pipeline/write/writeTemplate';
import { firstPageTitleRange } from '../../../workbook/templateWorkbook';
import { valueOf } from '../../../core/sheet/rowValues';

const schema = loadSchema();
const VILLAGES = ['黎岭村', '青石村', '东山社区', '南坪村'];
/** The template's body font size (writeTemplate's BODY_SIZE). */
const BODY_FONT_PT = 10;
const layout = buildTemplateLayout(schema, {
  township: '黎岭镇',
  year: 2025,
  county: '示例县',
  villages: VILLAGES,
});

async function load(bytes: Buffer): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  expect(wb.worksheets).toHaveLength(1);
  return wb.worksheets[0]!;
}

describe('writeTemplate', () => {
  let bytes: Buffer;
  let ws: ExcelJS.Worksheet;
  beforeAll(async () => {
    bytes = await writeTemplate(layout);
    ws = await load(bytes);
  });

  it('writes the title merged across the columns and the metadata row', () => {
    expect(ws.name).toBe('统计表');
    expect(ws.getCell('A1').value).toBe('示例县乡镇妇联工作统计表（2025年度）');
    expect(ws.getCell('A1').font).toMatchObject({ bold: true, size: 16 });
    // Over the first printed page's columns only (the sheet prints two pages wide).
    expect(ws.model.merges).toEqual([firstPageTitleRange(layout)]);
    expect(firstPageTitleRange(layout)).toBe('A1:N1');
    expect(['B2', 'C2', 'D2', 'E2', 'F2', 'I2', 'L2'].map((a) => ws.getCell(a).value)).toEqual([
      '填报单位：',
      '黎岭镇妇联',
      '年度：',
      2025,
      '填报人：',
      '联系电话：',
      '填报日期：',
    ]);
    // The phone value cell is text, so 13800000000 stays as written.
    expect(ws.getCell('J2').numFmt).toBe('@');
  });

  it('writes the styled header with the schema headers and widths', () => {
    const headers = (ws.getRow(4).values as unknown[]).slice(1);
    expect(headers).toEqual(schema.columns.map((c) => c.header));
    const h = ws.getCell('E4');
    expect(h.font).toMatchObject({ bold: true });
    expect(h.alignment).toMatchObject({ horizontal: 'center', wrapText: true });
    expect(h.fill).toMatchObject({ type: 'pattern', pattern: 'solid' });
    expect(h.border.bottom).toMatchObject({ style: 'thin' });
    expect(ws.getRow(4).height).toBe(layout.header.height);
    expect(ws.columns.map((c) => c.width)).toEqual(schema.columns.map((c) => c.width));
  });

  it('pre-fills the villages and writes the 本级 and 合计 rows with SUM formulas', () => {
    expect([5, 6, 7, 8].map((r) => [ws.getCell(`A${r}`).value, ws.getCell(`B${r}`).value])).toEqual(
      [
        [1, '黎岭村'],
        [2, '青石村'],
        [3, '东山社区'],
        [4, '南坪村'],
      ],
    );
    expect(ws.getCell('B12').value).toBe('镇本级');
    expect(ws.getCell('B13').value).toBe('合计');
    for (const t of layout.total.formulas) {
      expect(ws.getCell(t.address).formula).toBe(t.formula);
      expect(ws.getCell(t.address).result).toBe(0);
    }
    expect(ws.getCell('I13').formula).toBe('SUM(I5:I12)');
    expect(ws.getCell('E13').value).toBeNull();
    expect(ws.getCell('C12').fill).toMatchObject({ type: 'pattern', pattern: 'solid' });
  });

  it('writes number formats', () => {
    expect(ws.getCell('I5').numFmt).toBe('#,##0.00');
    expect(ws.getCell('Q13').numFmt).toBe('#,##0.00');
    expect(ws.getCell('L5').numFmt).toBe('0');
    expect(ws.getCell('E7').numFmt).toBe('0');
    expect(ws.getCell('H5').numFmt).toBe('@');
  });

  it('writes data validations with Chinese prompts and stop errors', () => {
    const common = {
      allowBlank: true,
      showInputMessage: true,
      showErrorMessage: true,
      errorStyle: 'stop',
      errorTitle: '输入有误',
    };
    expect(ws.getCell('D5').dataValidation).toEqual({
      ...common,
      type: 'list',
      formulae: ['"女,男"'],
      promptTitle: '性别',
      prompt: '请从下拉列表选择：女、男',
      error: '「性别」填写有误。请从下拉列表选择：女、男',
    });
    expect(ws.getCell('F11').dataValidation.formulae).toEqual([
      '"小学及以下,初中,高中（中专）,大专,本科及以上"',
    ]);
    expect(ws.getCell('H5').dataValidation).toMatchObject({
      type: 'list',
      formulae: ['"是,否"'],
      promptTitle: '是否进村两委',
    });
    expect(ws.getCell('L12').dataValidation).toEqual({
      ...common,
      type: 'whole',
      operator: 'greaterThanOrEqual',
      formulae: [0],
      promptTitle: '培训期数',
      prompt: schema.types.count.prompt.zh,
      error: `「培训期数」填写有误。${schema.types.count.prompt.zh}`,
    });
    expect(ws.getCell('I5').dataValidation).toMatchObject({
      type: 'decimal',
      operator: 'greaterThanOrEqual',
      formulae: [0],
    });
    expect(ws.getCell('E5').dataValidation).toMatchObject({
      type: 'whole',
      operator: 'between',
      formulae: [18, 80],
    });
    expect(ws.getCell('C12').dataValidation).toMatchObject({
      type: 'textLength',
      operator: 'equal',
      formulae: [0],
      promptTitle: '本级行',
    });
    expect(ws.getCell('E12').dataValidation.type).toBe('textLength');
    expect(ws.getCell('B5').dataValidation).toBeUndefined();
    expect(ws.getCell('L13').dataValidation).toBeUndefined();
  });

  it('never writes overlapping validation ranges (Excel would repair the file)', async () => {
    const zip = await JSZip.loadAsync(bytes);
    const xml = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
    const sqrefs = [...xml.matchAll(/<dataValidation [^>]*sqref="([^"]+)"/g)].map((m) => m[1]!);
    expect(sqrefs).toHaveLength(layout.validations.length);
    expect(sqrefs).toEqual(
      expect.arrayContaining(
        layout.validations.map((v) => v.range.replace(/^([A-Z]+\d+):\1$/, '$1')),
      ),
    );
  });

  it('prints legibly: at 85 % (10-pt text at 8.5 pt), 序号 and 村名 repeated on each page', () => {
    expect(layout.print).toMatchObject({ scale: 85, titleColumns: 'A:B' });
    expect(BODY_FONT_PT * (layout.print.scale / 100)).toBeGreaterThanOrEqual(8);
    // Why not one page wide: 30 columns at Excel's ~1.9 mm per width unit (7 px at 96 dpi) need
    // ~540 mm; squeezed into 284 mm the text would print at about 5 pt.
    const mm = layout.columns.reduce((a, c) => a + (c.width * 7 * 25.4) / 96, 0);
    expect(BODY_FONT_PT * ((297 - 2 * 0.25 * 25.4) / mm)).toBeLessThan(6);
    // At 85 % in Excel (the same units) the sheet takes two pages wide, 序号 and 村名 repeated.
    const repeated = layout.columns.slice(0, 2).reduce((a, c) => a + (c.width * 7 * 25.4) / 96, 0);
    const page = (297 - 2 * 0.25 * 25.4) / 0.85;
    expect(Math.ceil((mm - repeated) / (page - repeated))).toBe(2);
  });

  it('freezes below the header and after the village column, and sets up printing', async () => {
    expect(ws.views[0]).toMatchObject({ state: 'frozen', xSplit: 2, ySplit: 4, topLeftCell: 'C5' });
    expect(ws.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: false,
      scale: 85,
    });
    expect(ws.headerFooter.oddFooter).toBe('&C第 &P 页，共 &N 页');
    const zip = await JSZip.loadAsync(bytes);
    const book = await zip.file('xl/workbook.xml')!.async('string');
    expect(book).toContain(
      `<definedName name="_xlnm.Print_Area" localSheetId="0">&apos;统计表&apos;!$A$1:$${layout.lastColumn}$13</definedName>`,
    );
    expect(book).toContain(
      '<definedName name="_xlnm.Print_Titles" localSheetId="0">&apos;统计表&apos;!$A:$B,&apos;统计表&apos;!$4:$4</definedName>',
    );
    expect(book).toContain('fullCalcOnLoad="1"');
  });
});

describe('a filled-in template', () => {
  /** Activity figures of village i (1-based): the builders' clean row (it keeps every row rule) with decimal money. */
  const clean: Record<string, unknown> = {
    ...villageValues(0),
    trainingAttendance: 80,
    cancerAidYuan: 2000.5,
    reliefYuan: 1500.25,
  };
  const ACTIVITY: Record<string, number> = Object.fromEntries(
    schema.columns
      .filter((c) => c.group === 'activity')
      .map((c) => [c.id, clean[c.id]])
      .filter((e): e is [string, number] => typeof e[1] === 'number'),
  );
  const CADRE: Record<string, (i: number) => string | number> = {
    cadreName: (i) => ['王芳', '李娟', '张丽', '陈敏'][i - 1]!,
    cadreGender: () => '女',
    cadreAge: (i) => 30 + i * 5,
    cadreEducation: (i) => ['初中', '高中（中专）', '大专', '本科及以上'][i - 1]!,
    cadreTenure: (i) => (i % 2 === 0 ? '专职' : '兼职'),
    inCommittee: () => '是',
    cadreAnnualPay: (i) => 3600 + i * 0.5,
    womensHome: () => '是',
    childrensHome: (i) => (i === 1 ? '否' : '是'),
  };

  async function fill(template: Buffer): Promise<Buffer> {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(template as unknown as ExcelJS.Buffer);
    const ws = wb.worksheets[0]!;
    ws.getCell('G2').value = '王芳';
    ws.getCell('J2').value = '13800000000';
    ws.getCell('N2').value = '2025-12-20';
    const sums = new Map<string, number>();
    const put = (row: number, id: string, value: string | number): void => {
      const col = layout.columns.find((c) => c.id === id)!;
      ws.getCell(`${col.letter}${row}`).value = value;
      if (col.sum && typeof value === 'number') sums.set(id, (sums.get(id) ?? 0) + value);
    };
    VILLAGES.forEach((_, k) => {
      const row = layout.villageRows.firstRow + k;
      for (const [id, value] of Object.entries(CADRE)) put(row, id, value(k + 1));
      for (const [id, value] of Object.entries(ACTIVITY)) put(row, id, value * (k + 1));
    });
    for (const [id, value] of Object.entries(ACTIVITY)) put(layout.level.row, id, value);
    put(layout.villageRows.firstRow, 'notes', '新建妇女议事会');
    // What Excel would cache on saving: the SUM of the block.
    for (const t of layout.total.formulas) {
      ws.getCell(t.address).value = {
        formula: t.formula,
        result: Math.round((sums.get(t.field) ?? 0) * 100) / 100,
      };
    }
    return Buffer.from(await wb.xlsx.writeBuffer());
  }

  async function grid(bytes: Buffer): Promise<Grid> {
    const read = await readXlsx(bytes);
    if (!read.ok) throw new Error(read.reason);
    return read.grid;
  }

  const registry: Registry = { townships: [{ name: '黎岭镇', aliases: [], villages: VILLAGES }] };

  it('validates with no findings, and the core reads its metadata, villages, 本级 and 合计 rows', async () => {
    const sheet = validateGrid(await grid(await fill(await writeTemplate(layout))), {
      schema,
      registry,
      year: 2025,
    });
    expect(sheet.findings).toEqual([]);
    expect(sheet.headerRow).toBe(4);
    expect(sheet.township).toBe('黎岭镇');
    expect(sheet.county).toBe('示例县');
    expect(sheet.metadata).toMatchObject({
      year: 2025,
      reporter: '王芳',
      phone: '13800000000',
      date: '2025-12-20',
    });
    expect(sheet.villages.map((v) => valueOf(v, 'village'))).toEqual(VILLAGES);
    expect(sheet.levelRow?.row).toBe(12);
    expect(sheet.totalRow?.row).toBe(13);
    expect(valueOf(sheet.totalRow!, 'trainingAttendance')).toBe(80 * (1 + 2 + 3 + 4) + 80);
    expect(valueOf(sheet.totalRow!, 'cadreAnnualPay')).toBe(3600 * 4 + 0.5 * 10);
  });

  it('as written, unfilled, asks only for the cadre cells and pay of its pre-filled villages', async () => {
    const sheet = validateGrid(await grid(await writeTemplate(layout)), {
      schema,
      registry,
      year: 2025,
    });
    const count = (code: string): number => sheet.findings.filter((f) => f.code === code).length;
    // 8 required cadre cells per village (the name is pre-filled), and a blank pay is 0 (W_NO_PAY).
    expect([count('E_REQUIRED'), count('W_NO_PAY'), sheet.findings.length]).toEqual([32, 4, 36]);
    const empty = validateGrid(await grid(await writeTemplate(buildTemplateLayout(schema))), {
      schema,
    });
    // A template without villages has nothing to count yet: the one finding says so.
    expect(empty.findings.map((f) => [f.code, f.row])).toEqual([['E_EMPTY_FILE', null]]);
    expect(empty.headerRow).toBe(4);
    expect(empty.levelRow?.row).toBe(35);
    expect(empty.totalRow?.row).toBe(36);
  });
});
