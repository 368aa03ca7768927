/** The pane's pure parts: findings grouped for the list, fix values, the totals table. */
import type { SheetSummary } from '../../core/summarizeSheet';
import type { Finding, Normalization, Schema, Severity } from '../../core/types';
import { t, type PaneLang } from '../i18n';

/** A finding as the list shows it. */
export interface ListedFinding {
  /** Index in the pass's findings (stable key for ticks). */
  index: number;
  finding: Finding;
  message: string;
}

/** Findings of one spreadsheet row (row null: about the whole sheet). */
export interface FindingGroup {
  row: number | null;
  errors: number;
  warnings: number;
  items: ListedFinding[];
}

/** Which findings the list shows. */
export type FindingFilter = 'all' | Severity;

/** Groups findings by row (sheet-level first, then rows in order); keeps the core's order within a row. */
export function groupFindings(
  findings: readonly Finding[],
  messageOf: (f: Finding) => string,
): FindingGroup[] {
  const groups = new Map<number | null, FindingGroup>();
  findings.forEach((finding, index) => {
    const row = finding.row;
    let g = groups.get(row);
    if (!g) {
      g = { row, errors: 0, warnings: 0, items: [] };
      groups.set(row, g);
    }
    if (finding.severity === 'error') g.errors++;
    else g.warnings++;
    g.items.push({ index, finding, message: messageOf(finding) });
  });
  return [...groups.values()].sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
}

/** Error and warning counts of a pass. */
export function countFindings(findings: readonly Finding[]): { errors: number; warnings: number } {
  const errors = findings.filter((f) => f.severity === 'error').length;
  return { errors, warnings: findings.length - errors };
}

/** Whether a finding passes the filter. */
export function matchesFilter(finding: Pick<Finding, 'severity'>, filter: FindingFilter): boolean {
  return filter === 'all' || finding.severity === filter;
}

/** A fix offered in the list: the finding or normalization it comes from, old and new value. */
export interface FixOffer {
  key: string;
  cell: string;
  field: string | null;
  oldValue: string | null;
  suggestion: string;
}

/** The fixes a pass offers: every finding and silent normalization with a cell and a suggestion. */
export function fixOffers(
  findings: readonly Finding[],
  normalized: readonly Normalization[],
): FixOffer[] {
  const out: FixOffer[] = [];
  findings.forEach((f, i) => {
    if (
      f.cell &&
      f.suggestion !== null &&
      f.suggestion !== '' &&
      f.value !== null &&
      f.value !== '[redacted]'
    ) {
      out.push({
        key: `f${i}`,
        cell: f.cell,
        field: f.field,
        oldValue: f.value,
        suggestion: f.suggestion,
      });
    }
  });
  normalized.forEach((n, i) =>
    out.push({
      key: `n${i}`,
      cell: n.cell,
      field: n.field,
      oldValue: n.value,
      suggestion: n.suggestion,
    }),
  );
  return out;
}

/** The value to write for a suggestion: a number in count/money/integer columns (so Excel stores a number), else text. */
export function fixValue(offer: FixOffer, schema: Schema): string | number {
  const type = schema.columns.find((c) => c.id === offer.field)?.type;
  if (type === 'count' || type === 'money' || type === 'integer') {
    const n = Number(offer.suggestion);
    if (offer.suggestion.trim() !== '' && Number.isFinite(n)) return n;
  }
  return offer.suggestion;
}

/** One line of the totals table. */
export interface TotalsLine {
  label: string;
  value: string;
}

/** The 本表合计 table: villages, every summed column under its schema header, then the rates as %. */
export function totalsLines(
  summary: SheetSummary,
  schema: Schema,
  lang: PaneLang,
): { totals: TotalsLine[]; rates: TotalsLine[] } {
  const totals: TotalsLine[] = [
    { label: t(lang, 'totalsVillages'), value: String(summary.villages) },
  ];
  for (const c of schema.columns) {
    const v = summary.totals[c.id];
    if (c.sum === true && v !== undefined)
      totals.push({ label: c.header, value: formatNumber(v, c.type === 'money') });
  }
  const rates = schema.figures.rates.map((r) => {
    const v = summary.rates[r.id];
    return {
      label: lang === 'en' ? r.en : r.zh,
      value: v === null || v === undefined ? '—' : `${(v * 100).toFixed(1)}%`,
    };
  });
  return { totals, rates };
}

function formatNumber(v: number, money: boolean): string {
  return money
    ? v.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })
    : v.toLocaleString('en-US');
}
