/** The per-township table of the report and the draft, ranked, as formatted text cells (pure). */
import type { SummaryJson, TownshipSummary } from '../aggregate/summaryTypes';
import layout from '../presentation/reportLayout.json';
import type { Lang } from '../../core/types';
import { fieldLabel } from '../presentation/fieldLabel';
import { formatCount, formatPercent } from '../presentation/formatNumber';
import { phrasesFor } from '../presentation/phrases';
import { fillText } from '../../core/text/fillText';
import { formatTotal } from './reportValues';

/** Header, body rows (ranked, at most `reportLayout.tableMaxRows`), the county row, and which columns hold numbers (right-aligned). */
export interface TownshipTable {
  header: string[];
  rows: string[][];
  total: string[];
  numeric: boolean[];
  /** Townships left out of `rows` (beyond the top tableMaxRows); 0 when all are shown. */
  omitted: number;
  /** The line that says where the omitted townships are ("其余 N 个乡镇（街道）见 …"); '' when none are. */
  moreNote: string;
  /** The caption above the table (says "top N" when some are omitted). */
  caption: string;
}

/**
 * Builds the table: townships by `reportLayout.tableSortBy`, highest first, with their rank; only the
 * top `maxRows` are formatted (O(n log n) overall, so a nation-sized batch stays cheap).
 */
export function buildTownshipTable(
  summary: SummaryJson,
  lang: Lang,
  maxRows: number = layout.tableMaxRows,
): TownshipTable {
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
  const shown = sorted.slice(0, Math.max(0, maxRows));
  const ranks = competitionRanks(shown.map(value));
  const rows = shown.map((t, i) => [
    String(t.ranks?.[sortBy] ?? ranks[i] ?? i + 1),
    t.township,
    formatCount(t.villages, p.number),
    ...cells(t.totals, t.rates),
  ]);
  const omitted = sorted.length - shown.length;
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
    omitted,
    moreNote: omitted === 0 ? '' : fillText(p.table.more, { n: formatCount(omitted, p.number) }),
    caption:
      omitted === 0
        ? p.table.caption
        : fillText(p.table.topCaption, { top: formatCount(shown.length, p.number) }),
  };
}

/**
 * Competition ranks of values sorted highest first (ties share a rank: 1, 2, 2, 4). The values are a
 * prefix of the full ranking, so the ranks are the same as over all townships.
 */
function competitionRanks(sortedDesc: readonly number[]): number[] {
  const ranks: number[] = [];
  sortedDesc.forEach((v, i) => {
    const prev = ranks[i - 1];
    ranks.push(i > 0 && prev !== undefined && sortedDesc[i - 1] === v ? prev : i + 1);
  });
  return ranks;
}

/** Code-point order, as summary.json sorts townships (locale-independent, so output is reproducible). */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
