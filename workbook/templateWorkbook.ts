/** The entry-sheet template (core/template/templateLayout.ts) as .xlsx bytes with exceljs. No Node: `county-rollup template` and the offline check page's 下载空白填报表 both write it. */
import ExcelJS from 'exceljs';
import { columnLetters } from '../core/a1';
import type {
  TemplateColumn,
  TemplateLayout,
  TemplateRule,
  TemplateRowKind,
} from '../core/template/templateLayout';

const FONT = '宋体';
const BODY_SIZE = 10;
const TITLE_SIZE = 16;
const HEADER_FILL = 'FFDDEBF7';
const TOTAL_FILL = 'FFF2F2F2';
const GREY_FILL = 'FFBFBFBF';
const THIN: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF808080' } };
const BORDER: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };

/** Renders the layout to .xlsx bytes: styled, frozen, validated, with SUM formulas and print setup. */
export async function templateWorkbook(layout: TemplateLayout): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'county-rollup';
  // Excel and Calc recompute the 合计 row on open, whatever cached value a reader saw.
  wb.calcProperties.fullCalcOnLoad = true;
  const ws = wb.addWorksheet(layout.sheetName, {
    views: [
      {
        state: 'frozen',
        xSplit: layout.freeze.columns,
        ySplit: layout.freeze.rows,
        topLeftCell: layout.freeze.topLeftCell,
        activeCell: layout.freeze.topLeftCell,
      },
    ],
    pageSetup: {
      paperSize: 9, // A4
      orientation: layout.print.orientation,
      // A fixed scale, not fit-to-page: the text stays legible whatever the fonts make of the widths.
      fitToPage: false,
      scale: layout.print.scale,
      horizontalCentered: true,
      // exceljs prefixes each corner with `$`; the row `$` makes the reference absolute, as Excel writes it.
      printArea: layout.print.area.replace(/([A-Z]+)(\d+)/g, '$1$$$2'),
      printTitlesRow: layout.print.titleRows,
      printTitlesColumn: layout.print.titleColumns,
      margins: { left: 0.25, right: 0.25, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddFooter: `&C${layout.print.footer}` },
  });
  ws.columns = layout.columns.map((c) => ({ key: c.id, width: c.width }));

  for (const tr of layout.rows) {
    const row = ws.getRow(tr.row);
    if (tr.height !== null) row.height = tr.height;
    tr.cells.forEach((value, i) => {
      const cell = row.getCell(i + 1);
      if (value !== null) cell.value = value;
      styleCell(cell, tr.kind, layout.columns[i]);
    });
  }

  ws.mergeCells(firstPageTitleRange(layout));
  for (const m of layout.metadata.cells) {
    const cell = ws.getCell(m.address);
    cell.font = { name: FONT, size: BODY_SIZE, bold: m.part === 'label' };
    cell.alignment = { horizontal: 'left', vertical: 'middle' };
    // Values are typed by hand (phone, date): text keeps 13800000000 from turning into 1.38E+10.
    if (m.part === 'value' && typeof m.value !== 'number') cell.numFmt = '@';
  }
  for (const f of layout.formats) eachAddress(f.range, (a) => (ws.getCell(a).numFmt = f.numFmt));
  if (layout.level.greyRange) {
    eachAddress(layout.level.greyRange, (a) => {
      ws.getCell(a).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: GREY_FILL } };
    });
  }
  for (const v of layout.validations) {
    const dv: ExcelJS.DataValidation = {
      ...excelRule(v.rule),
      allowBlank: v.allowBlank,
      showInputMessage: true,
      promptTitle: v.promptTitle,
      prompt: v.prompt,
      showErrorMessage: true,
      errorStyle: 'stop',
      errorTitle: v.errorTitle,
      error: v.error,
    };
    // One entry per range: exceljs's per-cell merging sorts A10 before A5 and emits overlapping
    // sqrefs, which Excel "repairs" on open.
    rangeValidations(ws).add(v.range, dv);
  }

  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** exceljs keeps range-keyed validations in `worksheet.dataValidations`, which its typings omit. */
function rangeValidations(ws: ExcelJS.Worksheet): {
  add(range: string, validation: ExcelJS.DataValidation): void;
} {
  return (
    ws as unknown as {
      dataValidations: { add(range: string, validation: ExcelJS.DataValidation): void };
    }
  ).dataValidations;
}

function excelRule(
  rule: TemplateRule,
): Pick<ExcelJS.DataValidation, 'type' | 'operator' | 'formulae'> {
  switch (rule.kind) {
    case 'list':
      for (const v of rule.values) {
        if (/[,"]/.test(v))
          throw new Error(`list value ${JSON.stringify(v)} cannot go into an inline Excel list`);
      }
      return { type: 'list', formulae: [`"${rule.values.join(',')}"`] };
    case 'whole':
    case 'decimal':
      return rule.max === null
        ? { type: rule.kind, operator: 'greaterThanOrEqual', formulae: [rule.min] }
        : { type: rule.kind, operator: 'between', formulae: [rule.min, rule.max] };
    case 'empty':
      return { type: 'textLength', operator: 'equal', formulae: [0] };
  }
}

function styleCell(
  cell: ExcelJS.Cell,
  kind: TemplateRowKind,
  column: TemplateColumn | undefined,
): void {
  const type = column?.type ?? 'text';
  switch (kind) {
    case 'title':
      cell.font = { name: FONT, size: TITLE_SIZE, bold: true };
      cell.alignment = { horizontal: 'center', vertical: 'middle' };
      return;
    case 'metadata':
    case 'gap':
      cell.font = { name: FONT, size: BODY_SIZE };
      cell.alignment = { vertical: 'middle' };
      return;
    case 'header':
      cell.font = { name: FONT, size: BODY_SIZE, bold: true };
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: HEADER_FILL } };
      cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
      cell.border = BORDER;
      return;
    default: {
      const total = kind === 'total';
      cell.font = { name: FONT, size: BODY_SIZE, bold: total || kind === 'level' };
      if (total) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: TOTAL_FILL } };
      // 序号 centred like a row label; numbers right, names left, choices centred.
      const horizontal =
        column?.id === 'seq'
          ? 'center'
          : type === 'count' || type === 'money' || type === 'integer'
            ? 'right'
            : type === 'text'
              ? 'left'
              : 'center';
      cell.alignment = { horizontal, vertical: 'middle' };
      cell.border = BORDER;
    }
  }
}

/** Calls `fn` with every A1 address of a rectangular range such as `C5:K40` (or one cell). */
function eachAddress(range: string, fn: (address: string) => void): void {
  const m = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/.exec(range);
  if (!m) throw new Error(`not an A1 range: ${range}`);
  const c1 = columnNumber(m[1]!);
  const r1 = Number(m[2]);
  const c2 = m[3] ? columnNumber(m[3]) : c1;
  const r2 = m[4] ? Number(m[4]) : r1;
  for (let r = r1; r <= r2; r++) {
    for (let c = c1; c <= c2; c++) fn(`${columnLetters(c)}${r}`);
  }
}

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/**
 * Pixels (Excel's 7 per width unit) of the columns that surely print on the first page at 85 %: 127
 * units, ~270 mm even at LibreOffice's wider ~2.5 mm per unit, inside the 284 mm of landscape A4.
 */
const FIRST_PAGE_PX = 1000;

/**
 * The title's merged range, over the columns of the first printed page only: the sheet prints over
 * two or more pages wide with 序号 and 村名 repeated, so a title centred over all 30 columns would straddle the
 * page break, and one starting in the repeated columns would be cut off on page 2.
 */
export function firstPageTitleRange(layout: TemplateLayout): string {
  let px = 0;
  let last = 1;
  for (const c of layout.columns) {
    px += c.width * 7 + 5;
    if (px > FIRST_PAGE_PX) break;
    last = c.index;
  }
  const row = layout.title.row;
  return `A${row}:${columnLetters(last)}${row}`;
}
