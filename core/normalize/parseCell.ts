/** Parses one cell by its column's type (entry-sheet §4): the typed value, or the finding code it earns. */
import type { CompiledSchema } from '../schema/compileSchema';
import type { Cell, ColumnSpec, FieldType, FindingCode, Value } from '../types';
import { foldWidth, isSpaceCode, normalizeHeader, normalizeText } from './normalizeText';
import { codeAt, typedString } from './stringAccess';
import { parseChineseNumeral } from './parseChineseNumeral';

/** The outcome of parsing one cell. */
export interface CellResult {
  /** The typed value; null when blank (non-numeric types and integer) or invalid. */
  value: Value;
  /** True when the cell is empty (blank count/money cells are 0). */
  blank: boolean;
  /** The finding code the cell earns (an E_ code makes the value invalid; a W_ code keeps it). */
  code: FindingCode | null;
  /** For a W_ code: the normalized value. */
  suggestion: string | null;
  /** The canonical text when the cell was silently normalized (１２ → 12, 有 → 是), else null. */
  normalized: string | null;
  /** Extra message parameters (E_ENUM: the allowed values). */
  params: Record<string, string | number> | null;
}

const BLANK: CellResult = {
  value: null,
  blank: true,
  code: null,
  suggestion: null,
  normalized: null,
  params: null,
};
const BLANK_ZERO: CellResult = { ...BLANK, value: 0 };
const DECIMAL = /^-?(?:\d+(?:\.\d+)?|\.\d+)$/;
const GROUPED = /^-?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;
const DIGITS_APART = /\d\s+\d/u;

const isNumeric = (t: FieldType): boolean => t === 'count' || t === 'money' || t === 'integer';

/**
 * A number as Excel shows it: 15 significant digits, so a formula's binary noise (=0.1*30 gives
 * 3.0000000000000004) is the 3 the user sees, not E_NOT_INTEGER.
 */
function excelPrecision(n: number): number {
  return Number.isFinite(n) ? Number(n.toPrecision(15)) : n;
}

/** True when a cell holds nothing (null, missing, or only whitespace: what trim() removes). */
export function isBlankCell(cell: Cell | undefined): boolean {
  if (cell === null || cell === undefined) return true;
  if (typeof cell !== 'string') return false;
  // A code loop, not trim(): a filled cell answers at its first code unit (every row asks of its village cell).
  const text = typedString(cell);
  for (let i = 0; i < text.length; i++) if (!isSpaceCode(text.charCodeAt(i))) return false;
  return true;
}

/** Rounds to 2 decimals (money), robust against binary float noise. */
export function round2(n: number): number {
  return Math.round((n + (n >= 0 ? Number.EPSILON : -Number.EPSILON)) * 100) / 100;
}

const fail = (
  code: FindingCode,
  params: Record<string, string | number> | null = null,
): CellResult => ({
  value: null,
  blank: false,
  code,
  suggestion: null,
  normalized: null,
  params,
});

// Results for whole numbers written as numbers (or plain digits), shared: a grid is mostly small counts and this avoids an object per cell.
// Dense arrays (a sparse one would fall back to slow dictionary elements); larger numbers get a fresh object.
const WHOLE_LIMIT = 100_000;
const SHARED_LIMIT = 4096;
const newWholeList = (): (CellResult | null)[] =>
  new Array<CellResult | null>(SHARED_LIMIT).fill(null);
const wholeCounts = newWholeList();
const wholeMoney = newWholeList();
const wholeIntegers = newWholeList();

/** The result for a whole number 0 ≤ n < WHOLE_LIMIT of a numeric type (shared below SHARED_LIMIT). */
function wholeResult(n: number, type: FieldType): CellResult {
  if (n >= SHARED_LIMIT)
    return { value: n, blank: false, code: null, suggestion: null, normalized: null, params: null };
  const list = type === 'count' ? wholeCounts : type === 'money' ? wholeMoney : wholeIntegers;
  return (list[n] ??= {
    // + 0: a -0 cell is 0 (shared: else every later 0 of the type would read as -0).
    value: n + 0,
    blank: false,
    code: null,
    suggestion: null,
    normalized: null,
    params: null,
  });
}

/** True when the decimal text `digits` (no sign, no separators) is above the whole number `max`: exact, digit by digit. */
function digitsAbove(digits: string, max: number): boolean {
  const dot = digits.indexOf('.');
  const whole = (dot < 0 ? digits : digits.slice(0, dot)).replace(/^0+/u, '');
  const bound = String(max);
  if (whole.length !== bound.length) return whole.length > bound.length;
  if (whole !== bound) return whole > bound;
  return dot >= 0 && /[1-9]/u.test(digits.slice(dot + 1));
}

/** Rounds to `decimals` places, robust against binary float noise (round2 for 2). */
function roundTo(n: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round((n + (n >= 0 ? Number.EPSILON : -Number.EPSILON)) * f) / f;
}

/**
 * Checks sign, size, integrality and decimals of a number; `warn` is the W_ code earned while
 * reading it; `digits` the plain decimal text it was read from (compared with the bound digit by
 * digit: past 2^53 the double is no longer the number written).
 */
function finishNumber(
  n: number,
  type: FieldType,
  written: string | null,
  warn: FindingCode | null,
  cs: CompiledSchema,
  digits: string | null = null,
): CellResult {
  if (!Number.isFinite(n)) return fail('E_NOT_NUMBER');
  if (n < 0) return fail('E_NEGATIVE');
  const max = cs.numberMax[type];
  if (n > max || (digits !== null && digitsAbove(digits, max)))
    return fail('E_NUMBER_TOO_LARGE', { max });
  if (type !== 'money' && !Number.isInteger(n)) return fail('E_NOT_INTEGER');
  // + 0: a "-0" text is 0, as a -0 number cell is (wholeResult).
  const value = (type === 'money' ? round2(n) : n) + 0;
  // value !== n first: most amounts have at most 2 decimals, and toPrecision is dear per cell.
  if (type === 'money' && warn === null && value !== n) {
    const exact = excelPrecision(n);
    if (roundTo(exact, cs.schema.types.money.decimals ?? 2) !== exact) warn = 'W_MONEY_DECIMALS';
  }
  if (warn)
    return {
      value,
      blank: false,
      code: warn,
      suggestion: String(value),
      normalized: null,
      params: null,
    };
  if (
    written === null &&
    value === n &&
    value >= 0 &&
    value < WHOLE_LIMIT &&
    Number.isInteger(value)
  )
    return wholeResult(value, type);
  const text = written === null ? null : String(value);
  return {
    value,
    blank: false,
    code: null,
    suggestion: null,
    normalized: text !== null && written !== text ? text : null,
    params: null,
  };
}

/** Removes one of `suffixes` from the end of `text` (keeping at least one character); null when none fits. */
function stripSuffix(text: string, suffixes: readonly string[]): string | null {
  for (const s of suffixes)
    if (text.length > s.length && text.endsWith(s)) return text.slice(0, -s.length);
  return null;
}

/** Parses a count, money or integer text: units, separators, 约数, 万元 and Chinese numerals. */
function parseNumberText(raw: string, type: FieldType, cs: CompiledSchema): CellResult {
  // Whitespace between digits ("63 64", "1 8500") is two numbers or a typo, not one number: normalizing would glue them.
  if (DIGITS_APART.test(foldWidth(raw))) return fail('E_NOT_NUMBER');
  let t = normalizeHeader(raw).replace(/\u2212/g, '-');
  if (t === '') return type === 'integer' ? BLANK : BLANK_ZERO;
  if (cs.excelErrors.has(t.toUpperCase())) return fail('E_EXCEL_ERROR');
  if (cs.zeroWords.has(t)) return finishNumber(0, type, raw, null, cs);
  let approx = false;
  let tenThousand = false;
  for (const p of cs.approxPrefixes)
    if (t.length > p.length && t.startsWith(p)) {
      t = t.slice(p.length);
      approx = true;
      break;
    }
  // A unit, an approximation suffix and 万 may come in any order (150余人, 150人左右, 1.2万元): peel each off once.
  let unit = false;
  for (let i = 0; i < 3; i++) {
    const noApprox = approx ? null : stripSuffix(t, cs.approxSuffixes);
    if (noApprox !== null) {
      t = noApprox;
      approx = true;
      continue;
    }
    const noTenThousand = tenThousand || unit ? null : stripSuffix(t, cs.tenThousandUnits[type]);
    if (noTenThousand !== null) {
      t = noTenThousand;
      tenThousand = true;
      continue;
    }
    const noUnit = unit ? null : stripSuffix(t, cs.units[type]);
    if (noUnit === null) break;
    t = noUnit;
    unit = true;
  }
  let n: number;
  let chinese = false;
  let digits: string | null = null;
  if (DECIMAL.test(t)) n = Number((digits = t));
  else if (GROUPED.test(t)) n = Number((digits = t.replace(/,/g, '')));
  else {
    const c = parseChineseNumeral(t);
    if (c === null || c > cs.schema.numbers.chineseNumeralMax) return fail('E_NOT_NUMBER');
    n = c;
    chinese = true;
  }
  if (tenThousand) n *= 10000;
  const warn = approx
    ? 'W_APPROX'
    : tenThousand
      ? 'W_UNIT_CONVERTED'
      : chinese
        ? 'W_CHINESE_NUMERAL'
        : null;
  // After 万 the written digits are not the number's: its double is compared (the bounds are far below 2^53).
  return finishNumber(
    n,
    type,
    raw,
    warn,
    cs,
    tenThousand || digits === null ? null : digits.replace(/^-/u, ''),
  );
}

/** Parses a yes/no or enum text against the column's words. */
function parseChoiceText(raw: string, column: ColumnSpec, cs: CompiledSchema): CellResult {
  const t = normalizeHeader(raw);
  if (t === '') return BLANK;
  const canonical =
    column.type === 'yesno' ? cs.yesno.get(t) : cs.enumLookup.get(column.id)?.get(t);
  if (canonical === undefined)
    return fail('E_ENUM', {
      allowed: (column.type === 'yesno' ? ['是', '否'] : (column.enum ?? [])).join('、'),
    });
  return {
    value: canonical,
    blank: false,
    code: null,
    suggestion: null,
    normalized: canonical !== raw ? canonical : null,
    params: null,
  };
}

/** The value of a text cell: village names (unique columns) are compared and kept in normalized form, other texts as written (trimmed). */
function textValue(raw: string, unique: boolean): string {
  return unique ? normalizeText(raw) : raw.trim();
}

/** Parses a text cell (see textValue). */
function parseText(raw: string, column: ColumnSpec): CellResult {
  const value = textValue(raw, column.unique === true);
  return value === ''
    ? BLANK
    : { value, blank: false, code: null, suggestion: null, normalized: null, params: null };
}

/** Parses a string cell by type, uncached. */
function parseString(raw: string, column: ColumnSpec, cs: CompiledSchema): CellResult {
  if (isNumeric(column.type)) return parseNumberText(raw, column.type, cs);
  if (column.type === 'yesno' || column.type === 'enum') return parseChoiceText(raw, column, cs);
  return parseText(raw, column);
}

/** Texts longer than this are not cached: rare (a pasted paragraph) and they would pin memory. */
const CACHEABLE_LENGTH = 256;
const CACHE_LIMIT = 50_000;
const MEMO_SLOTS = 32;

/**
 * How one column's cells are parsed, compiled once per schema (compileSchema keeps one per
 * column): its type's tests resolved, and a cache of parsed texts where texts repeat (shared by
 * the columns of its type; an enum's own).
 */
export interface ColumnParser {
  column: ColumnSpec;
  type: FieldType;
  /** count, money or integer. */
  numeric: boolean;
  /** The column's `unique` (the village): its texts are kept in normalized form (see textValue). */
  unique: boolean;
  /** The result of an empty cell: 0 for count and money, null otherwise. */
  blank: CellResult;
  /**
   * What plainNumber gives for a null cell: 0 in a count or money column that is not required (a
   * blank there is 0, with nothing to report), else -1 (an integer's blank is null; a required
   * column's blank is E_REQUIRED on a village row).
   */
  blankNumber: number;
  /** The largest plausible number (types.*.max). */
  max: number;
  /**
   * Parsed texts of numbers and choices (１２人, 约150, 有, 大專 recur in every sheet), one per type
   * for count, money, integer and yes/no (sharedCacheFor), one per column for an enum. Null for
   * text columns: names are unique, a cache would only hold them (and what it holds, it keeps alive).
   */
  cache: Map<string, CellResult> | null;
  /**
   * The last text and result per slot (slot by first code unit and length), checked before the
   * cache: a column's few words (是, 否, 大專 …) mostly meet their own slot, and an equality test
   * is cheaper than a Map lookup per cell. Texts at even indexes, results at odd ones.
   */
  memo: (string | CellResult | null)[];
  /** The results of TRUE and FALSE cells (Excel checkboxes) of a yes/no column, made on first need. */
  booleans: [CellResult | null, CellResult | null];
}

/**
 * The cache of parsed texts that the columns of `type` may share (a count's text means the same
 * in every count column, a yes/no word in every yes/no column): one table per type rather than
 * per column, smaller in all and warmer in the processor's cache. Null for types whose result
 * depends on the column (an enum's words) or that are not cached (text).
 */
export function sharedCacheFor(type: FieldType): Map<string, CellResult> | null {
  return isNumeric(type) || type === 'yesno' ? new Map<string, CellResult>() : null;
}

/** The memo slot of a text (see ColumnParser.memo): by its first code unit and its length. */
function memoSlot(cell: string): number {
  const text = typedString(cell);
  return 2 * ((codeAt(text, 0) * 7 + text.length) & (MEMO_SLOTS - 1));
}

/** The result the column's memo holds for `text` (met just before in its slot), else null. */
function memoResult(text: string, parser: ColumnParser): CellResult | null {
  const slot = memoSlot(text);
  return parser.memo[slot] === text ? (parser.memo[slot + 1] as CellResult) : null;
}

/**
 * The parser of `column` (compileSchema makes one per schema column; `max` is its type's
 * types.*.max); `shared` is the cache of its type's columns (sharedCacheFor), else it gets its own.
 */
export function columnParser(
  column: ColumnSpec,
  max: number,
  shared: Map<string, CellResult> | null = null,
): ColumnParser {
  const numeric = isNumeric(column.type);
  const blank = numeric && column.type !== 'integer' ? BLANK_ZERO : BLANK;
  return {
    column,
    type: column.type,
    numeric,
    unique: column.unique === true,
    blank,
    blankNumber: blank.value === 0 && column.required !== true ? 0 : -1,
    max,
    cache: column.type === 'text' ? null : (shared ?? new Map<string, CellResult>()),
    memo: new Array<string | CellResult | null>(2 * MEMO_SLOTS).fill(null),
    booleans: [null, null],
  };
}

/** A TRUE/FALSE cell of a yes/no column: 是/否, listed as normalized. */
function booleanChoice(cell: boolean, parser: ColumnParser, cs: CompiledSchema): CellResult {
  const i = cell ? 0 : 1;
  const word = cell ? '是' : '否';
  return (parser.booleans[i] ??= { ...parseChoiceText(word, parser.column, cs), normalized: word });
}

/** The value of "0" … "99999" (no sign, no leading zero), else -1: a hand loop, cheaper than a regex and Number() on every cell. */
function shortWholeValue(text: string): number {
  const s = typedString(text);
  const n = s.length;
  if (n === 0 || n > 5 || (n > 1 && s.charCodeAt(0) === 48)) return -1;
  let value = 0;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return -1;
    value = value * 10 + (c - 48);
  }
  return value;
}

/**
 * True for an amount written plainly: digits without a leading zero (or a single 0), then at most
 * two decimals not ending in 0 ("1500", "0.5", "1234.56"; not "1500.50", "007", "-3", "1e3").
 * Such a text is the shortest form of its number, so it is what parseWith would write back.
 */
function isPlainAmount(text: string): boolean {
  const s = typedString(text);
  const n = s.length;
  if (n === 0 || n > 12) return false;
  let i = 0;
  while (i < n && s.charCodeAt(i) >= 48 && s.charCodeAt(i) <= 57) i++;
  if (i === 0 || (i > 1 && s.charCodeAt(0) === 48)) return false;
  if (i === n) return true;
  if (s.charCodeAt(i) !== 46 || n - i - 1 < 1 || n - i - 1 > 2) return false;
  for (let k = i + 1; k < n; k++) {
    const c = s.charCodeAt(k);
    if (c < 48 || c > 57) return false;
  }
  return s.charCodeAt(n - 1) !== 48;
}

/**
 * The value of a cell that parseWith gives back as is, with no finding and nothing to list as
 * normalized: a whole number from 0 to the column's bound in a count, money or integer column, or
 * an amount of at most 2 decimals in a money column, written as a number or plainly as text, or a
 * null cell of a count or money column that is not required (0, see blankNumber); else -1. Most
 * cells of a sheet are such (a third of the counts are 0): callers take the value without a result
 * object.
 */
export function plainNumber(cell: Cell | undefined, parser: ColumnParser): number {
  if (!parser.numeric) return -1;
  if (cell === null || cell === undefined) return parser.blankNumber;
  if (typeof cell === 'number') {
    // + 0: a -0 cell is the 0 parseWith gives.
    if (cell >= 0 && cell < WHOLE_LIMIT && cell <= parser.max && Number.isInteger(cell))
      return cell + 0;
    // An amount with at most 2 decimals is its own 15-digit form (excelPrecision) and its own round2.
    return parser.type === 'money' && cell > 0 && cell < parser.max && round2(cell) === cell
      ? cell
      : -1;
  }
  if (typeof cell !== 'string') return -1;
  const whole = shortWholeValue(cell);
  if (whole >= 0) return whole <= parser.max ? whole : -1;
  if (parser.type !== 'money' || !isPlainAmount(cell)) return -1;
  const n = Number(cell);
  return n > 0 && n < parser.max && round2(n) === n ? n : -1;
}

/**
 * The value of a text cell that parseWith gives back with nothing to report, without a result
 * object, else null (not a string, blank, or not known to be plain). In a text column: the
 * trimmed text (normalized for unique columns, the village; see textValue); names are unique. In
 * a yes/no or enum column: the canonical word, when the column's memo holds the cell's text with a
 * result that reports nothing and normalizes nothing (是 after 是; not 有, listed as 是).
 */
export function plainText(cell: Cell | undefined, parser: ColumnParser): string | null {
  if (typeof cell !== 'string') return null;
  const text = typedString(cell);
  if (parser.type !== 'text') {
    if (parser.cache === null || parser.numeric) return null;
    const r = memoResult(text, parser);
    return r !== null && r.code === null && r.normalized === null
      ? (r.value as string | null)
      : null;
  }
  // parser.unique, not the column's own flag: column specs differ in shape, and a load from many shapes is slow per cell.
  const value = textValue(text, parser.unique);
  return value === '' ? null : value;
}

/** Parses one cell with a compiled column parser (see parseCell). */
export function parseWith(
  cell: Cell | undefined,
  parser: ColumnParser,
  cs: CompiledSchema,
): CellResult {
  if (cell === null || cell === undefined) return parser.blank;
  const { type, column } = parser;
  if (typeof cell === 'string') {
    const text = typedString(cell);
    // Fast path: plain digits are by far the most common text of a count column.
    if (parser.numeric) {
      const n = shortWholeValue(text);
      if (n >= 0 && n <= parser.max) return wholeResult(n, type);
    }
    const cache = parser.cache;
    if (cache === null) return parseText(text, column);
    const memoized = memoResult(text, parser);
    if (memoized !== null) return memoized;
    let result = cache.get(text);
    if (result === undefined) {
      result = parseString(text, column, cs);
      if (text.length > CACHEABLE_LENGTH) return result;
      if (cache.size >= CACHE_LIMIT) cache.clear();
      cache.set(text, result);
    }
    const slot = memoSlot(text);
    parser.memo[slot] = text;
    parser.memo[slot + 1] = result;
    return result;
  }
  if (typeof cell === 'number') {
    if (parser.numeric)
      return Number.isInteger(cell) && cell >= 0 && cell < WHOLE_LIMIT && cell <= parser.max
        ? wholeResult(cell, type)
        : finishNumber(excelPrecision(cell), type, null, null, cs);
    if (type === 'yesno' && (cell === 1 || cell === 0))
      return parseChoiceText(String(cell), column, cs);
    return parseString(String(cell), column, cs);
  }
  if (typeof cell === 'boolean') {
    if (type === 'yesno') return booleanChoice(cell, parser, cs);
    if (parser.numeric) return fail('E_NOT_NUMBER');
    return parseString(String(cell), column, cs);
  }
  // Not a Cell at all (a Date or object from a careless caller): read its text rather than throw.
  return parseString(String(cell), column, cs);
}

/** Parses one cell of `column` (numbers from Excel used as is; booleans as 是/否 in yes/no columns), with the column's parser from the compiled schema. */
export function parseCell(
  cell: Cell | undefined,
  column: ColumnSpec,
  cs: CompiledSchema,
): CellResult {
  return parseWith(cell, cs.parserOf(column), cs);
}
