/**
 * The entry-sheet template as plain data: what a township fills in (entry-sheet §1–§2).
 * Both writers consume it — the CLI's exceljs writer (pipeline/io/writeTemplate.ts) and the
 * add-in's 新建填报表 (Office.js) — so the two workbooks cannot drift apart.
 */
import { columnBounds } from './checks/range';
import { fillText } from './text/fillText';
import type { ColumnGroup, ColumnSpec, FieldType, MetadataKey, Schema } from './types';

/** Options of {@link buildTemplateLayout}; unknown values leave a blank to fill in. */
export interface TemplateOptions {
  township?: string | null;
  year?: number | null;
  county?: string | null;
  /** Registry villages of the township, pre-filled in order (序号 1..n). */
  villages?: string[];
  /** Empty rows after the villages (default: 30 without villages, 3 with). */
  blankRows?: number;
}

/** A cell to write: text, number, a formula (with its value for a blank sheet), or nothing. */
export type TemplateCell = string | number | TemplateFormula | null;

/** A formula without the leading `=`, and the value it has while the sheet is blank. */
export interface TemplateFormula {
  formula: string;
  result: number;
}

/** What a sheet row is for; writers style by kind. */
export type TemplateRowKind =
  'title' | 'metadata' | 'gap' | 'header' | 'village' | 'spare' | 'level' | 'total';

/** One spreadsheet row, dense over all columns (`cells[0]` is column A). */
export interface TemplateRow {
  /** 1-based spreadsheet row. */
  row: number;
  kind: TemplateRowKind;
  cells: TemplateCell[];
  /** Row height in points, null for the default. */
  height: number | null;
}

/** One schema column placed in the sheet. */
export interface TemplateColumn {
  /** 1-based column. */
  index: number;
  letter: string;
  id: string;
  header: string;
  type: FieldType;
  group: ColumnGroup;
  /** Width in characters (Excel's unit). */
  width: number;
  /** Excel number format of the data cells (schema `types[type].excelFormat`). */
  numFmt: string;
  /** The 合计 row sums this column. */
  sum: boolean;
}

/** A data-validation rule in neutral terms; each writer maps it to its API. */
export type TemplateRule =
  | { kind: 'list'; values: string[] }
  | { kind: 'whole'; min: number; max: number | null }
  | { kind: 'decimal'; min: number; max: number | null }
  /** The cell must stay empty (cadre cells of the 本级 row): text length = 0. */
  | { kind: 'empty' };

/** A data validation over one A1 range, with its input prompt and stop-error texts. */
export interface TemplateValidation {
  range: string;
  field: string;
  rule: TemplateRule;
  allowBlank: boolean;
  promptTitle: string;
  prompt: string;
  errorTitle: string;
  error: string;
}

/** A number format over one A1 range. */
export interface TemplateFormat {
  range: string;
  numFmt: string;
}

/** One cell of the metadata row: a key label or the value that goes with it. */
export interface TemplateMetadataCell {
  key: MetadataKey['id'];
  part: 'label' | 'value';
  address: string;
  column: number;
  value: string | number | null;
}

/** The 合计 row's formula for one summed column. */
export interface TemplateTotal {
  field: string;
  address: string;
  formula: string;
}

/** The whole template: every position an A1 address, nothing left for a writer to compute. */
export interface TemplateLayout {
  sheetName: string;
  columnCount: number;
  lastColumn: string;
  title: { row: number; text: string; range: string; height: number };
  metadata: { row: number; cells: TemplateMetadataCell[] };
  header: { row: number; range: string; height: number };
  columns: TemplateColumn[];
  /** Every row from the title to the 合计 row, in order. */
  rows: TemplateRow[];
  /** Rows the 合计 row sums: villages, spare rows and the 本级 row. */
  dataBlock: { firstRow: number; lastRow: number; range: string };
  villageRows: { firstRow: number; count: number };
  level: { row: number; label: string; range: string; greyRange: string };
  total: { row: number; label: string; range: string; formulas: TemplateTotal[] };
  formats: TemplateFormat[];
  validations: TemplateValidation[];
  /** Freeze below the header and after the village column. */
  freeze: { rows: number; columns: number; topLeftCell: string };
  print: {
    paper: 'A4';
    orientation: 'landscape';
    area: string;
    /** Rows repeated on every printed page, as `4:4`. */
    titleRows: string;
    /** Columns repeated on every printed page (序号 and the village name), as `A:B`. */
    titleColumns: string;
    /**
     * Print scale in %: 85 keeps the 10-pt text at 8.5 pt and puts the 30 columns on two landscape
     * pages in Excel and WPS (three in LibreOffice without Excel's fonts); fitting one page wide
     * would shrink it to about 5 pt.
     */
    scale: number;
    footer: string;
  };
}

const HEADER_ROW = 4;
const FIRST_DATA_ROW = HEADER_ROW + 1;
const BLANK_ROWS_ALONE = 30;
const BLANK_ROWS_AFTER_VILLAGES = 3;
const TITLE_HEIGHT = 30;
const LINE_HEIGHT = 14;

/** Room a metadata value needs, in characters, so the next label does not cover it. */
const VALUE_ROOM: Record<MetadataKey['id'], number> = {
  township: 12,
  year: 6,
  reporter: 10,
  phone: 14,
  date: 12,
};

/** Builds the template layout for a township (villages pre-filled) or a blank one. Pure and deterministic. */
export function buildTemplateLayout(schema: Schema, options: TemplateOptions = {}): TemplateLayout {
  const columns = placeColumns(schema);
  const count = columns.length;
  const lastColumn = columnLetter(count);
  const villages = options.villages ?? [];
  const blankRows =
    options.blankRows ?? (villages.length > 0 ? BLANK_ROWS_AFTER_VILLAGES : BLANK_ROWS_ALONE);
  if (!Number.isInteger(blankRows) || blankRows < 0)
    throw new Error(`blankRows must be a whole number ≥ 0, got ${blankRows}`);

  const villageCol = columnOf(columns, 'village');
  const seqCol = columns.find((c) => c.id === 'seq') ?? null;
  const firstRow = FIRST_DATA_ROW;
  const lastSpareRow = firstRow + villages.length + blankRows - 1;
  const levelRow = lastSpareRow + 1;
  const totalRow = levelRow + 1;
  const blockRange = (col: TemplateColumn, last: number): string =>
    `${col.letter}${firstRow}:${col.letter}${last}`;

  const title = fillText(schema.title.zh, {
    county: options.county ?? schema.template.unknownCounty,
    year: options.year ?? schema.template.unknownYear,
  });
  const metadata = placeMetadata(schema, columns, options);
  const levelLabel = levelRowLabel(schema, options.township ?? null);
  const totalLabel = schema.specialRows.total[0] ?? '合计';

  const emptyRow = (): TemplateCell[] => new Array<TemplateCell>(count).fill(null);
  const rows: TemplateRow[] = [];
  const titleCells = emptyRow();
  titleCells[0] = title;
  rows.push({ row: 1, kind: 'title', cells: titleCells, height: TITLE_HEIGHT });
  const metaCells = emptyRow();
  for (const m of metadata) metaCells[m.column - 1] = m.value;
  rows.push({ row: 2, kind: 'metadata', cells: metaCells, height: null });
  rows.push({ row: 3, kind: 'gap', cells: emptyRow(), height: null });
  const headerHeight = headerRowHeight(columns);
  rows.push({
    row: HEADER_ROW,
    kind: 'header',
    cells: columns.map((c) => c.header),
    height: headerHeight,
  });
  villages.forEach((name, i) => {
    const cells = emptyRow();
    if (seqCol) cells[seqCol.index - 1] = i + 1;
    cells[villageCol.index - 1] = name;
    rows.push({ row: firstRow + i, kind: 'village', cells, height: null });
  });
  for (let r = firstRow + villages.length; r <= lastSpareRow; r++) {
    // Spare rows stay entirely blank: a 序号 alone would make a "row without village" (E_VILLAGE_BLANK).
    rows.push({ row: r, kind: 'spare', cells: emptyRow(), height: null });
  }
  const levelCells = emptyRow();
  levelCells[villageCol.index - 1] = levelLabel;
  rows.push({ row: levelRow, kind: 'level', cells: levelCells, height: null });

  const totals: TemplateTotal[] = [];
  const totalCells = emptyRow();
  totalCells[villageCol.index - 1] = totalLabel;
  for (const col of columns) {
    if (!col.sum) continue;
    // The range runs through the 本级 row, so rows inserted above it are summed too (entry-sheet §7.1).
    const formula = `SUM(${blockRange(col, levelRow)})`;
    totals.push({ field: col.id, address: `${col.letter}${totalRow}`, formula });
    totalCells[col.index - 1] = { formula, result: 0 };
  }
  rows.push({ row: totalRow, kind: 'total', cells: totalCells, height: null });

  const cadre = columns.filter((c) => c.group === 'cadre');
  const greyRange =
    cadre.length > 0
      ? `${cadre[0]!.letter}${levelRow}:${cadre[cadre.length - 1]!.letter}${levelRow}`
      : '';

  return {
    sheetName: schema.sheetName,
    columnCount: count,
    lastColumn,
    title: { row: 1, text: title, range: `A1:${lastColumn}1`, height: TITLE_HEIGHT },
    metadata: { row: 2, cells: metadata },
    header: {
      row: HEADER_ROW,
      range: `A${HEADER_ROW}:${lastColumn}${HEADER_ROW}`,
      height: headerHeight,
    },
    columns,
    rows,
    dataBlock: { firstRow, lastRow: levelRow, range: `A${firstRow}:${lastColumn}${levelRow}` },
    villageRows: { firstRow, count: villages.length },
    level: {
      row: levelRow,
      label: levelLabel,
      range: `A${levelRow}:${lastColumn}${levelRow}`,
      greyRange,
    },
    total: {
      row: totalRow,
      label: totalLabel,
      range: `A${totalRow}:${lastColumn}${totalRow}`,
      formulas: totals,
    },
    formats: columns.map((c) => ({ range: blockRange(c, totalRow), numFmt: c.numFmt })),
    validations: buildValidations(schema, columns, lastSpareRow, levelRow),
    freeze: {
      rows: HEADER_ROW,
      columns: villageCol.index,
      topLeftCell: `${columnLetter(villageCol.index + 1)}${firstRow}`,
    },
    print: {
      paper: 'A4',
      orientation: 'landscape',
      area: `A1:${lastColumn}${totalRow}`,
      titleRows: `${HEADER_ROW}:${HEADER_ROW}`,
      titleColumns: `A:${columnLetter(villageCol.index)}`,
      scale: 85,
      footer: schema.template.footer,
    },
  };
}

/** Spreadsheet column letters of a 1-based column: 1 → A, 27 → AA. */
export function columnLetter(column: number): string {
  let n = column;
  let out = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** Display width of a text in Excel characters: CJK and full-width forms take two. */
export function textWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += (ch.codePointAt(0) ?? 0) >= 0x2e80 ? 2 : 1;
  return w;
}

function placeColumns(schema: Schema): TemplateColumn[] {
  return schema.columns.map((c: ColumnSpec, i) => ({
    index: i + 1,
    letter: columnLetter(i + 1),
    id: c.id,
    header: c.header,
    type: c.type,
    group: c.group,
    width: c.width ?? Math.max(8, Math.ceil(textWidth(c.header) / 2) + 2),
    numFmt: schema.types[c.type].excelFormat,
    sum: c.sum === true,
  }));
}

function columnOf(columns: TemplateColumn[], id: string): TemplateColumn {
  const col = columns.find((c) => c.id === id);
  if (!col) throw new Error(`schema has no column "${id}"`);
  return col;
}

/**
 * Label and value cells of the metadata row. A label sits in its own cell and its value in the
 * first cell to the right that leaves the label room to show, so both stay readable without merges
 * (readers then see each key once, with its value in the next non-empty cell, entry-sheet §7.6).
 */
function placeMetadata(
  schema: Schema,
  columns: TemplateColumn[],
  options: TemplateOptions,
): TemplateMetadataCell[] {
  const values: Record<MetadataKey['id'], string | number | null> = {
    township: options.township ? `${options.township}${schema.template.townshipSuffix}` : null,
    year: options.year ?? null,
    reporter: null,
    phone: null,
    date: null,
  };
  const widthOf = (col: number): number => columns[col - 1]?.width ?? 8;
  const advance = (from: number, need: number): number => {
    let col = from;
    let room = 0;
    while (room < need) room += widthOf(col++);
    return col;
  };
  const cells: TemplateMetadataCell[] = [];
  // Start in the village column: 序号 is too narrow for a label.
  let col = Math.min(2, columns.length);
  for (const key of schema.metadata) {
    const label = `${key.key}${schema.template.labelSuffix}`;
    cells.push({
      key: key.id,
      part: 'label',
      address: `${columnLetter(col)}2`,
      column: col,
      value: label,
    });
    const valueCol = advance(col, textWidth(label));
    const value = values[key.id];
    cells.push({
      key: key.id,
      part: 'value',
      address: `${columnLetter(valueCol)}2`,
      column: valueCol,
      value,
    });
    const room = Math.max(VALUE_ROOM[key.id], value === null ? 0 : textWidth(String(value)) + 2);
    col = advance(valueCol, room);
  }
  return cells;
}

/** The 本级 row's label that matches the township's level (镇本级, 乡本级, 街道本级), else 本级. */
function levelRowLabel(schema: Schema, township: string | null): string {
  const words = schema.specialRows.level;
  // The bare word is the one that does not end with another (本级, not 镇本级).
  const plain = words.find((w) => words.every((o) => o === w || !w.endsWith(o))) ?? '本级';
  if (!township) return plain;
  for (const suffix of schema.township.levelSuffixes) {
    const word = `${suffix}${plain}`;
    if (township.endsWith(suffix) && words.includes(word)) return word;
  }
  return plain;
}

/** Header height in points: enough lines for the longest wrapped header. */
function headerRowHeight(columns: TemplateColumn[]): number {
  const lines = Math.max(
    1,
    ...columns.map((c) => Math.ceil(textWidth(c.header) / Math.max(1, c.width - 1))),
  );
  return lines * LINE_HEIGHT + 6;
}

function buildValidations(
  schema: Schema,
  columns: TemplateColumn[],
  lastSpareRow: number,
  levelRow: number,
): TemplateValidation[] {
  const out: TemplateValidation[] = [];
  for (const col of columns) {
    const spec = schema.columns[col.index - 1]!;
    const rule = ruleOf(schema, spec);
    // Cadre cells stop before the 本级 row, where they must stay empty; activity runs through it.
    const last = col.group === 'cadre' || col.id === 'seq' ? lastSpareRow : levelRow;
    if (rule && last >= FIRST_DATA_ROW) {
      const prompt = promptOf(schema, spec, rule);
      out.push({
        range: `${col.letter}${FIRST_DATA_ROW}:${col.letter}${last}`,
        field: col.id,
        rule,
        allowBlank: true,
        promptTitle: col.header,
        prompt,
        errorTitle: schema.template.errorTitle,
        error: fillText(schema.template.error, { header: col.header, prompt }),
      });
    }
    if (col.group === 'cadre') {
      out.push({
        range: `${col.letter}${levelRow}`,
        field: col.id,
        rule: { kind: 'empty' },
        allowBlank: true,
        promptTitle: schema.template.levelPromptTitle,
        prompt: schema.template.levelPrompt,
        errorTitle: schema.template.errorTitle,
        error: fillText(schema.template.levelError, { header: col.header }),
      });
    }
  }
  return out;
}

function ruleOf(schema: Schema, spec: ColumnSpec): TemplateRule | null {
  switch (schema.types[spec.type].validation) {
    case 'list':
      return {
        kind: 'list',
        values: spec.type === 'yesno' ? Object.keys(schema.yesno) : (spec.enum ?? []),
      };
    case 'wholeNonNegative':
      return { kind: 'whole', min: 0, max: null };
    case 'decimalNonNegative':
      return { kind: 'decimal', min: 0, max: null };
    case 'wholeRange': {
      const bounds = columnBounds(spec);
      return { kind: 'whole', min: bounds?.min ?? 0, max: bounds?.max ?? null };
    }
    default:
      return null;
  }
}

function promptOf(schema: Schema, spec: ColumnSpec, rule: TemplateRule): string {
  const base = schema.types[spec.type].prompt.zh;
  if (rule.kind === 'whole' && rule.max !== null)
    return base + fillText(schema.template.rangeNote, { min: rule.min, max: rule.max });
  if (rule.kind === 'list' && spec.type === 'enum') {
    return (
      base +
      fillText(schema.template.listNote, {
        values: rule.values.join(schema.template.listSeparator),
      })
    );
  }
  return base;
}
