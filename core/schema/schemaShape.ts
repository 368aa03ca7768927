/**
 * The entry-sheet schema's one declaration: its TypeScript type (core/types.ts `Schema`) and its
 * load-time shape check (loadSchema) both come from it. What the shape cannot say (codes the
 * catalogue defines, fields that exist, header clashes …) loadSchema checks after it.
 */
import * as v from 'valibot';
import { columnCheckShape, rowRuleShape } from '../checks';
import { code, count, num, obj, oneOf, str, strList, text, text2 } from './shapeParts';

export const FIELD_TYPES = ['count', 'money', 'integer', 'yesno', 'enum', 'text'] as const;
export const COLUMN_GROUPS = ['cadre', 'activity', 'other'] as const;
export const METADATA_IDS = ['township', 'year', 'reporter', 'phone', 'date'] as const;
export const REGISTRY_MESSAGE_IDS = [
  'noHeader',
  'missingName',
  'duplicateVillage',
  'aliasClash',
] as const;

const optional = v.optional;
/** An object with one entry of `shape` under each of `keys`. */
const each = <const K extends readonly string[], S extends v.GenericSchema>(keys: K, shape: S) =>
  obj(Object.fromEntries(keys.map((k) => [k, shape])) as { [P in K[number]]: S });

const typeSpec = obj({
  units: optional(strList),
  tenThousandUnits: optional(strList),
  decimals: optional(num),
  /** Largest plausible value in one cell (count, money); at most Number.MAX_SAFE_INTEGER. */
  max: optional(
    v.pipe(
      num,
      v.safeInteger(`must be a whole number from 1 to ${Number.MAX_SAFE_INTEGER}`),
      v.minValue(1, `must be a whole number from 1 to ${Number.MAX_SAFE_INTEGER}`),
    ),
  ),
  excelFormat: str,
  validation: str,
  prompt: text2,
});

const columnSpec = obj({
  id: str,
  header: str,
  /** Short English header for English reports ("Training attendances"). */
  en: str,
  aliases: strList,
  type: oneOf(FIELD_TYPES),
  group: oneOf(COLUMN_GROUPS),
  /** On village rows the cell must be filled (text/enum/yesno/integer). */
  required: optional(v.boolean('must be true or false')),
  /** Must be present in the header row (default true; 序号 and 备注 are optional). */
  inHeader: optional(v.boolean('must be true or false')),
  unique: optional(v.boolean('must be true or false')),
  sum: optional(v.boolean('must be true or false')),
  personal: optional(v.boolean('must be true or false')),
  enum: optional(strList),
  synonyms: optional(v.record(v.string(), strList, 'must be an object of value → list of strings')),
  checks: optional(v.array(columnCheckShape, 'must be a list')),
  width: optional(num),
  doc: optional(text),
});

const rateSpec = obj({
  id: str,
  numerator: v.union(
    [obj({ field: str, equals: str }), obj({ total: str })],
    'must be { field, equals } or { total }',
  ),
  denominator: v.union(
    [v.literal('villages'), obj({ total: str })],
    'must be "villages" or { total: <column> }',
  ),
  zh: str,
  en: str,
});

const FIGURE_KINDS = ['count', 'sum', 'mean', 'bands'] as const;
/** One figure: a label and exactly one kind (count where a column has a value, sum, mean, bands). */
const figureSpec = v.pipe(
  obj({
    /** Label in county-summary.xlsx; {band} for each band of a bands figure. */
    zh: str,
    count: optional(
      obj({ field: str, equals: v.union([str, num], 'must be a string or a number') }),
    ),
    sum: optional(obj({ field: str })),
    mean: optional(obj({ field: str, over: oneOf(['rows', 'values']) })),
    /** Without a list: one band per value of an enum/yes-no column. */
    bands: optional(
      obj({
        field: str,
        bands: optional(
          v.array(obj({ id: str, min: optional(num), max: optional(num) }), 'must be a list'),
        ),
      }),
    ),
  }),
  v.check(
    (f) => FIGURE_KINDS.filter((k) => f[k] !== undefined).length === 1,
    `must hold exactly one of ${FIGURE_KINDS.join(', ')}`,
  ),
);

const templateText = obj({
  /** Title placeholders when county or year are unknown. */
  unknownCounty: text,
  unknownYear: text,
  /** Appended to the township in 填报单位 (黎岭镇 → 黎岭镇妇联). */
  townshipSuffix: text,
  /** After a metadata label (填报单位：). */
  labelSuffix: text,
  /** Stop-error title and text of a data validation ({header}, {prompt}). */
  errorTitle: text,
  error: text,
  /** Appended to a prompt: a range ({min}, {max}) or a list ({values}, joined by listSeparator). */
  rangeNote: text,
  listNote: text,
  listSeparator: text,
  /** Prompt and error of the 本级 row's cadre cells ({header}). */
  levelPromptTitle: text,
  levelPrompt: text,
  levelError: text,
  /** Print footer (Excel codes &P, &N). */
  footer: text,
});

const hexColour = v.pipe(
  v.string('must be a colour #RRGGBB'),
  v.regex(/^#[0-9A-Fa-f]{6}$/u, 'must be a colour #RRGGBB'),
);
/** A cell mark: background colour, Office.js fill pattern name (Solid, LightUp …), stripe colour. */
const markFill = obj({
  color: hexColour,
  pattern: v.pipe(
    v.string('must be an Office.js pattern name'),
    v.regex(/^[A-Z][A-Za-z]*$/u, 'must be an Office.js pattern name such as Solid'),
  ),
  patternColor: v.optional(hexColour),
});

/** The entry-sheet schema (core/schema/entry-sheet.json). */
export const schemaShape = obj({
  version: num,
  sheetName: str,
  title: text2,
  headerMatchThreshold: v.pipe(
    v.number('must be a number in (0, 1]'),
    v.gtValue(0, 'must be a number in (0, 1]'),
    v.maxValue(1, 'must be a number in (0, 1]'),
  ),
  headerSearchRows: count,
  decisions: strList,
  types: each(FIELD_TYPES, typeSpec),
  numbers: obj({
    zeroWords: strList,
    approxPrefixes: strList,
    approxSuffixes: strList,
    excelErrors: strList,
    chineseNumeralMax: num,
  }),
  yesno: obj({ 是: strList, 否: strList }),
  /** `footer`: words that start a note or signature row under the table (注：…, 填表人：…). */
  specialRows: obj({
    level: strList,
    total: strList,
    footer: strList,
    /** Words that end a subtotal row's label (小计, 片区小计, 东片小计 …). */
    subtotal: optional(strList),
    /** Words that end a 片区 label row's text (东片区, 二片 …): a row with only that label is not a village. */
    area: optional(strList),
  }),
  /** Multi-row headers (entry-sheet §1): group words stripped from a group cell before it is combined with its sub-header, and the units a units row under the header may hold. */
  headerRows: optional(obj({ groupSuffixes: strList, units: strList })),
  /** Headers that are not a column but look like one (培训人数 next to a missing 培训人次): one message linking them. */
  headerHints: optional(v.array(obj({ written: strList, column: str }), 'must be a list')),
  /** Where a sheet's year was read, for E_YEAR_MISMATCH ({cell}), and the sheet label ({sheet}). */
  yearSources: optional(each(['metadata', 'title', 'fileName', 'sheet'] as const, text2)),
  metadata: v.array(
    obj({ id: oneOf(METADATA_IDS), key: str, aliases: strList, personal: optional(v.boolean()) }),
    'must be a list',
  ),
  township: obj({ stripSuffixes: strList, levelSuffixes: strList }),
  registry: obj({
    townshipHeader: strList,
    villageHeader: strList,
    aliasHeader: strList,
    aliasSeparators: strList,
    /** Messages of an invalid registry file (not findings: the run stops with exit 2). */
    messages: each(REGISTRY_MESSAGE_IDS, text2),
  }),
  columns: v.pipe(v.array(columnSpec, 'must be a list'), v.nonEmpty('must be a non-empty list')),
  rowRules: v.array(rowRuleShape, 'must be a list'),
  /** summary.json's cadres.<id> over village rows and rates.<id> (core/figures/ lists them with the totals; loadSchema checks the fields). */
  figures: obj({
    cadres: v.record(v.string(), figureSpec, 'must be an object of figure id → figure'),
    rates: v.array(rateSpec, 'must be a list'),
  }),
  findings: v.record(
    v.string(),
    obj({ severity: oneOf(['error', 'warning']), zh: str, en: str }),
    'must be an object of code → { severity, zh, en }',
  ),
  /** Resource caps of reading a township file (readers/, intake) and the wording of W_SHEET_CHOSEN's reasons. */
  limits: obj({
    maxFileBytes: count,
    maxInflatedBytes: count,
    maxRows: count,
    maxCells: count,
    maxFindingsPerFile: count,
    sheetReasons: each(['year', 'active', 'first'] as const, text2),
  }),
  suggestionText: text2,
  ui: obj({
    redacted: text,
    /** The marks of a finding's cell by severity (add-in and 标注版): colour #RRGGBB, Office.js pattern name, optional stripe colour. */
    markFills: each(['error', 'warning'] as const, markFill),
    /** Wording of the 标注版 (workbook/markWorkbook.ts); `title` has {file} {errors} {warnings}. */
    markCopy: each(
      [
        'sheet',
        'title',
        'row',
        'cell',
        'severity',
        'message',
        'suggestion',
        'code',
        'error',
        'warning',
        'wholeFile',
        'commentHeading',
        'fileSuffix',
      ] as const,
      text2,
    ),
  }),
  /** Fields whose finding values are redacted outside the roster, and the codes exempt (sums, not entries). */
  privacy: obj({ findingValueFields: v.array(str), keepValueCodes: v.array(code) }),
  /** Wording of the entry-sheet template that is neither a header nor a finding. */
  template: templateText,
});

export type SchemaShape = v.InferOutput<typeof schemaShape>;
