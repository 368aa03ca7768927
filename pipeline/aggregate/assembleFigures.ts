/** County and per-township figures from the rows table: the schema's figures (core/figures/) compiled into one arquero rollup. Pure. */
import type * as aq from 'arquero';
import { finishFigures, listFigures } from '../../core/figures';
import type { Figures, Tally } from '../../core/figures';
import type { Schema } from '../../core/types';
import { compareCodePoints } from '../../intake/compareCodePoints';
import { LEVEL_COLUMN, TOWNSHIP_COLUMN } from './buildRowsTable';

export type { Figures };

type Aggregate = Record<string, unknown>;

const field = (id: string): string => `d[${JSON.stringify(id)}]`;
/** A number as the rows table holds it: money in cents (a bound of 2499.99 yuan is 249999). */
const inTable = (n: number, money: boolean): number => (money ? Math.round(n * 100) : n);

/** One tally as a rollup expression over the rows table (numbers NaN when blank, money in cents, choices as text). */
function compileTally({ rows, term }: Tally): string {
  const f = term.kind === 'row' ? '' : field(term.field);
  let cond: string;
  switch (term.kind) {
    case 'row':
      return rows === 'all'
        ? '(d) => op.count()'
        : `(d) => op.sum(d.${LEVEL_COLUMN} === 0 ? 1 : 0)`;
    case 'value':
      // op.sum skips NaN (blank cells).
      return rows === 'all'
        ? `(d) => op.sum(${f})`
        : `(d) => op.sum(d.${LEVEL_COLUMN} === 0 ? ${f} : 0)`;
    case 'present':
      cond = `${f} === ${f}`; // x === x: not NaN
      break;
    case 'equals':
      cond = `${f} === ${JSON.stringify(typeof term.value === 'number' ? inTable(term.value, term.money) : term.value)}`;
      break;
    case 'range':
      cond =
        [
          term.min === null ? '' : `${f} >= ${inTable(term.min, term.money)}`,
          term.max === null ? '' : `${f} <= ${inTable(term.max, term.money)}`,
        ]
          .filter(Boolean)
          .join(' && ') || `${f} === ${f}`;
      break;
  }
  return rows === 'all'
    ? `(d) => op.sum(${cond} ? 1 : 0)`
    : `(d) => op.sum(d.${LEVEL_COLUMN} === 0 && ${cond} ? 1 : 0)`;
}

const num = (a: Aggregate, key: string): number => {
  const v = a[key];
  return typeof v === 'number' && Number.isFinite(v) ? v : 0;
};

/** County and per-township figures (townships sorted by code point). */
export function assembleFigures(
  table: aq.ColumnTable,
  schema: Schema,
): { county: Figures; byTownship: (Figures & { township: string })[] } {
  const list = listFigures(schema);
  const keys = list.tallies.map((_, i) => `t${i}`);
  const spec = Object.fromEntries(list.tallies.map((t, i) => [keys[i]!, compileTally(t)]));
  const groups = table.groupby(TOWNSHIP_COLUMN).rollup(spec).objects() as Aggregate[];
  // Every tally is a sum of whole numbers (money in cents), so the county is the exact sum of its
  // townships: one pass over the rows instead of two.
  const county = keys.map(() => 0);
  for (const g of groups) keys.forEach((key, i) => (county[i]! += num(g, key)));
  const byTownship = groups
    .map((a) => ({
      township: String(a[TOWNSHIP_COLUMN]),
      ...finishFigures(list, (i) => num(a, keys[i]!)),
    }))
    .sort((x, y) => compareCodePoints(x.township, y.township));
  return { county: finishFigures(list, (i) => county[i]!), byTownship };
}
