/** Reads last year's summary.json for `merge --previous`: only what the year-over-year comparison uses. */
import { readFile } from 'node:fs/promises';
import type { PreviousSummary, TownshipFigures } from '../aggregate/compareWithPrevious';

/** Last year's summary.json, or null when it is not one (year, totals and rates are what the comparison reads). */
export async function readPrevious(path: string): Promise<PreviousSummary | null> {
  let data: unknown;
  try {
    data = JSON.parse((await readFile(path, 'utf8')).replace(/^\uFEFF/u, ''));
  } catch {
    return null;
  }
  if (!isRecord(data)) return null;
  const { year, totals, rates } = data;
  if (!(year === null || typeof year === 'number') || !isRecord(totals) || !isRecord(rates))
    return null;
  const byTownship = readPreviousTownships(data.byTownship);
  return {
    year,
    totals: numbersOf(totals),
    rates: fractionsOf(rates) as PreviousSummary['rates'],
    ...(byTownship === null ? {} : { byTownship }),
  };
}

/** Last year's per-township figures for the like-for-like comparison; null when absent or not of the contract's shape. */
function readPreviousTownships(value: unknown): TownshipFigures[] | null {
  if (!Array.isArray(value)) return null;
  const out: TownshipFigures[] = [];
  for (const t of value as unknown[]) {
    if (!isRecord(t)) return null;
    const { township, villages, totals, rates } = t;
    if (typeof township !== 'string' || typeof villages !== 'number') return null;
    if (
      typeof totals !== 'object' ||
      totals === null ||
      typeof rates !== 'object' ||
      rates === null
    )
      return null;
    out.push({ township, villages, totals: numbersOf(totals), rates: fractionsOf(rates) });
  }
  return out;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The entries whose value is a number (totals). */
function numbersOf(totals: object): Record<string, number> {
  return Object.fromEntries(
    Object.entries(totals).filter((e): e is [string, number] => typeof e[1] === 'number'),
  );
}

/** Every entry, a number or null (rates: a rate without a denominator is null). */
function fractionsOf(rates: object): Record<string, number | null> {
  return Object.fromEntries(
    Object.entries(rates).map(([k, v]) => [k, typeof v === 'number' ? v : null]),
  );
}
