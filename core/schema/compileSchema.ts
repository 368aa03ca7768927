/** Lookup tables derived once per schema (normalized headers, synonyms, units), so per-cell work is Map lookups. */
import type { ColumnCheckDef } from '../checks';
import { columnCheckOf } from '../checks';
import { normalizeHeader } from '../normalize/normalizeText';
import type { ColumnParser } from '../normalize/parseCell';
import { columnParser, sharedCacheFor } from '../normalize/parseCell';
import type { ColumnCheck, ColumnSpec, FieldType, MetadataKey, Schema } from '../types';

/** A schema with its lookup tables. */
export interface CompiledSchema {
  schema: Schema;
  columnsById: Map<string, ColumnSpec>;
  /** Normalized header or alias → column id. */
  headerLookup: Map<string, string>;
  /** Metadata keys and aliases, normalized, longest first (so 统计年度 wins over 年度). */
  metadataKeys: { text: string; key: MetadataKey }[];
  levelWords: Set<string>;
  totalWords: Set<string>;
  /** Words that end a 小计 label (normalized, longest first). */
  subtotalWords: string[];
  /** Words that end a 片区 label (normalized, longest first). */
  areaWords: string[];
  /** Char code → whether it can end a 片区 word (filled as met). */
  areaTail: Map<number, boolean>;
  /** Group-cell endings dropped before combining with a sub-header (情况 …), normalized, longest first. */
  groupSuffixes: string[];
  /** Words a units row under the header holds (normalized, brackets dropped). */
  unitWords: Set<string>;
  /** Normalized header that is not a column but hints at one (培训人数 → trainingAttendance). */
  headerHints: Map<string, string>;
  /** Words that start a footer row under the table (注, 填表人 …), normalized. */
  footerWords: string[];
  /** Char code → whether it can end a 本级/合计 cell (its normalized form ends a special word, or is ':'); filled as met. */
  specialTail: Map<number, boolean>;
  /** Normalized, lower-cased yes/no words → 是/否. */
  yesno: Map<string, string>;
  /** Per enum column: normalized, lower-cased value or synonym → canonical value. */
  enumLookup: Map<string, Map<string, string>>;
  /** Per numeric type: unit suffixes, folded, longest first. */
  units: Record<FieldType, string[]>;
  tenThousandUnits: Record<FieldType, string[]>;
  /** Per numeric type: the largest plausible cell value (types.*.max, else Number.MAX_SAFE_INTEGER). */
  numberMax: Record<FieldType, number>;
  zeroWords: Set<string>;
  approxPrefixes: string[];
  approxSuffixes: string[];
  excelErrors: Set<string>;
  /** Summed columns (count/money with sum: true), in schema order. */
  sumColumns: ColumnSpec[];
  /** Header of a column id (the id itself when unknown). */
  header: (field: string) => string;
  /** Per column id: its checks with their definitions. */
  columnChecks: Map<string, readonly ColumnCheckWith[]>;
  /** The parser of a column: the schema's own made with the schema, any other on first need. */
  parserOf: (column: ColumnSpec) => ColumnParser;
}

/** A column check entry with its definition. */
export interface ColumnCheckWith {
  spec: ColumnCheck;
  def: ColumnCheckDef<ColumnCheck>;
}

const compiled = new WeakMap<Schema, CompiledSchema>();

const byLengthDesc = (a: string, b: string): number =>
  b.length - a.length || (a < b ? -1 : a > b ? 1 : 0);

/** The compiled form of a (validated) schema, cached per schema object. */
export function compileSchema(schema: Schema): CompiledSchema {
  const hit = compiled.get(schema);
  if (hit) return hit;
  const columnsById = new Map(schema.columns.map((c) => [c.id, c]));
  const headerLookup = new Map<string, string>();
  for (const c of schema.columns)
    for (const h of [c.header, ...c.aliases]) {
      const key = normalizeHeader(h);
      if (!headerLookup.has(key)) headerLookup.set(key, c.id);
    }
  const metadataKeys = schema.metadata
    .flatMap((key) => [key.key, ...key.aliases].map((t) => ({ text: normalizeHeader(t), key })))
    .sort((a, b) => byLengthDesc(a.text, b.text));
  const yesno = new Map<string, string>();
  for (const canonical of ['是', '否'] as const)
    for (const w of [canonical, ...schema.yesno[canonical]])
      yesno.set(normalizeHeader(w), canonical);
  const enumLookup = new Map<string, Map<string, string>>();
  for (const c of schema.columns) {
    if (c.type !== 'enum' || !c.enum) continue;
    const m = new Map<string, string>();
    for (const v of c.enum) m.set(normalizeHeader(v), v);
    for (const [v, words] of Object.entries(c.synonyms ?? {}))
      for (const w of words) if (!m.has(normalizeHeader(w))) m.set(normalizeHeader(w), v);
    enumLookup.set(c.id, m);
  }
  const fold = (list: string[] | undefined): string[] =>
    (list ?? []).map((u) => normalizeHeader(u)).sort(byLengthDesc);
  const types = Object.keys(schema.types) as FieldType[];
  const units = Object.fromEntries(types.map((t) => [t, fold(schema.types[t].units)])) as Record<
    FieldType,
    string[]
  >;
  const tenThousandUnits = Object.fromEntries(
    types.map((t) => [t, fold(schema.types[t].tenThousandUnits)]),
  ) as Record<FieldType, string[]>;
  const numberMax = Object.fromEntries(
    types.map((t) => [t, schema.types[t].max ?? Number.MAX_SAFE_INTEGER]),
  ) as Record<FieldType, number>;
  const sharedCaches = new Map(types.map((t) => [t, sharedCacheFor(t)]));
  const newParser = (c: ColumnSpec): ColumnParser =>
    columnParser(c, numberMax[c.type], sharedCaches.get(c.type) ?? null);
  const parsers = new Map(schema.columns.map((c) => [c, newParser(c)]));
  const result: CompiledSchema = {
    schema,
    columnsById,
    headerLookup,
    metadataKeys,
    levelWords: new Set(schema.specialRows.level.map(normalizeHeader)),
    totalWords: new Set(schema.specialRows.total.map(normalizeHeader)),
    subtotalWords: fold(schema.specialRows.subtotal),
    areaWords: fold(schema.specialRows.area),
    areaTail: new Map(),
    groupSuffixes: fold(schema.headerRows?.groupSuffixes),
    // A units row may hold the header units and any unit a number may carry (types.*.units).
    unitWords: new Set(
      [
        ...(schema.headerRows?.units ?? []),
        ...types.flatMap((t) => [
          ...(schema.types[t].units ?? []),
          ...(schema.types[t].tenThousandUnits ?? []),
        ]),
      ].map((u) => normalizeHeader(u)),
    ),
    headerHints: new Map(
      (schema.headerHints ?? []).flatMap((h) =>
        h.written.map((w) => [normalizeHeader(w), h.column]),
      ),
    ),
    footerWords: schema.specialRows.footer.map(normalizeHeader).filter((w) => w !== ''),
    specialTail: new Map(),
    yesno,
    enumLookup,
    units,
    tenThousandUnits,
    numberMax,
    zeroWords: new Set(schema.numbers.zeroWords.map(normalizeHeader)),
    approxPrefixes: fold(schema.numbers.approxPrefixes),
    approxSuffixes: fold(schema.numbers.approxSuffixes),
    excelErrors: new Set(schema.numbers.excelErrors.map((e) => e.toUpperCase())),
    sumColumns: schema.columns.filter(
      (c) => c.sum === true && (c.type === 'count' || c.type === 'money'),
    ),
    header: (field) => columnsById.get(field)?.header ?? field,
    columnChecks: new Map(
      schema.columns.map((c) => [
        c.id,
        (c.checks ?? []).map((check) => ({ spec: check, def: columnCheckOf(check) })),
      ]),
    ),
    parserOf: (column) => {
      let parser = parsers.get(column);
      if (!parser) parsers.set(column, (parser = newParser(column)));
      return parser;
    },
  };
  compiled.set(schema, result);
  return result;
}
