/** Shared types of the rule core: the grid it reads, the schema it follows, the findings and parsed sheet it returns. */
import type schemaFile from './schema/entry-sheet.json';
import type { SchemaShape } from './schema/schemaShape';

/** A finding code the schema file defines (a misspelled code fails tsc). */
export type FindingCode = keyof (typeof schemaFile)['findings'];

/** One cell as both edges hand it over: Office `Range.values`, or a parsed CSV/XLSX cell. */
export type Cell = string | number | boolean | null;

/** A sheet as a 2-D array; `grid[0]` is spreadsheet row 1, `grid[r][0]` is column A. Rows may be ragged. */
export type Grid = readonly (readonly Cell[])[];

export type Severity = 'error' | 'warning';

/** A message language: Simplified Chinese or English (findings, CLI, report, charts). */
export type Lang = 'zh' | 'en';

/** The entry-sheet schema (core/schema/entry-sheet.json), as validated by loadSchema: declared once, as a valibot shape, in core/schema/schemaShape.ts. */
export type Schema = SchemaShape;

export type FieldType = keyof Schema['types'];

export type ColumnGroup = ColumnSpec['group'];

/** A bilingual text. */
export type Text2 = Schema['title'];

/** A cell mark of a severity (schema `ui.markFills`): colour #RRGGBB, Office.js pattern name, optional stripe colour. */
export type MarkFill = Schema['ui']['markFills']['error'];

/** The texts of a 标注版 (schema `ui.markCopy`). */
export type MarkCopyText = Schema['ui']['markCopy'];

/** A per-column check, one member per check (each declared by its file in core/checks/). */
export type { ColumnCheck, RowRule } from './checks';

/** One column of the entry sheet. */
export type ColumnSpec = Schema['columns'][number];

export type TypeSpec = Schema['types'][FieldType];

export type MetadataKey = Schema['metadata'][number];

export type FindingSpec = Schema['findings'][string];

export type RateSpec = Schema['figures']['rates'][number];

/** One entry of the schema's `figures.cadres` (core/figures/ turns it into a Figure). */
export type FigureSpec = Schema['figures']['cadres'][string];

/** Wording of the entry-sheet template that is neither a header nor a finding (schema `template`). */
export type TemplateText = Schema['template'];

/**
 * A problem in a sheet. Plain data: messages are rendered from `code` and `params`
 * in a separate step (core/findings/renderFinding.ts), so tests assert this object, not a sentence.
 */
export interface Finding {
  code: FindingCode;
  severity: Severity;
  /** 1-based spreadsheet row, null for file-level findings. */
  row: number | null;
  /** 1-based column, null for row- or file-level findings. */
  column: number | null;
  /** A1 address in the source sheet, null when there is no single cell. */
  cell: string | null;
  /** Schema column id, null when not about one column. */
  field: string | null;
  /** The value as written (stringified), "[redacted]" for personal columns. */
  value: string | null;
  /** The normalized value, when there is one. */
  suggestion: string | null;
  /** The rule's parameters for message rendering (header names, limits, other row …). */
  params: Record<string, string | number>;
}

/** A finding with its messages, as in summary.json and `validate --json`. */
export interface RenderedFinding extends Omit<Finding, 'params'> {
  message_zh: string;
  message_en: string;
}

/** A typed, normalized cell value: number for count/money/integer, canonical string for yesno/enum/text, null when blank or invalid. */
export type Value = number | string | null;

export type RowKind = 'village' | 'level' | 'total';

/** One data row of the sheet after normalization. */
export interface DataRow {
  /** 1-based spreadsheet row. */
  row: number;
  kind: RowKind;
  /**
   * The column ids of `values`, left to right as the sheet has them (only the columns its header
   * maps). One frozen array shared by every row of a sheet.
   */
  fields: readonly string[];
  /**
   * Normalized values by position: `values[i]` is the value of column `fields[i]`. Blank
   * count/money → 0. By position, not by id, because 30 named stores per row were a fifth of the
   * core's time; read one field with `valueOf(row, id)`, or find a field's position once per sheet
   * with `fields.indexOf(id)`.
   */
  values: Value[];
  /** Fields whose cell produced an error (their value is null or unreliable). */
  invalid: string[];
}

/** Where a schema column sits in the source grid. */
export interface ColumnMapping {
  field: string;
  /** 1-based column. */
  column: number;
  /** The header as written. */
  header: string;
}

export interface SheetMetadata {
  township: string | null;
  year: number | null;
  reporter: string | null;
  phone: string | null;
  date: string | null;
  /** The title row text (row 1 when not a key), used to find the county name. */
  title: string | null;
}

/** A silently accepted cell whose canonical form differs from what is written (e.g. １２人 → 12). */
export interface Normalization {
  row: number;
  column: number;
  cell: string;
  field: string;
  value: string;
  suggestion: string;
}

/** What validateGrid returns: the parsed sheet and its findings. */
export interface ParsedSheet {
  metadata: SheetMetadata;
  /** County named in the title (text up to the first 县/区/市/旗), else null. */
  county: string | null;
  /** 1-based header row, null when none was found (then E_NO_HEADER). */
  headerRow: number | null;
  columns: ColumnMapping[];
  /** Header cells that match no column (kept as is). */
  unknownColumns: { column: number; header: string }[];
  villages: DataRow[];
  levelRow: DataRow | null;
  totalRow: DataRow | null;
  /** Township after registry matching (canonical registry name), else the normalized metadata name, else null. */
  township: string | null;
  findings: Finding[];
  normalized: Normalization[];
  /** The sheet's year: metadata 年度, else the title row(s), else the file name (entry-sheet §1). */
  year: number | null;
  yearSource: YearSource | null;
  /** The cell the year was read from (年度 or title cell), null when from the file name or none. */
  yearAt: { row: number; column: number } | null;
  /** Hidden rows left out of the data because the sheet's own 合计 excludes them (1-based). */
  excludedRows: number[];
}

/** What an edge knows about a sheet beyond its values; everything optional (a CSV has none). */
export interface SheetInfo {
  /** Worksheet name (xlsx/xls/Office.js), null/absent for CSV/TXT. */
  name?: string | null;
  /** 1-based spreadsheet rows hidden by the user. Rows hidden by an autofilter are NOT listed (they are data). */
  hiddenRows?: readonly number[];
  /** 1-based hidden columns. */
  hiddenColumns?: readonly number[];
  /** Merged ranges, 1-based inclusive. The grid holds a merged range's value in its top-left cell only (other cells null). */
  merges?: readonly { top: number; left: number; bottom: number; right: number }[];
  /** True when cell types are real (xlsx/xls/Office.js): a string cell that looks like a number is a number stored as text. False/absent for CSV/TXT. */
  typed?: boolean;
}

export type YearSource = 'metadata' | 'title' | 'fileName';

/** The problems a registry file can have (messages in schema.registry.messages). */
export type RegistryMessageId = keyof Schema['registry']['messages'];

/** The county registry: townships, their aliases and villages. */
export interface Registry {
  townships: RegistryTownship[];
}

export interface RegistryTownship {
  name: string;
  aliases: string[];
  villages: string[];
}

export interface ValidateOptions {
  schema: Schema;
  registry?: Registry | null;
  /** File name (base name) used for the township when 填报单位 is absent. */
  fileName?: string | null;
  /** Expected year: a different 年度 gives E_YEAR_MISMATCH. */
  year?: number | null;
  /** What the reader knows about the sheet (hidden rows, merges, name, typed cells). */
  sheet?: SheetInfo | null;
}
