/** Turns the schema's figures (summed columns, `figures.cadres`, `rates`) into one typed list over shared tallies. */
import type { ColumnSpec, FigureSpec, Schema } from '../types';
import type { CadreFigure, FigureList, RatePart, Tally, TallyRows, TallyTerm } from './types';

const lists = new WeakMap<Schema, FigureList>();

/** The schema's figures as one list (built once per schema object; loadSchema has checked the references). */
export function listFigures(schema: Schema): FigureList {
  const known = lists.get(schema);
  if (known) return known;
  const list = buildList(schema);
  lists.set(schema, list);
  return list;
}

function buildList(schema: Schema): FigureList {
  const tallies: Tally[] = [];
  const index = new Map<string, number>();
  /** The index of a tally, added once however many figures use it. */
  const tally = (rows: TallyRows, term: TallyTerm): number => {
    const key = JSON.stringify([rows, term]);
    let i = index.get(key);
    if (i === undefined) {
      i = tallies.push({ rows, term }) - 1;
      index.set(key, i);
    }
    return i;
  };
  const columns = new Map(schema.columns.map((c) => [c.id, c]));
  const isMoney = (field: string): boolean => columns.get(field)?.type === 'money';

  const villages = tally('villages', { kind: 'row' });
  const totals = schema.columns
    .filter((c) => c.sum === true)
    .map((c) => ({
      id: c.id,
      money: c.type === 'money',
      tally: tally('all', { kind: 'value', field: c.id, money: c.type === 'money' }),
    }));
  const equals = (field: string, value: string | number): number =>
    tally('villages', { kind: 'equals', field, value, money: isMoney(field) });

  const cadres = Object.entries(schema.figures.cadres).map(([id, f]): CadreFigure => {
    const { zh } = f;
    if (f.count)
      return {
        kind: 'count',
        id,
        zh,
        field: f.count.field,
        tally: equals(f.count.field, f.count.equals),
      };
    if (f.sum) {
      const { field } = f.sum;
      const money = isMoney(field);
      return {
        kind: 'sum',
        id,
        zh,
        field,
        money,
        tally: tally('villages', { kind: 'value', field, money }),
      };
    }
    if (f.mean) {
      const { field, over } = f.mean;
      const money = isMoney(field);
      const sum = tally('villages', { kind: 'value', field, money });
      const n = over === 'rows' ? villages : tally('villages', { kind: 'present', field });
      return { kind: 'mean', id, zh, field, money, sum, n };
    }
    return bandsFigure(id, f, columns, schema, tally, equals);
  });

  const part = (p: Schema['rates'][number]['numerator'] | 'villages'): RatePart =>
    p === 'villages'
      ? { tally: villages }
      : 'total' in p
        ? { total: p.total }
        : { tally: equals(p.field, p.equals) };
  const rates = schema.rates.map((r) => ({
    id: r.id,
    numerator: part(r.numerator),
    denominator: part(r.denominator),
  }));
  return { tallies, villages, totals, cadres, rates };
}

/** A count per band: the listed ranges of a number column, else one per value of an enum/yes-no column. */
function bandsFigure(
  id: string,
  f: FigureSpec,
  columns: ReadonlyMap<string, ColumnSpec>,
  schema: Schema,
  tally: (rows: TallyRows, term: TallyTerm) => number,
  equals: (field: string, value: string) => number,
): CadreFigure {
  const spec = f.bands!;
  const { field } = spec;
  const bands = spec.bands
    ? spec.bands.map((b) => ({
        id: b.id,
        tally: tally('villages', {
          kind: 'range',
          field,
          min: b.min ?? null,
          max: b.max ?? null,
          money: columns.get(field)?.type === 'money',
        }),
      }))
    : valuesOf(columns.get(field), schema).map((value) => ({
        id: value,
        tally: equals(field, value),
      }));
  return { kind: 'bands', id, zh: f.zh, field, bands };
}

/** The values a coded column can hold: its enum, or 是/否. */
export function valuesOf(column: ColumnSpec | undefined, schema: Schema): string[] {
  if (column?.type === 'yesno') return Object.keys(schema.yesno);
  return column?.enum ?? [];
}
