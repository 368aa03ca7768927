/** County and per-township figures (totals, cadre structure, rates) from the rows table, with arquero rollups. Pure. */
import type * as aq from 'arquero';
import type { CadreCountId, Schema } from '../../core/types';
import type { Cadres, Rates } from './summaryTypes';
import type { FieldLayout } from '../../intake/compactSheet';
import { compareCodePoints } from './compareCodePoints';
import { LEVEL_COLUMN, TOWNSHIP_COLUMN } from './buildRowsTable';

/** The figures of one unit (the county or a township). */
export interface Figures {
  villages: number;
  totals: Record<string, number>;
  cadres: Cadres;
  rates: Rates;
}

const AGE_FIELD = 'cadreAge';
const PAY_FIELD = 'cadreAnnualPay';
const EDUCATION_FIELD = 'cadreEducation';

type Aggregate = Record<string, unknown>;

/** Rounds to 2 decimals (averages). */
export function round2(x: number): number {
  return Math.round(x * 100) / 100;
}

const field = (id: string): string => `d[${JSON.stringify(id)}]`;
const onVillage = (cond: string): string =>
  `(d) => op.sum(d.${LEVEL_COLUMN} === 0 && ${cond} ? 1 : 0)`;

/** The rollup expressions: sums of summed columns, village counts per coded choice, age bands, pay and age sums. */
function rollupSpec(schema: Schema, layout: FieldLayout): Record<string, string> {
  const spec: Record<string, string> = {
    villages: `(d) => op.sum(d.${LEVEL_COLUMN} === 0 ? 1 : 0)`,
  };
  layout.numeric.forEach((c, i) => {
    if (c.sum) spec[`t${i}`] = `(d) => op.sum(${field(c.id)})`;
  });
  layout.coded.forEach((c, i) =>
    c.choices.forEach(
      (choice, j) =>
        (spec[`c${i}_${j}`] = onVillage(`${field(c.column.id)} === ${JSON.stringify(choice)}`)),
    ),
  );
  if (layout.numeric.some((c) => c.id === AGE_FIELD)) {
    spec.ageSum = `(d) => op.sum(d.${LEVEL_COLUMN} === 0 ? ${field(AGE_FIELD)} : 0)`;
    spec.ageN = onVillage(`${field(AGE_FIELD)} === ${field(AGE_FIELD)}`); // x === x: not NaN
    schema.ageBands.forEach((b, i) => {
      const conds = [
        b.min === undefined ? '' : `${field(AGE_FIELD)} >= ${b.min}`,
        b.max === undefined ? '' : `${field(AGE_FIELD)} <= ${b.max}`,
      ];
      spec[`band${i}`] = onVillage(conds.filter(Boolean).join(' && ') || 'true');
    });
  }
  if (layout.numeric.some((c) => c.id === PAY_FIELD)) {
    spec.paySum = `(d) => op.sum(d.${LEVEL_COLUMN} === 0 ? ${field(PAY_FIELD)} : 0)`;
    spec.noPay = onVillage(`${field(PAY_FIELD)} === 0`);
  }
  return spec;
}

const num = (a: Aggregate, key: string): number => {
  const v = a[key];
  return typeof v === 'number' && Number.isFinite(v) ? v : 0;
};

/** Turns one rollup row into the summary's figures. */
function toFigures(a: Aggregate, schema: Schema, layout: FieldLayout): Figures {
  const villages = num(a, 'villages');
  const totals: Record<string, number> = {};
  layout.numeric.forEach((c, i) => {
    // Money was summed in whole cents: dividing gives the 2-decimal total exactly.
    if (c.sum) totals[c.id] = c.type === 'money' ? num(a, `t${i}`) / 100 : num(a, `t${i}`);
  });
  const choiceCount = (fieldId: string, choice: string): number => {
    const i = layout.coded.findIndex((c) => c.column.id === fieldId);
    const j = i < 0 ? -1 : layout.coded[i]!.choices.indexOf(choice);
    return j < 0 ? 0 : num(a, `c${i}_${j}`);
  };
  // The contract's fixed cadre counts: which column and value feed each is in schema.cadreCounts.
  const cadreCount = (id: CadreCountId): number =>
    choiceCount(schema.cadreCounts[id].field, schema.cadreCounts[id].equals);
  const ageBands: Record<string, number> = {};
  schema.ageBands.forEach((b, i) => (ageBands[b.id] = num(a, `band${i}`)));
  const education: Record<string, number> = {};
  for (const choice of schema.columns.find((c) => c.id === EDUCATION_FIELD)?.enum ?? [])
    education[choice] = choiceCount(EDUCATION_FIELD, choice);
  const ageN = num(a, 'ageN');
  const cadres: Cadres = {
    female: cadreCount('female'),
    male: cadreCount('male'),
    fullTime: cadreCount('fullTime'),
    partTime: cadreCount('partTime'),
    inCommittee: cadreCount('inCommittee'),
    noPay: num(a, 'noPay'),
    averageAge: ageN === 0 ? 0 : round2(num(a, 'ageSum') / ageN),
    averageAnnualPay: villages === 0 ? 0 : round2(num(a, 'paySum') / villages / 100),
    ageBands,
    education,
  };
  const rates = {} as Rates;
  for (const rate of schema.rates) {
    const numerator =
      'total' in rate.numerator
        ? (totals[rate.numerator.total] ?? 0)
        : choiceCount(rate.numerator.field, rate.numerator.equals);
    const denominator =
      rate.denominator === 'villages' ? villages : (totals[rate.denominator.total] ?? 0);
    rates[rate.id] = denominator === 0 ? null : numerator / denominator;
  }
  return { villages, totals, cadres, rates };
}

/** County and per-township figures (townships sorted by code point). */
export function assembleFigures(
  table: aq.ColumnTable,
  schema: Schema,
  layout: FieldLayout,
): { county: Figures; byTownship: (Figures & { township: string })[] } {
  const spec = rollupSpec(schema, layout);
  const keys = Object.keys(spec);
  const groups = table.groupby(TOWNSHIP_COLUMN).rollup(spec).objects() as Aggregate[];
  // Every aggregate is a sum of whole numbers (money in cents), so the county is the exact sum of
  // its townships: one pass over the rows instead of two.
  const county: Record<string, number> = {};
  for (const key of keys) county[key] = 0;
  for (const g of groups) for (const key of keys) county[key] = (county[key] ?? 0) + num(g, key);
  const byTownship = groups
    .map((a) => ({ township: String(a[TOWNSHIP_COLUMN]), ...toFigures(a, schema, layout) }))
    .sort((x, y) => compareCodePoints(x.township, y.township));
  return { county: toFigures(county, schema, layout), byTownship };
}
