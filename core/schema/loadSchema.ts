/** Loads the entry-sheet schema and checks the file itself, so a broken schema gives a report instead of odd findings. */
import * as v from 'valibot';
import { rowRules } from '../checks';
import { CORE_CODES } from '../findings/coreCodes';
import { normalizeHeader } from '../normalize/normalizeText';
import { placeholderNames } from '../text/fillText';
import type { Schema } from '../types';
import schemaJson from './entry-sheet.json';
import { FIELD_TYPES, schemaShape } from './schemaShape';

/** A schema file that fails validation; the message lists every problem, one per line. */
export class SchemaError extends Error {
  constructor(readonly problems: string[]) {
    super(`The entry-sheet schema is invalid:\n- ${problems.join('\n- ')}`);
    this.name = 'SchemaError';
  }
}

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStr = (v: unknown): v is string => typeof v === 'string' && v.length > 0;
const isStrArray = (v: unknown): v is string[] =>
  Array.isArray(v) && v.every((x) => typeof x === 'string');
/** The objects of a list (anything else is already reported by the shape). */
const objects = (v: unknown): [Obj, number][] =>
  Array.isArray(v) ? v.flatMap((x, i) => (isObj(x) ? [[x, i] as [Obj, number]] : [])) : [];

/** Where a shape problem is: `columns[4] (cadreAge).checks[1].limit`. */
function issuePath(issue: v.BaseIssue<unknown>): string {
  let out = '';
  for (const item of issue.path ?? []) {
    const key = (item as { key: unknown }).key;
    if (typeof key === 'number') {
      out += `[${key}]`;
      const value = (item as { value: unknown }).value;
      if (out === `columns[${key}]` && isObj(value) && isStr(value.id)) out += ` (${value.id})`;
    } else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out;
}

/** Meaning beyond the shape: the yes/no words and the finding catalogue (severity by prefix, the codes the core emits). */
function checkWords(s: Obj, errors: string[]): Set<string> {
  if (isObj(s.yesno) && isStrArray(s.yesno['是']) && isStrArray(s.yesno['否'])) {
    const yes = new Set(s.yesno['是'].map(normalizeHeader));
    for (const w of s.yesno['否'])
      if (yes.has(normalizeHeader(w))) errors.push(`yesno: “${w}” is listed under both 是 and 否`);
  }
  const codes = new Set<string>();
  if (!isObj(s.findings)) return codes;
  for (const [code, spec] of Object.entries(s.findings)) {
    codes.add(code);
    if (!isObj(spec)) continue;
    if (
      (code.startsWith('E_') && spec.severity === 'warning') ||
      (code.startsWith('W_') && spec.severity === 'error')
    )
      errors.push(`findings.${code}: an E_ code is an error, a W_ code a warning`);
  }
  for (const code of CORE_CODES)
    if (!codes.has(code)) errors.push(`findings.${code} is missing (the core emits it)`);
  return codes;
}

/** Meaning beyond the shape for every column: unique ids, enum values, summable types, defined codes, header/alias clashes. */
function checkColumns(s: Obj, codes: Set<string>, errors: string[]): Map<string, Obj> {
  const byId = new Map<string, Obj>();
  const headerOwner = new Map<string, string>();
  for (const [c, i] of objects(s.columns)) {
    const id = isStr(c.id) ? c.id : null;
    const where = id === null ? `columns[${i}]` : `columns[${i}] (${id})`;
    if (id !== null) {
      if (byId.has(id)) errors.push(`${where}: id ${id} is used twice`);
      else byId.set(id, c);
    }
    if (c.type === 'enum') {
      if (!isStrArray(c.enum) || c.enum.length === 0)
        errors.push(`${where}: an enum column needs enum values`);
      else if (isObj(c.synonyms))
        for (const k of Object.keys(c.synonyms))
          if (!c.enum.includes(k))
            errors.push(`${where}.synonyms.${k} is not one of its enum values`);
    }
    if (c.sum === true && c.type !== 'count' && c.type !== 'money')
      errors.push(`${where}: only count and money columns can be summed`);
    for (const [k, j] of objects(c.checks))
      if (isStr(k.code) && !codes.has(k.code))
        errors.push(`${where}.checks[${j}]: code ${k.code} has no findings entry`);
    if (id !== null && isStr(c.header) && isStrArray(c.aliases))
      for (const h of [c.header, ...c.aliases]) {
        const key = normalizeHeader(h);
        const owner = headerOwner.get(key);
        if (owner !== undefined && owner !== id)
          errors.push(`${where}: header or alias “${h}” is also a header or alias of ${owner}`);
        else headerOwner.set(key, id);
      }
  }
  if (byId.size > 0 && !byId.has('village'))
    errors.push('columns: the column village is required by the core');
  return byId;
}

/** Row rules, rates, figures and header hints name known columns (and values) and defined codes. */
function checkReferences(
  s: Obj,
  columns: Map<string, Obj>,
  codes: Set<string>,
  errors: string[],
): void {
  for (const [r, i] of objects(s.rowRules)) {
    const def = rowRules[r.check as keyof typeof rowRules] as
      (typeof rowRules)[keyof typeof rowRules] | undefined;
    if (!def) continue;
    const at = `rowRules[${i}]`;
    for (const f of def.fields(r as never))
      if (isStr(f) && !columns.has(f)) errors.push(`${at}: unknown field ${f}`);
    for (const code of [...def.fixedCodes, ...(r.code === undefined ? [] : [r.code])])
      if (typeof code !== 'string' || !codes.has(code))
        errors.push(`${at}: code ${JSON.stringify(code)} has no findings entry`);
  }
  const rates = isObj(s.figures) ? s.figures.rates : undefined;
  for (const [r, i] of objects(rates)) {
    const num = isObj(r.numerator) ? (r.numerator.field ?? r.numerator.total) : undefined;
    if (isStr(num) && !columns.has(num))
      errors.push(`figures.rates[${i}].numerator must name a column (field/equals or total)`);
    else if (isObj(r.numerator) && isStr(r.numerator.field))
      checkValue(
        `figures.rates[${i}].numerator`,
        columns.get(r.numerator.field),
        r.numerator.equals,
        s,
        errors,
      );
    const den = r.denominator;
    if (isObj(den) && isStr(den.total) && !columns.has(den.total))
      errors.push(`figures.rates[${i}].denominator must be "villages" or { total: <column> }`);
    for (const [side, part] of [
      ['numerator', r.numerator],
      ['denominator', den],
    ] as const)
      if (
        isObj(part) &&
        isStr(part.total) &&
        columns.has(part.total) &&
        columns.get(part.total)?.sum !== true
      )
        errors.push(
          `figures.rates[${i}].${side}: ${part.total} is not a summed column (sum: true)`,
        );
  }
  checkFigures(s, columns, errors);
  const known = new Set<string>();
  for (const c of columns.values())
    if (isStr(c.header) && isStrArray(c.aliases))
      for (const h of [c.header, ...c.aliases]) known.add(normalizeHeader(h));
  for (const [h, i] of objects(s.headerHints)) {
    if (isStr(h.column) && !columns.has(h.column))
      errors.push(`headerHints[${i}] needs written (list) and a known column`);
    if (isStrArray(h.written))
      for (const w of h.written)
        if (known.has(normalizeHeader(w)))
          errors.push(`headerHints[${i}]: “${w}” is already a header or alias`);
  }
}

const NUMBER_TYPES = ['count', 'money', 'integer'];
const CODED_TYPES = ['enum', 'yesno'];
const KNOWN_TYPES: readonly string[] = FIELD_TYPES;

/** A money amount the county's rows table holds exactly (whole cents), or no number at all. */
const wholeCents = (x: unknown): boolean =>
  typeof x !== 'number' || Math.abs(x * 100 - Math.round(x * 100)) < 1e-6;

/** The value a count compares with: a choice of an enum/yes-no column, a number of a number column. */
function checkValue(
  at: string,
  column: Obj | undefined,
  value: unknown,
  s: Obj,
  errors: string[],
): void {
  if (column === undefined || (typeof value !== 'string' && typeof value !== 'number')) return;
  if (!KNOWN_TYPES.includes(column.type as string)) return; // the shape reports the type
  const choices = column.type === 'yesno' && isObj(s.yesno) ? Object.keys(s.yesno) : column.enum;
  if (CODED_TYPES.includes(column.type as string)) {
    if (isStrArray(choices) && !choices.includes(String(value)))
      errors.push(`${at}: “${String(value)}” is not a value of ${String(column.id)}`);
  } else if (NUMBER_TYPES.includes(column.type as string)) {
    if (typeof value !== 'number')
      errors.push(`${at}: ${String(column.id)} holds numbers, not “${String(value)}”`);
    else if (column.type === 'money' && !wholeCents(value))
      errors.push(`${at}: a money value has at most 2 decimals (${value})`);
  } else
    errors.push(`${at}: ${String(column.id)} is a text column (figures count choices and numbers)`);
}

/** Figures name known columns of the right type (counts: values they hold; sums and means: number columns; bands: ranges of a number column or the values of an enum/yes-no column). */
function checkFigures(s: Obj, columns: Map<string, Obj>, errors: string[]): void {
  const cadres = isObj(s.figures) ? s.figures.cadres : undefined;
  if (!isObj(cadres)) return;
  for (const [id, f] of Object.entries(cadres)) {
    if (!isObj(f)) continue;
    if (isStr(f.zh)) {
      const names = placeholderNames(f.zh).filter((n) => n !== 'band');
      if (names.length > 0)
        errors.push(`figures.cadres.${id}.zh: unknown placeholder {${names[0]}}`);
      else if (isObj(f.bands) && !f.zh.includes('{band}'))
        errors.push(`figures.cadres.${id}.zh needs {band} (a label per band)`);
      else if (!isObj(f.bands) && f.zh.includes('{band}'))
        errors.push(`figures.cadres.${id}.zh: {band} is for bands figures`);
    }
    for (const kind of ['count', 'sum', 'mean', 'bands'] as const) {
      const spec = f[kind];
      if (!isObj(spec) || !isStr(spec.field)) continue;
      const at = `figures.cadres.${id}.${kind}`;
      const column = columns.get(spec.field);
      if (column === undefined) {
        errors.push(`${at}.field: unknown column ${spec.field}`);
        continue;
      }
      if (!KNOWN_TYPES.includes(column.type as string)) continue; // the shape reports the type
      const numeric = NUMBER_TYPES.includes(column.type as string);
      if (kind === 'count') checkValue(at, column, spec.equals, s, errors);
      else if ((kind === 'sum' || kind === 'mean') && !numeric)
        errors.push(`${at}: ${spec.field} is not a number column (count, money, integer)`);
      else if (kind === 'bands') {
        if (column.type === 'text')
          errors.push(`${at}: ${spec.field} is a text column (bands need numbers or choices)`);
        else if (numeric && !Array.isArray(spec.bands))
          errors.push(`${at}: bands of a number column need a list of { id, min, max }`);
        else if (!numeric && spec.bands !== undefined)
          errors.push(`${at}: bands of ${spec.field} are its values; leave out the list`);
        const ids = new Set<string>();
        for (const [b, j] of objects(spec.bands)) {
          for (const bound of [b.min, b.max])
            if (column.type === 'money' && !wholeCents(bound))
              errors.push(
                `${at}.bands[${j}]: a money bound has at most 2 decimals (${String(bound)})`,
              );
          if (isStr(b.id) && ids.has(b.id))
            errors.push(`${at}.bands[${j}]: id ${b.id} is used twice`);
          if (isStr(b.id)) ids.add(b.id);
          if (typeof b.min === 'number' && typeof b.max === 'number' && b.min > b.max)
            errors.push(`${at}.bands[${j}]: min is above max`);
        }
      }
    }
  }
}

/** Validates a schema object against its declaration (core/schema/schemaShape.ts) and what the declaration cannot say: every problem found, or the typed schema. */
export function validateSchema(
  json: unknown,
): { ok: true; schema: Schema } | { ok: false; errors: string[] } {
  if (!isObj(json)) return { ok: false, errors: ['the schema must be a JSON object'] };
  const shape = v.safeParse(schemaShape, json, { abortEarly: false });
  const errors = shape.success ? [] : shape.issues.map((i) => `${issuePath(i)} ${i.message}`);
  const codes = checkWords(json, errors);
  const columns = checkColumns(json, codes, errors);
  checkReferences(json, columns, codes, errors);
  // The file as written (valibot's output drops keys the shape does not name, e.g. "doc" notes).
  return errors.length > 0
    ? { ok: false, errors }
    : { ok: true, schema: json as unknown as Schema };
}

let defaultSchema: Schema | null = null;

/** The validated schema (core/schema/entry-sheet.json by default); throws SchemaError listing every problem. */
export function loadSchema(json?: unknown): Schema {
  if (json === undefined && defaultSchema) return defaultSchema;
  const result = validateSchema(json === undefined ? schemaJson : json);
  if (!result.ok) throw new SchemaError(result.errors);
  if (json === undefined) defaultSchema = result.schema;
  return result.schema;
}
