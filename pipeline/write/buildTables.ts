/** The four output tables (汇总, 分乡镇, 村级明细, 问题清单) from summary.json and the accepted rows. Pure: writers do the I/O. */
import { listFigures } from '../../core/figures';
import { fillText } from '../../core/text/fillText';
import type { ColumnSpec, Schema } from '../../core/types';
import type { SummaryJson, TownshipSummary } from '../aggregate/summaryTypes';
import reportLayout from '../presentation/reportLayout.json';
import type { CompactSheet, FieldLayout } from '../../intake/compactSheet';
import { compareCodePoints } from '../../intake/compareCodePoints';
import { LABELS } from './mergeText';
import type { CellKind, OutputTable, TableCell, TableColumn } from './outputTable';

const kindOf = (c: ColumnSpec): CellKind =>
  c.type === 'money'
    ? 'money'
    : c.type === 'count'
      ? 'count'
      : c.type === 'integer'
        ? 'integer'
        : 'text';
const summedColumns = (schema: Schema, summary: SummaryJson): ColumnSpec[] =>
  schema.columns.filter((c) => c.id in summary.totals);

/** What the 汇总 sheet says besides the figures: the run's date for its title row. */
export interface SummaryTableOptions {
  /** 生成日期 in the title row (e.g. "2026年1月15日"); left out when absent. */
  date?: string;
}

/**
 * 汇总: a title row (county, year, generated date), then one indicator per row: value, and the change
 * against last year when --previous was given — over the townships present in both years when last
 * year's summary has them per township (the basis and the townships left out are stated in rows),
 * rate changes in 个百分点.
 */
export function buildSummaryTable(
  summary: SummaryJson,
  schema: Schema,
  options: SummaryTableOptions = {},
): OutputTable {
  const withChange = summary.previous !== null;
  const comparable = summary.previous?.comparable;
  const change = comparable?.change ?? summary.previous?.change;
  const columns: TableColumn[] = [
    { label: LABELS.indicator, kind: 'text', width: 32 },
    { label: LABELS.amount, kind: 'decimal', width: 16 },
    ...(withChange
      ? [
          {
            label: comparable ? LABELS.changeComparable : LABELS.change,
            kind: 'decimal' as const,
            width: 18,
          },
        ]
      : []),
  ];
  const rows: TableCell[][] = [];
  const add = (label: string, value: TableCell, delta: TableCell = null): void => {
    rows.push(withChange ? [label, value, delta] : [label, value]);
  };
  const list = (names: readonly string[]): string => names.join('、');
  add(LABELS.county, summary.county);
  add(LABELS.year, summary.year === null ? null : { value: summary.year, kind: 'integer' });
  const count = (n: number): TableCell => ({ value: n, kind: 'count' });
  const t = summary.townships;
  add(LABELS.expected, count(t.expected));
  add(LABELS.accepted, count(t.accepted.length));
  add(LABELS.rejected, count(t.rejected.length));
  if (t.rejected.length > 0)
    add(
      LABELS.rejectedList,
      list([...new Set(t.rejected.map((r) => r.township ?? `${LABELS.file}《${r.file}》`))]),
    );
  add(LABELS.missing, count(t.missing.length));
  if (t.missing.length > 0) {
    const misnamed = new Map((t.misnamed ?? []).map((m) => [m.township, m]));
    add(
      LABELS.missingList,
      list(
        t.missing.map((name) => {
          const m = misnamed.get(name);
          return m === undefined
            ? name
            : `${name}（${LABELS.misnamedPrefix}《${m.file}》${LABELS.misnamedSuffix}）`;
        }),
      ),
    );
  }
  if (comparable) {
    add(LABELS.comparableTownships, count(comparable.townships));
    if (comparable.onlyLastYear.length > 0) add(LABELS.onlyLastYear, list(comparable.onlyLastYear));
    if (comparable.onlyThisYear.length > 0) add(LABELS.onlyThisYear, list(comparable.onlyThisYear));
  }
  add(LABELS.villages, count(summary.villages));
  for (const c of summedColumns(schema, summary)) {
    const kind = kindOf(c);
    const delta = change?.totals[c.id];
    add(
      c.header,
      { value: summary.totals[c.id] ?? null, kind },
      delta === undefined
        ? null
        : { value: delta, kind: kind === 'money' ? 'moneyChange' : 'countChange' },
    );
  }
  for (const r of schema.figures.rates) {
    const delta = change?.rates[r.id];
    add(
      r.zh,
      { value: summary.rates[r.id] ?? null, kind: 'rate' },
      // Percentage points, as a number of points (4.7), so the cell reads "4.7 个百分点", never "4.7%".
      delta === undefined || delta === null ? null : { value: delta * 100, kind: 'points' },
    );
  }
  // The cadre figures in schema order (figures.cadres), each labelled by its zh.
  const cadres: Readonly<Record<string, number | Record<string, number>>> = summary.cadres;
  for (const f of listFigures(schema).cadres) {
    const value = cadres[f.id];
    if (f.kind === 'bands')
      for (const b of f.bands)
        add(
          fillText(f.zh, { band: b.id }),
          count(typeof value === 'object' ? (value[b.id] ?? 0) : 0),
        );
    else if (typeof value === 'number')
      add(f.zh, {
        value,
        kind: f.kind !== 'count' && f.money ? 'money' : f.kind === 'mean' ? 'decimal' : 'count',
      });
  }
  const title = [
    `${summary.county ?? ''}${summary.year === null ? '' : `${summary.year}${LABELS.titleYear}`}${LABELS.titleSummary}`,
    options.date === undefined ? '' : `${LABELS.generated}${options.date}`,
  ]
    .filter((x) => x !== '')
    .join('　');
  return { sheet: LABELS.sheetSummary, columns, rows: () => rows, title };
}

/**
 * 分乡镇 / townships.csv: per accepted township its villages, every total and rate, each followed by
 * its rank; townships in `order` (the registry's order) when given, else by rank of the report's sort
 * total (reportLayout.tableSortBy) — the rank ties broken by name; a last 全县 row.
 */
export function buildTownshipsTable(
  summary: SummaryJson,
  schema: Schema,
  order: readonly string[] | null = null,
): OutputTable {
  const totals = summedColumns(schema, summary);
  const columns: TableColumn[] = [
    { label: LABELS.township, kind: 'text', width: 14 },
    { label: LABELS.villages, kind: 'count', width: 8 },
  ];
  for (const c of totals)
    columns.push(
      { label: c.header, kind: kindOf(c), width: Math.max(c.width ?? 10, 10) },
      { label: `${c.header}${LABELS.rank}`, kind: 'count', width: 6 },
    );
  for (const r of schema.figures.rates)
    columns.push(
      { label: r.zh, kind: 'rate', width: 10 },
      { label: `${r.zh}${LABELS.rank}`, kind: 'count', width: 6 },
    );
  const position = new Map((order ?? []).map((name, i) => [name, i]));
  const sortBy = reportLayout.tableSortBy;
  // Rank order of the sort total = its value, highest first (ties share a rank and go by name).
  const valueOf = (t: TownshipSummary): number => t.totals[sortBy] ?? 0;
  const ordered = [...summary.byTownship].sort(
    (a, b) =>
      (position.get(a.township) ?? Number.MAX_SAFE_INTEGER) -
        (position.get(b.township) ?? Number.MAX_SAFE_INTEGER) ||
      (position.size > 0 ? 0 : valueOf(b) - valueOf(a)) ||
      compareCodePoints(a.township, b.township),
  );
  // Generated on demand (once per writer), not stored: 40,000 townships × 66 cells add up.
  function* rows(): Iterable<TableCell[]> {
    for (const t of ordered) {
      const row: TableCell[] = [t.township, t.villages];
      for (const c of totals) row.push(t.totals[c.id] ?? null, t.ranks?.[c.id] ?? null);
      for (const r of schema.figures.rates)
        row.push(t.rates[r.id] ?? null, t.ranks?.[r.id] ?? null);
      yield row;
    }
    const county: TableCell[] = [LABELS.countyRow, summary.villages];
    for (const c of totals) county.push(summary.totals[c.id] ?? null, null);
    for (const r of schema.figures.rates) county.push(summary.rates[r.id] ?? null, null);
    yield county;
  }
  return { sheet: LABELS.sheetTownships, columns, rows, freezeColumns: 1 };
}

/** 村级明细 / villages.csv: every accepted data row (本级 rows marked), with the personal columns — the only place they appear. */
export function buildVillagesTable(
  sheets: readonly CompactSheet[],
  layout: FieldLayout,
  schema: Schema,
): OutputTable {
  const slots = schema.columns
    .filter((c) => c.id !== 'seq')
    .map((c) => {
      const n = layout.numeric.findIndex((x) => x.id === c.id);
      if (n >= 0)
        return {
          column: c,
          get: (s: CompactSheet, r: number): TableCell => numberAt(s, r, n, layout, c),
        };
      const k = layout.coded.findIndex((x) => x.column.id === c.id);
      if (k >= 0) {
        const choices = layout.coded[k]!.choices;
        return {
          column: c,
          get: (s: CompactSheet, r: number): TableCell =>
            choices[s.codes[r * layout.coded.length + k]! - 1] ?? null,
        };
      }
      const t = layout.text.findIndex((x) => x.id === c.id);
      return {
        column: c,
        get: (s: CompactSheet, r: number): TableCell => s.texts[r * layout.text.length + t] ?? null,
      };
    });
  const columns: TableColumn[] = [
    { label: LABELS.township, kind: 'text', width: 14 },
    { label: LABELS.rowKind, kind: 'text', width: 10 },
    ...slots.map(({ column }) => ({
      label: column.header,
      kind: kindOf(column),
      width: column.width ?? 10,
    })),
    { label: LABELS.reporter, kind: 'text', width: 10 },
    { label: LABELS.phone, kind: 'text', width: 14 },
    { label: LABELS.file, kind: 'text', width: 24 },
    { label: LABELS.sourceRow, kind: 'integer', width: 6 },
  ];
  const ordered = [...sheets].sort((a, b) => compareCodePoints(a.township, b.township));
  const n = slots.length;
  function* rows(): Iterable<TableCell[]> {
    for (const s of ordered)
      for (let r = 0; r < s.rowCount; r++) {
        // One array per row, filled in place (no spread of a mapped array: 600,000 rows).
        const row = new Array<TableCell>(n + 6);
        row[0] = s.township;
        row[1] = s.isLevel[r] === 1 ? LABELS.rowKindLevel : LABELS.rowKindVillage;
        for (let i = 0; i < n; i++) row[i + 2] = slots[i]!.get(s, r);
        row[n + 2] = s.reporter;
        row[n + 3] = s.phone;
        row[n + 4] = s.file;
        row[n + 5] = s.sourceRows[r]!;
        yield row;
      }
  }
  return { sheet: LABELS.sheetVillages, columns, rows, freezeColumns: 3 };
}

/** A numeric cell of the roster (money back from cents; blank stays blank). */
function numberAt(
  s: CompactSheet,
  r: number,
  n: number,
  layout: FieldLayout,
  c: ColumnSpec,
): TableCell {
  const x = s.numbers[r * layout.numeric.length + n]!;
  if (Number.isNaN(x)) return null;
  return c.type === 'money' ? x / 100 : x;
}

/** 问题清单 / findings.csv: every finding of summary.json (no personal values: they were redacted there). */
export function buildFindingsTable(summary: SummaryJson, schema: Schema): OutputTable {
  const headers = new Map(schema.columns.map((c) => [c.id, c.header]));
  // Printed: what a person needs to fix the sheet (the cell says where; row and column numbers,
  // the English message and the code are for machines and come last, outside the print area).
  const columns: TableColumn[] = [
    { label: LABELS.file, kind: 'text', width: 16, wrap: true },
    { label: LABELS.township, kind: 'text', width: 10 },
    { label: LABELS.severity, kind: 'text', width: 6 },
    { label: LABELS.cell, kind: 'text', width: 8 },
    { label: LABELS.field, kind: 'text', width: 14, wrap: true },
    { label: LABELS.value, kind: 'text', width: 12, wrap: true },
    { label: LABELS.suggestion, kind: 'text', width: 8 },
    { label: LABELS.messageZh, kind: 'text', width: 40, wrap: true },
    { label: LABELS.row, kind: 'integer', width: 6 },
    { label: LABELS.column, kind: 'integer', width: 6 },
    { label: LABELS.messageEn, kind: 'text', width: 60 },
    { label: LABELS.code, kind: 'text', width: 24 },
  ];
  const toRow = (f: SummaryJson['findings'][number]): TableCell[] => [
    f.file,
    f.township,
    f.severity === 'error' ? LABELS.severityError : LABELS.severityWarning,
    f.cell,
    f.field === null ? null : (headers.get(f.field) ?? f.field),
    f.value,
    f.suggestion,
    f.message_zh,
    f.row,
    f.column,
    f.message_en,
    f.code,
  ];
  function* rows(): Iterable<TableCell[]> {
    for (const f of summary.findings) yield toRow(f);
  }
  return { sheet: LABELS.sheetFindings, columns, rows, freezeColumns: 1, printColumns: 8 };
}
