/** The per-township table of the report and the draft, ranked, as formatted text cells (pure). */
import type { SummaryJson, TownshipSummary } from '../summaryTypes';
import layout from './reportLayout.json';
import { fieldLabel, type Lang } from './fieldLabel';
import { formatCount, formatPercent } from './formatNumber';
import { phrasesFor } from './phrases';
import { formatTotal } from './reportValues';

/** Header, body rows (ranked), the county row, and which columns hold numbers (right-aligned). */
export interface TownshipTable {
  header: string[];
  rows: string[][];
  total: string[];
  numeric: boolean[];
}

/** Builds the table: townships by `reportLayout.tableSortBy`, highest first, with their rank. */
export function buildTownshipTable(summary: SummaryJson, lang: Lang): TownshipTable {
  const p = phrasesFor(lang);
  const sortBy = layout.tableSortBy;
  const value = (t: TownshipSummary): number => t.totals[sortBy] ?? 0;
  const sorted = [...summary.byTownship].sort(
    (a, b) => value(b) - value(a) || compareText(a.township, b.township),
  );
  const cells = (totals: Record<string, number>, rates: Record<string, number | null>): string[] =>
    layout.tableColumns.map((id) =>
      id in summary.rates
        ? formatPercent(rates[id] ?? null, p.number, p.noValue)
        : formatTotal(id, totals[id] ?? 0, p),
    );
  const rows = sorted.map((t) => [
    String(t.ranks?.[sortBy] ?? competitionRank(sorted.map(value), value(t))),
    t.township,
    formatCount(t.villages, p.number),
    ...cells(t.totals, t.rates),
  ]);
  return {
    header: [
      p.table.rank,
      p.table.township,
      p.table.villages,
      ...layout.tableColumns.map((id) => fieldLabel(id, lang)),
    ],
    rows,
    total: [
      '',
      p.table.total,
      formatCount(summary.villages, p.number),
      ...cells(summary.totals, summary.rates),
    ],
    numeric: [true, false, true, ...layout.tableColumns.map(() => true)],
  };
}

/** 1 + the number of values strictly greater (ties share a rank: 1, 2, 2, 4). */
function competitionRank(values: readonly number[], v: number): number {
  return 1 + values.filter((x) => x > v).length;
}

/** Code-point order, as summary.json sorts townships (locale-independent, so output is reproducible). */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
