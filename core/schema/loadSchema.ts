/** Loads the entry-sheet schema and checks the file itself, so a broken schema gives a report instead of odd findings. */
import * as v from 'valibot';
import { rowRules } from '../checks';
import { CORE_CODES } from '../findings/coreCodes';
import { normalizeHeader } from '../normalize/normalizeText';
import type { Schema } from '../types';
import schemaJson from './entry-sheet.json';
import { schemaShape } from './schemaShape';

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

/** Row rules, rates, cadre counts and header hints name known columns (and values) and defined codes. */
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
  for (const [r, i] of objects(s.rates)) {
    const num = isObj(r.numerator) ? (r.numerator.field ?? r.numerator.total) : undefined;
    if (isStr(num) && !columns.has(num))
      errors.push(`rates[${i}].numerator must name a column (field/equals or total)`);
    const den = r.denominator;
    if (isObj(den) && isStr(den.total) && !columns.has(den.total))
      errors.push(`rates[${i}].denominator must be "villages" or { total: <column> }`);
  }
  if (isObj(s.cadreCounts))
    for (const [id, c] of Object.entries(s.cadreCounts)) {
      if (!isObj(c) || !isStr(c.field) || !isStr(c.equals)) continue;
      const column = columns.get(c.field);
      if (column === undefined)
        errors.push(`cadreCounts.${id} needs a known column field and an equals value`);
      else if (Array.isArray(column.enum) && !(column.enum as unknown[]).includes(c.equals))
        errors.push(`cadreCounts.${id}: “${c.equals}” is not a value of ${c.field}`);
    }
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
