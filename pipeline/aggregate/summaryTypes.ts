/** The shape of summary.json (pipeline-contract.md). Other tools read these names: keep them exact. */
import type { SheetCadres, SheetRates } from '../../core';
import type { RenderedFinding } from '../../core/types';
import type { WorkbookModel } from '../../readers';

/** How a file was read: its text encoding, or 'xlsx' / 'xls' (the readers' own list). */
export type Encoding = WorkbookModel['encoding'];

/** Rates per schema.figures.rates, null when the denominator is 0 (the core's per-sheet shape, so the two agree by construction). */
export type Rates = SheetRates;

/** Cadre structure over village rows (the core's per-sheet shape). */
export type Cadres = SheetCadres;

export interface TownshipSummary {
  township: string;
  villages: number;
  totals: Record<string, number>;
  rates: Rates;
  /** Rank per key total and rate (1 = highest); extra to the contract, read by the reports. */
  ranks?: Record<string, number>;
  /** Cadre structure of the township (extra to the contract, used by charts). */
  cadres?: Cadres;
}

export interface SummaryFinding extends RenderedFinding {
  file: string;
  township: string | null;
}

export interface InputRecord {
  file: string;
  sha256: string;
  encoding: Encoding | null;
  township: string | null;
  status: 'accepted' | 'rejected';
  rows: number;
}

export interface SummaryJson {
  county: string | null;
  year: number | null;
  townships: {
    expected: number;
    accepted: string[];
    rejected: { file: string; township: string | null; errors: number }[];
    missing: string[];
    /** Registry townships that a rejected file's misspelt name most likely meant (optional for readers of older summaries; rendered when present). */
    misnamed?: MisnamedTownship[];
  };
  villages: number;
  totals: Record<string, number>;
  cadres: Cadres;
  rates: Rates;
  byTownship: TownshipSummary[];
  previous: null | {
    year: number | null;
    change: { totals: Record<string, number>; rates: Record<string, number | null> };
    /** Like-for-like change over the townships present in both years (when last year's summary has byTownship). Extra to the contract. */
    comparable?: Comparable;
  };
  findings: SummaryFinding[];
  inputs: InputRecord[];
}

/** A missing registry township and the rejected file whose written name most likely meant it. */
export interface MisnamedTownship {
  township: string;
  file: string;
  written: string;
}

/** The year-over-year comparison restricted to the townships present in both years. */
export interface Comparable {
  /** Townships accepted this year that last year's summary also has. */
  townships: number;
  /** Village rows of those townships, each year. */
  villages: { current: number; previous: number };
  /** In last year's summary but not accepted this year (code-point order). */
  onlyLastYear: string[];
  /** Accepted this year but not in last year's summary (code-point order). */
  onlyThisYear: string[];
  /** Last year's totals and rates over those townships (the base of a percentage change). */
  previous: { totals: Record<string, number>; rates: Record<string, number | null> };
  /** This year minus last year over those townships (money to 2 decimals, rates in fraction points). */
  change: { totals: Record<string, number>; rates: Record<string, number | null> };
}
