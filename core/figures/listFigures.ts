/** Turns the schema's figures (summed columns, `figures.cadres`, `figures.rates`) into one typed list over shared tallies. */
import { columnChoices } from '../schema/columnChoices';
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

/** Adds tallies once however many figures use them, and knows the columns. */
class Tallies {
  readonly list: Tally[] = [];
  private readonly index = new Map<string, number>();
  private readonly columns: ReadonlyMap<string, ColumnSpec>;
  constructor(readonly schema: Schema) {
    this.columns = new Map(schema.columns.map((c) => [c.id, c]));
  }

  /** The index of the tally of `term` over `rows`. */
  add(rows: TallyRows, term: TallyTerm): number {
    const key = JSON.stringify([rows, term]);
    let i = this.index.get(key);
    if (i === undefined) {
      i = this.list.push({ rows, term }) - 1;
      this.index.set(key, i);
    }
    return i;
  }

  isMoney(field: string): boolean {
    return this.columns.get(field)?.type === 'money';
  }

  /** Village rows whose field holds `value`. */
  equals(field: string, value: string | number): number {
    return this.add('villages', { kind: 'equals', field, value, money: this.isMoney(field) });
  }

  /** The values a coded column can hold: its enum, or the yes/no words' keys (是, 否). */
  valuesOf(field: string): string[] {
    const column = this.columns.get(field);
    return column ? columnChoices(column, this.schema) : [];
  }
}

function buildList(schema: Schema): FigureList {
  const t = new Tallies(schema);
  const villages = t.add('villages', { kind: 'row' });
  const totals = schema.columns
    .filter((c) => c.sum === true)
    .map((c) => ({
      id: c.id,
      money: c.type === 'money',
      tally: t.add('all', { kind: 'value', field: c.id, money: c.type === 'money' }),
    }));
  const cadres = Object.entries(schema.figures.cadres).map(([id, f]) =>
    cadreFigure(id, f, t, villages),
  );
  const part = (p: Schema['figures']['rates'][number]['numerator'] | 'villages'): RatePart =>
    p === 'villages'
      ? { tally: villages }
      : 'total' in p
        ? { total: p.total }
        : { tally: t.equals(p.field, p.equals) };
  const rates = schema.figures.rates.map((r) => ({
    id: r.id,
    numerator: part(r.numerator),
    denominator: part(r.denominator),
  }));
  return { tallies: t.list, villages, totals, cadres, rates };
}

/** One entry of figures.cadres (the shape holds exactly one kind) over village rows. */
function cadreFigure(id: string, f: FigureSpec, t: Tallies, villages: number): CadreFigure {
  const { zh } = f;
  if (f.count) {
    const { field, equals } = f.count;
    return { kind: 'count', id, zh, field, tally: t.equals(field, equals) };
  }
  if (f.sum) {
    const { field } = f.sum;
    const money = t.isMoney(field);
    return {
      kind: 'sum',
      id,
      zh,
      field,
      money,
      tally: t.add('villages', { kind: 'value', field, money }),
    };
  }
  if (f.mean) {
    const { field, over } = f.mean;
    const money = t.isMoney(field);
    const sum = t.add('villages', { kind: 'value', field, money });
    const n = over === 'rows' ? villages : t.add('villages', { kind: 'present', field });
    return { kind: 'mean', id, zh, field, money, sum, n };
  }
  if (!f.bands)
    throw new Error(`figures.cadres.${id} holds no kind (loadSchema lets none through)`);
  const { field, bands } = f.bands;
  const money = t.isMoney(field);
  // Listed ranges of a number column, else one band per value of an enum/yes-no column.
  const list = bands
    ? bands.map((b) => ({
        id: b.id,
        tally: t.add('villages', {
          kind: 'range',
          field,
          min: b.min ?? null,
          max: b.max ?? null,
          money,
        }),
      }))
    : t.valuesOf(field).map((value) => ({ id: value, tally: t.equals(field, value) }));
  return { kind: 'bands', id, zh, field, bands: list };
}
