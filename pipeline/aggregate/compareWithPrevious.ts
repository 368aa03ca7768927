/** The change against the previous year's summary.json (`--previous`). Pure. */
import type { RateSpec } from '../../core/types';
import type { Comparable, SummaryJson } from './summaryTypes';
import { compareCodePoints } from '../../intake/compareCodePoints';

/** Rounds a money change to 2 decimals (plain Math.round: core's round2 adds an epsilon, the contract's changes do not). */
export function round2(x: number): number {
  return Math.round(x * 100) / 100;
}

/** A township's figures as either year's summary.json holds them (what the like-for-like comparison reads). */
export interface TownshipFigures {
  township: string;
  villages: number;
  totals: Record<string, number>;
  rates: Record<string, number | null>;
}

/** What the comparison needs of the previous summary (checked when read); `byTownship` when it has one. */
export type PreviousSummary = Pick<SummaryJson, 'year' | 'totals' | 'rates'> & {
  byTownship?: TownshipFigures[];
};

/** The current year's side: county totals and rates, and per township when a like-for-like comparison is wanted. */
export interface CurrentFigures {
  totals: Record<string, number>;
  rates: Record<string, number | null>;
  byTownship?: readonly TownshipFigures[];
}

/**
 * Change per total (current − previous; money kept to 2 decimals; totals the previous year
 * lacks are left out) and per rate (difference in fraction points, null when either is null,
 * not rounded). When both years have per-township figures (and `rateSpecs` are given), also the
 * like-for-like change over the townships present in both years (`comparable`).
 */
export function compareWithPrevious(
  current: CurrentFigures,
  previous: PreviousSummary,
  moneyIds: ReadonlySet<string>,
  rateSpecs: readonly RateSpec[] = [],
): NonNullable<SummaryJson['previous']> {
  const change = difference(current, previous, moneyIds);
  const comparable =
    current.byTownship !== undefined && previous.byTownship !== undefined && rateSpecs.length > 0
      ? compareTownships(current.byTownship, previous.byTownship, moneyIds, rateSpecs)
      : undefined;
  return comparable === undefined
    ? { year: previous.year, change }
    : { year: previous.year, change, comparable };
}

function difference(
  current: { totals: Record<string, number>; rates: Record<string, number | null> },
  previous: { totals: Record<string, number>; rates: Record<string, number | null> },
  moneyIds: ReadonlySet<string>,
): { totals: Record<string, number>; rates: Record<string, number | null> } {
  const totals: Record<string, number> = {};
  for (const [id, value] of Object.entries(current.totals)) {
    const before = previous.totals[id];
    if (typeof before !== 'number') continue;
    totals[id] = moneyIds.has(id) ? round2(value - before) : value - before;
  }
  const rates: Record<string, number | null> = {};
  for (const [id, value] of Object.entries(current.rates)) {
    const before = previous.rates[id];
    rates[id] = value === null || typeof before !== 'number' ? null : value - before;
  }
  return { totals, rates };
}

/** Totals and rates of the townships present in both years, each year over those townships only. */
function compareTownships(
  now: readonly TownshipFigures[],
  before: readonly TownshipFigures[],
  moneyIds: ReadonlySet<string>,
  rateSpecs: readonly RateSpec[],
): Comparable {
  const nowNames = new Set(now.map((t) => t.township));
  const beforeNames = new Set(before.map((t) => t.township));
  const both = (t: TownshipFigures, other: ReadonlySet<string>): boolean => other.has(t.township);
  const current = figuresOf(
    now.filter((t) => both(t, beforeNames)),
    moneyIds,
    rateSpecs,
  );
  const previous = figuresOf(
    before.filter((t) => both(t, nowNames)),
    moneyIds,
    rateSpecs,
  );
  const names = (xs: readonly TownshipFigures[], other: ReadonlySet<string>): string[] =>
    xs
      .filter((t) => !other.has(t.township))
      .map((t) => t.township)
      .sort(compareCodePoints);
  return {
    townships: now.filter((t) => both(t, beforeNames)).length,
    villages: { current: current.villages, previous: previous.villages },
    onlyLastYear: names(before, nowNames),
    onlyThisYear: names(now, beforeNames),
    previous: { totals: previous.totals, rates: previous.rates },
    change: difference(current, previous, moneyIds),
  };
}

/**
 * Sums and rates over some townships. A rate over villages is rebuilt from each township's rate and
 * village count (its numerator is a whole number of villages); a rate of two totals from the sums.
 */
function figuresOf(
  townships: readonly TownshipFigures[],
  moneyIds: ReadonlySet<string>,
  rateSpecs: readonly RateSpec[],
): { villages: number; totals: Record<string, number>; rates: Record<string, number | null> } {
  const totals: Record<string, number> = {};
  let villages = 0;
  for (const t of townships) {
    villages += t.villages;
    for (const [id, value] of Object.entries(t.totals)) totals[id] = (totals[id] ?? 0) + value;
  }
  for (const id of Object.keys(totals)) if (moneyIds.has(id)) totals[id] = round2(totals[id]!);
  const rates: Record<string, number | null> = {};
  for (const spec of rateSpecs) {
    if (spec.denominator === 'villages') {
      let part = 0;
      let whole = 0;
      for (const t of townships) {
        const r = t.rates[spec.id];
        if (typeof r !== 'number') continue;
        part += Math.round(r * t.villages);
        whole += t.villages;
      }
      rates[spec.id] = whole === 0 ? null : part / whole;
    } else {
      const num = 'total' in spec.numerator ? (totals[spec.numerator.total] ?? 0) : 0;
      const den = totals[spec.denominator.total] ?? 0;
      rates[spec.id] = den === 0 ? null : num / den;
    }
  }
  return { villages, totals, rates };
}
