/** The shape of summary.json (pipeline-contract.md). Other tools read these names: keep them exact. */
import type { SheetCadres, SheetRates } from '../core';
import type { RenderedFinding } from '../core/types';

export type Encoding = 'utf-8' | 'utf-8-bom' | 'gb18030' | 'utf-16le' | 'utf-16be' | 'xlsx' | 'xls';

/** Rates per schema.rates, null when the denominator is 0 (the core's per-sheet shape, so the two agree by construction). */
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
    /**
     * Missing registry townships that one rejected (E_UNKNOWN_TOWNSHIP, or unreadable) file's
     * written name has as its one clear nearest name: "可能是文件《file》（名称有误）". Such a
     * township is still listed in `missing`. Optional for readers of older summaries.
     */
    misnamed?: { township: string; file: string; written: string }[];
  };
  villages: number;
  totals: Record<string, number>;
  cadres: Cadres;
  rates: Rates;
  byTownship: TownshipSummary[];
  previous: null | {
    year: number | null;
    change: { totals: Record<string, number>; rates: Record<string, number | null> };
  };
  findings: SummaryFinding[];
  inputs: InputRecord[];
}
