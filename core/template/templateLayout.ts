/**
 * The entry-sheet template as plain data: what a township fills in (entry-sheet §1–§2).
 * Both writers consume it — the exceljs writer (workbook/templateWorkbook.ts, for the CLI and the
 * check page) and the add-in's 新建填报表 (Office.js) — so the workbooks cannot drift apart.
 */
import type { ColumnGroup, FieldType, MetadataKey } from '../types';

/** Options of buildTemplateLayout (core/template/buildTemplateLayout.ts); unknown values leave a blank to fill in. */
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
