/** Shared types of the rule core: the grid it reads, the schema it follows, the findings and parsed sheet it returns. */

/** One cell as both edges hand it over: Office `Range.values`, or a parsed CSV/XLSX cell. */
export type Cell = string | number | boolean | null;

/** A sheet as a 2-D array; `grid[0]` is spreadsheet row 1, `grid[r][0]` is column A. Rows may be ragged. */
export type Grid = readonly (readonly Cell[])[];

export type Severity = 'error' | 'warning';

export type FieldType = 'count' | 'money' | 'integer' | 'yesno' | 'enum' | 'text';

export type ColumnGroup = 'cadre' | 'activity' | 'other';

/** A bilingual text. */
export interface Text2 {
  zh: string;
  en: string;
}

/** A per-column check, named by `check` (one file per check in core/checks/). */
export interface ColumnCheck {
  check: string;
  code: string;
  min?: number;
  max?: number;
  limit?: number;
  value?: string | number;
}

/** A rule across cells of one row, named by `check`. */
export interface RowRule {
  check: string;
  code?: string;
  field?: string;
  limit?: string;
  events?: string;
  attendance?: string;
  maxPerEvent?: number;
  cases?: string;
}

/** One column of the entry sheet. */
export interface ColumnSpec {
  id: string;
  header: string;
  /** Short English header for English reports ("Training attendances"). */
  en: string;
  aliases: string[];
  type: FieldType;
  group: ColumnGroup;
  /** On village rows the cell must be filled (text/enum/yesno/integer). */
  required?: boolean;
  /** Must be present in the header row (default true; 序号 and 备注 are optional). */
  inHeader?: boolean;
  unique?: boolean;
  sum?: boolean;
  personal?: boolean;
  min?: number;
  max?: number;
  enum?: string[];
  synonyms?: Record<string, string[]>;
  checks?: ColumnCheck[];
  width?: number;
  doc?: string;
}

export interface TypeSpec {
  units?: string[];
  tenThousandUnits?: string[];
  decimals?: number;
  /** Largest plausible value in one cell (count, money); at most Number.MAX_SAFE_INTEGER. */
  max?: number;
  excelFormat: string;
  validation: string;
  prompt: Text2;
}

export interface MetadataKey {
  id: 'township' | 'year' | 'reporter' | 'phone' | 'date';
  key: string;
  aliases: string[];
  personal?: boolean;
}

export interface FindingSpec {
  severity: Severity;
  zh: string;
  en: string;
}

export interface RateSpec {
  id: string;
  numerator: { field: string; equals: string } | { total: string };
  denominator: 'villages' | { total: string };
  zh: string;
  en: string;
}

export interface AgeBand {
  id: string;
  min?: number;
  max?: number;
}

/** The entry-sheet schema (core/schema/entry-sheet.json), as validated by loadSchema. */
export interface Schema {
  version: number;
  sheetName: string;
  title: Text2;
  headerMatchThreshold: number;
  headerSearchRows: number;
  decisions: string[];
  types: Record<FieldType, TypeSpec>;
  numbers: {
    zeroWords: string[];
    approxPrefixes: string[];
    approxSuffixes: string[];
    excelErrors: string[];
    chineseNumeralMax: number;
  };
  yesno: Record<'是' | '否', string[]>;
  /** `footer`: words that start a note or signature row under the table (注：…, 填表人：…). */
  specialRows: {
    level: string[];
    total: string[];
    footer: string[];
    /** Words that end a subtotal row's label (小计, 片区小计, 东片小计 …). */
    subtotal?: string[];
    /** Words that end a 片区 label row's text (东片区, 二片 …): a row with only that label is not a village. */
    area?: string[];
  };
  /** Multi-row headers (entry-sheet §1): group words stripped from a group cell before it is combined with its sub-header, and the units a units row under the header may hold. */
  headerRows?: { groupSuffixes: string[]; units: string[] };
  /** Headers that are not a column but look like one (培训人数 next to a missing 培训人次): one message linking them. */
  headerHints?: { written: string[]; column: string }[];
  /** Where a sheet's year was read, for E_YEAR_MISMATCH ({cell}), and the sheet label ({sheet}). */
  yearSources?: Record<YearSource, Text2> & { sheet: Text2 };
  metadata: MetadataKey[];
  township: { stripSuffixes: string[]; levelSuffixes: string[] };
  registry: {
    townshipHeader: string[];
    villageHeader: string[];
    aliasHeader: string[];
    aliasSeparators: string[];
    /** Messages of an invalid registry file (not findings: the run stops with exit 2). */
    messages: Record<RegistryMessageId, Text2>;
  };
  columns: ColumnSpec[];
  rowRules: RowRule[];
  rates: RateSpec[];
  ageBands: AgeBand[];
  /** summary.json's fixed cadre counts: village rows whose field holds a value. */
  cadreCounts: Record<CadreCountId, { field: string; equals: string }>;
  findings: Record<string, FindingSpec>;
  /** Resource caps of reading a township file (readers/, intake) and the wording of W_SHEET_CHOSEN's reasons. */
  limits: {
    maxFileBytes: number;
    maxInflatedBytes: number;
    maxRows: number;
    maxCells: number;
    maxFindingsPerFile: number;
    sheetReasons: Record<'year' | 'active' | 'first', Text2>;
  };
  suggestionText: Text2;
  ui: {
    redacted: string;
    /** The marks of a finding's cell by severity (add-in and 标注版): colour #RRGGBB and Office.js pattern name. */
    markFills: Record<Severity, MarkFill>;
    /** Wording of the 标注版 (workbook/markWorkbook.ts). */
    markCopy: MarkCopyText;
  };
  /** Fields whose finding values are redacted outside the roster, and the codes exempt (sums, not entries). */
  privacy: { findingValueFields: string[]; keepValueCodes: string[] };
  template: TemplateText;
}

/** A cell mark: colour (#RRGGBB) and the Office.js fill pattern name (Solid, LightUp …). */
export interface MarkFill {
  /** The cell's background (Office.js fill.color). */
  color: string;
  pattern: string;
  /** The stripes' colour of a pattern other than Solid (Office.js fill.patternColor); absent: automatic. */
  patternColor?: string;
}

/** The texts of a 标注版 (schema `ui.markCopy`); `title` has {file} {errors} {warnings}. */
export type MarkCopyText = Record<
  | 'sheet'
  | 'title'
  | 'row'
  | 'cell'
  | 'severity'
  | 'message'
  | 'suggestion'
  | 'code'
  | 'error'
  | 'warning'
  | 'wholeFile'
  | 'commentHeading'
  | 'fileSuffix',
  Text2
>;

/** Wording of the entry-sheet template that is neither a header nor a finding (schema `template`). */
export interface TemplateText {
  /** Title placeholders when county or year are unknown. */
  unknownCounty: string;
  unknownYear: string;
  /** Appended to the township in 填报单位 (黎岭镇 → 黎岭镇妇联). */
  townshipSuffix: string;
  /** After a metadata label (填报单位：). */
  labelSuffix: string;
  /** Stop-error title and text of a data validation ({header}, {prompt}). */
  errorTitle: string;
  error: string;
  /** Appended to a prompt: a range ({min}, {max}) or a list ({values}, joined by listSeparator). */
  rangeNote: string;
  listNote: string;
  listSeparator: string;
  /** Prompt and error of the 本级 row's cadre cells ({header}). */
  levelPromptTitle: string;
  levelPrompt: string;
  levelError: string;
  /** Print footer (Excel codes &P, &N). */
  footer: string;
}

/**
 * A problem in a sheet. Plain data: messages are rendered from `code` and `params`
 * in a separate step (core/messages.ts), so tests assert this object, not a sentence.
 */
export interface Finding {
  code: string;
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
  /** Normalized values by column id (only columns present in the header). Blank count/money → 0. */
  values: Record<string, Value>;
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

/** The cadre counts summary.json names (cadres.female …). */
export type CadreCountId = 'female' | 'male' | 'fullTime' | 'partTime' | 'inCommittee';

/** The problems a registry file can have (messages in schema.registry.messages). */
export type RegistryMessageId = 'noHeader' | 'missingName' | 'duplicateVillage' | 'aliasClash';

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
