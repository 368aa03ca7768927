/** The typed list of figures (from the schema's summed columns and `figures`) and the values computed from it. */
import type schemaFile from '../schema/entry-sheet.json';

/** The rows a tally runs over: village rows only, or village rows and the 本级 row (totals). */
export type TallyRows = 'villages' | 'all';

/** What one row adds to a tally. Money is tallied in whole cents, so every tally is a sum of whole numbers. */
export type TallyTerm =
  /** 1 per row. */
  | { kind: 'row' }
  /** The field's number (0 when blank or invalid). */
  | { kind: 'value'; field: string; money: boolean }
  /** 1 when the field holds a number. */
  | { kind: 'present'; field: string }
  /** 1 when the field holds `value` (a choice, or a number in yuan for money). */
  | { kind: 'equals'; field: string; value: string | number; money: boolean }
  /** 1 when the field's number is in min–max (inclusive; a missing bound is open; money bounds in yuan). */
  | { kind: 'range'; field: string; min: number | null; max: number | null; money: boolean };

/** A sum over rows: what the core adds with plain loops and the pipeline with one arquero rollup. */
export interface Tally {
  rows: TallyRows;
  term: TallyTerm;
}

/** A total (summary.json totals.<field>): tally `tally`, money back from cents. */
export interface TotalFigure {
  id: string;
  money: boolean;
  tally: number;
}

/** One entry of cadres.<id>; `tally`/`sum`/`n` are indices into FigureList.tallies. */
export type CadreFigure =
  | { kind: 'count'; id: string; zh: string; field: string; tally: number }
  | { kind: 'sum'; id: string; zh: string; field: string; money: boolean; tally: number }
  | {
      kind: 'mean';
      id: string;
      zh: string;
      field: string;
      money: boolean;
      /** Tally of the values and tally of the rows they are divided by. */
      sum: number;
      n: number;
    }
  | {
      kind: 'bands';
      id: string;
      zh: string;
      field: string;
      bands: { id: string; tally: number }[];
    };

/** A rate's side: a tally (count of village rows), or a computed total (by column id). */
export type RatePart = { tally: number } | { total: string };

/** A rate (summary.json rates.<id>): numerator / denominator, null when the denominator is 0. */
export interface RateFigure {
  id: string;
  numerator: RatePart;
  denominator: RatePart;
}

/** Every figure of a summary and the tallies they are computed from. */
export interface FigureList {
  /** Distinct tallies; `villages` is the index of the village-row count. */
  tallies: Tally[];
  villages: number;
  totals: TotalFigure[];
  cadres: CadreFigure[];
  rates: RateFigure[];
}

type FileCadres = (typeof schemaFile)['figures']['cadres'];

/** summary.json's cadres: one value per entry of the schema file's figures.cadres (a bands figure: a count per band). */
export type SheetCadres = {
  [K in keyof FileCadres]: FileCadres[K] extends { bands: unknown }
    ? Record<string, number>
    : number;
};

/** Rates per schema.figures.rates, null when the denominator is 0 (pipeline/aggregate/summaryTypes.ts reuses it as `Rates`). */
export interface SheetRates {
  fullTimeRate: number | null;
  committeeRate: number | null;
  womensHomeRate: number | null;
  childrensHomeRate: number | null;
  disputeResolutionRate: number | null;
  pledgeCompletionRate: number | null;
  /** Any further rate of schema.figures.rates. */
  [id: string]: number | null;
}

/** The figures of one unit (a sheet, a township, the county). */
export interface Figures {
  villages: number;
  totals: Record<string, number>;
  cadres: SheetCadres;
  rates: SheetRates;
}
