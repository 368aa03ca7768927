/**
 * 新建填报表: writes core/template's layout description of the entry sheet as a new worksheet
 * (title, metadata row, header, widths, number formats, dropdown validations with prompts,
 * frozen header, 合计 SUM row). 2 syncs: find a free sheet name, then one batch of writes.
 */
import { columnLetters } from '../../core/a1';
import type {
  TemplateCell,
  TemplateLayout,
  TemplateRule,
} from '../../core/template/templateLayout';
import { parseA1 } from './address';
import { syncRestoringEvents } from './syncRestoringEvents';

/** Name candidates tried in one batch: "统计表", "统计表 (2)", … */
const NAME_TRIES = 20;

const HEADER_FILL = '#DDEBF7';
const LEVEL_FILL = '#EDEDED';
/** Office.js limits: prompt/alert titles 32 characters, messages 255. */
const TITLE_MAX = 32;
const MESSAGE_MAX = 255;

/** Column width in points from Excel's character units (pixels = chars × 7 + 5 at the default font; 0.75 pt per pixel). */
export function widthInPoints(chars: number): number {
  return Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
}

/** The cell as Range.values takes it: formulas as "=…" text. */
export function cellValue(cell: TemplateCell): string | number {
  if (cell === null) return '';
  if (typeof cell === 'object') return `=${cell.formula}`;
  return cell;
}

/** The Office.js data-validation rule of a neutral template rule. */
export function validationRule(rule: TemplateRule): Excel.DataValidationRule {
  switch (rule.kind) {
    case 'list':
      return { list: { inCellDropDown: true, source: rule.values.join(',') } };
    case 'whole':
      return { wholeNumber: numberBounds(rule) };
    case 'decimal':
      return { decimal: numberBounds(rule) };
    case 'empty':
      return { textLength: { formula1: 0, operator: 'EqualTo' } };
  }
}

/** The bounds of a whole or decimal rule: at least `min`, and at most `max` when there is one. */
function numberBounds(rule: { min: number; max: number | null }): Excel.BasicDataValidation {
  return rule.max === null
    ? { formula1: rule.min, operator: 'GreaterThanOrEqualTo' }
    : { formula1: rule.min, formula2: rule.max, operator: 'Between' };
}

/** Rows × columns of an A1 range such as "B5:B40" (1 × 1 for a single cell). */
export function rangeSize(address: string): { rows: number; columns: number } {
  const [a, b] = address.split(':');
  const p = parseA1(a ?? '');
  const q = parseA1(b ?? a ?? '');
  if (!p || !q) throw new Error(`not an A1 range: ${address}`);
  return { rows: Math.abs(q.row - p.row) + 1, columns: Math.abs(q.column - p.column) + 1 };
}

/** Adds and fills the entry sheet; returns the name it got (the layout's, or with " (n)" when taken). */
export async function createEntrySheet(
  context: Excel.RequestContext,
  layout: TemplateLayout,
): Promise<string> {
  const names = Array.from({ length: NAME_TRIES }, (_, i) =>
    i === 0 ? layout.sheetName : `${layout.sheetName} (${i + 1})`,
  );
  const probes = names.map((name) => ({
    name,
    sheet: context.workbook.worksheets.getItemOrNullObject(name),
  }));
  context.runtime.load('enableEvents');
  await context.sync();
  const free = probes.find((p) => p.sheet.isNullObject);
  if (!free)
    throw new Error(`no free sheet name after ${NAME_TRIES} tries of "${layout.sheetName}"`);
  const eventsWereOn = context.runtime.enableEvents;

  context.runtime.enableEvents = false;
  const sheet = context.workbook.worksheets.add(free.name);
  const last = layout.rows[layout.rows.length - 1]?.row ?? layout.header.row;

  // Number formats before values, so text columns ("@") keep what is written as text.
  for (const f of layout.formats) {
    const { rows, columns } = rangeSize(f.range);
    sheet.getRange(f.range).numberFormat = Array.from({ length: rows }, () =>
      new Array<string>(columns).fill(f.numFmt),
    );
  }
  const matrix = Array.from({ length: last }, (_, r) => {
    const row = layout.rows.find((x) => x.row === r + 1);
    return Array.from({ length: layout.columnCount }, (_, c) => cellValue(row?.cells[c] ?? null));
  });
  sheet.getRange(`A1:${layout.lastColumn}${last}`).values = matrix;

  const title = sheet.getRange(layout.title.range);
  title.merge(false);
  title.format.font.bold = true;
  title.format.font.size = 14;
  title.format.horizontalAlignment = 'Center';
  title.format.rowHeight = layout.title.height;

  for (const m of layout.metadata.cells) {
    if (m.part === 'label') sheet.getRange(m.address).format.font.bold = true;
  }
  const header = sheet.getRange(layout.header.range);
  header.format.font.bold = true;
  header.format.wrapText = true;
  header.format.horizontalAlignment = 'Center';
  header.format.fill.color = HEADER_FILL;
  header.format.rowHeight = layout.header.height;

  for (const col of layout.columns) {
    sheet.getRange(`${col.letter}:${col.letter}`).format.columnWidth = widthInPoints(col.width);
  }
  for (const v of layout.validations) {
    const range = sheet.getRange(v.range);
    range.dataValidation.clear();
    range.dataValidation.rule = validationRule(v.rule);
    range.dataValidation.prompt = {
      showPrompt: v.prompt.length > 0,
      title: v.promptTitle.slice(0, TITLE_MAX),
      message: v.prompt.slice(0, MESSAGE_MAX),
    };
    range.dataValidation.errorAlert = {
      showAlert: true,
      style: 'Stop',
      title: v.errorTitle.slice(0, TITLE_MAX),
      message: v.error.slice(0, MESSAGE_MAX),
    };
  }
  if (layout.level.greyRange) sheet.getRange(layout.level.greyRange).format.fill.color = LEVEL_FILL;
  sheet.getRange(layout.total.range).format.font.bold = true;
  // Activate first: freezing panes acts on the window showing the sheet (issue 8 item 13).
  sheet.activate();
  sheet.freezePanes.freezeAt(
    sheet.getRange(`A1:${columnLetters(Math.max(1, layout.freeze.columns))}${layout.freeze.rows}`),
  );
  context.runtime.enableEvents = eventsWereOn;
  await syncRestoringEvents(context, eventsWereOn);
  return free.name;
}
