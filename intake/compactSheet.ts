/** The accepted rows of one sheet in compact, typed-array form: the merge keeps these instead of grids (scale: 600,000 rows). */
import { columnChoices } from '../core/schema/columnChoices';
import { fieldPositions } from '../core/sheet/rowValues';
import type { ColumnSpec, DataRow, ParsedSheet, Schema } from '../core/types';

/** Where each schema column lives in a CompactSheet: numbers, coded choices (enum/yesno) or text. */
export interface FieldLayout {
  /** count, money and integer columns (seq excluded: it is ignored). */
  numeric: ColumnSpec[];
  /** enum and yesno columns with their choices; code 0 = blank, i + 1 = choices[i]. */
  coded: { column: ColumnSpec; choices: string[] }[];
  /** text columns (village, cadreName, notes …). */
  text: ColumnSpec[];
}

/** One sheet's data rows (village rows, then the 本级 row if any) by layout slot, row-major. */
export interface CompactSheet {
  file: string;
  township: string;
  /** Personal data (填报人, 联系电话): only for the village roster. */
  reporter: string | null;
  phone: string | null;
  rowCount: number;
  villageCount: number;
  /** 1 for the 本级 row. */
  isLevel: Uint8Array;
  /** 1-based source rows. */
  sourceRows: Int32Array;
  /** rowCount × numeric.length; NaN = blank/invalid. Money is kept in whole cents so sums are exact and order-free. */
  numbers: Float64Array;
  /** rowCount × coded.length. */
  codes: Uint8Array;
  /** rowCount × text.length. */
  texts: (string | null)[];
}

/** The layout of the schema's columns (computed once per run). */
export function layoutFields(schema: Schema): FieldLayout {
  const numeric: ColumnSpec[] = [];
  const coded: FieldLayout['coded'] = [];
  const text: ColumnSpec[] = [];
  for (const c of schema.columns) {
    if (c.id === 'seq') continue;
    if (c.type === 'count' || c.type === 'money' || c.type === 'integer') numeric.push(c);
    else if (c.type === 'yesno' || c.type === 'enum')
      coded.push({ column: c, choices: columnChoices(c, schema) });
    else text.push(c);
  }
  return { numeric, coded, text };
}

/** Money in whole cents (inputs have at most 2 decimals; rounding absorbs binary noise). */
export function toCents(yuan: number): number {
  return Math.round(yuan * 100);
}

/** Copies the data rows of an accepted sheet into compact form. */
export function compactSheet(
  sheet: ParsedSheet,
  layout: FieldLayout,
  file: string,
  township: string,
): CompactSheet {
  const rows: DataRow[] = sheet.levelRow
    ? [...sheet.villages, sheet.levelRow]
    : [...sheet.villages];
  const n = rows.length;
  const nn = layout.numeric.length;
  const nc = layout.coded.length;
  const nt = layout.text.length;
  const out: CompactSheet = {
    file,
    township,
    reporter: sheet.metadata.reporter,
    phone: sheet.metadata.phone,
    rowCount: n,
    villageCount: sheet.villages.length,
    isLevel: new Uint8Array(n),
    sourceRows: new Int32Array(n),
    numbers: new Float64Array(n * nn),
    codes: new Uint8Array(n * nc),
    texts: new Array<string | null>(n * nt),
  };
  const choiceIndex = layout.coded.map(({ choices }) => new Map(choices.map((c, i) => [c, i + 1])));
  // Each slot's position in a row's values (-1: no such column; see fieldPositions).
  const numericPositions = fieldPositions(layout.numeric.map((spec) => spec.id));
  const codedPositions = fieldPositions(layout.coded.map(({ column }) => column.id));
  const textPositions = fieldPositions(layout.text.map((spec) => spec.id));
  rows.forEach((row, r) => {
    const numericAt = numericPositions(row.fields);
    const codedAt = codedPositions(row.fields);
    const textAt = textPositions(row.fields);
    out.isLevel[r] = row.kind === 'level' ? 1 : 0;
    out.sourceRows[r] = row.row;
    const v = row.values;
    for (let i = 0; i < nn; i++) {
      const spec = layout.numeric[i]!;
      const x = v[numericAt[i]!];
      out.numbers[r * nn + i] =
        typeof x === 'number' ? (spec.type === 'money' ? toCents(x) : x) : NaN;
    }
    for (let i = 0; i < nc; i++) {
      const x = v[codedAt[i]!];
      out.codes[r * nc + i] = typeof x === 'string' ? (choiceIndex[i]!.get(x) ?? 0) : 0;
    }
    for (let i = 0; i < nt; i++) {
      const x = v[textAt[i]!];
      out.texts[r * nt + i] = x === null || x === undefined ? null : String(x);
    }
  });
  return out;
}
