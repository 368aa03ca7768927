/** Loads the entry-sheet schema and checks the file itself, so a broken schema gives a report instead of odd findings. */
import { columnChecks, rowRules } from '../checks';
import { CORE_CODES } from '../findings/coreCodes';
import { normalizeHeader } from '../normalize/normalizeText';
import type { MarkCopyText, Schema, TemplateText } from '../types';
import schemaJson from './entry-sheet.json';

const FIELD_TYPES = ['count', 'money', 'integer', 'yesno', 'enum', 'text'];
const GROUPS = ['cadre', 'activity', 'other'];
const METADATA_IDS = ['township', 'year', 'reporter', 'phone', 'date'];
const TEMPLATE_KEYS: readonly (keyof TemplateText)[] = [
  'unknownCounty',
  'unknownYear',
  'townshipSuffix',
  'labelSuffix',
  'errorTitle',
  'error',
  'rangeNote',
  'listNote',
  'listSeparator',
  'levelPromptTitle',
  'levelPrompt',
  'levelError',
  'footer',
];

/** Every key of ui.markCopy (a Record, so tsc catches a key missing here). */
const MARK_COPY_KEYS = Object.keys({
  sheet: true,
  title: true,
  row: true,
  cell: true,
  severity: true,
  message: true,
  suggestion: true,
  code: true,
  error: true,
  warning: true,
  wholeFile: true,
  commentHeading: true,
  fileSuffix: true,
} satisfies Record<keyof MarkCopyText, true>);

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
const isText2 = (v: unknown): boolean =>
  isObj(v) && typeof v.zh === 'string' && typeof v.en === 'string';

/** Checks the schema's top-level blocks; returns the problems. */
function checkTopLevel(s: Obj, errors: string[]): void {
  if (typeof s.version !== 'number') errors.push('version must be a number');
  if (!isStr(s.sheetName)) errors.push('sheetName must be a non-empty string');
  if (!isText2(s.title)) errors.push('title needs zh and en');
  if (
    typeof s.headerMatchThreshold !== 'number' ||
    s.headerMatchThreshold <= 0 ||
    s.headerMatchThreshold > 1
  )
    errors.push('headerMatchThreshold must be a number in (0, 1]');
  if (!Number.isInteger(s.headerSearchRows) || (s.headerSearchRows as number) < 1)
    errors.push('headerSearchRows must be a whole number ≥ 1');
  if (!isStrArray(s.decisions)) errors.push('decisions must be a list of strings');
  const types = s.types;
  if (!isObj(types)) errors.push('types must be an object');
  else
    for (const t of FIELD_TYPES) {
      const spec = types[t];
      if (!isObj(spec)) errors.push(`types.${t} is missing`);
      else {
        if (!isStr(spec.excelFormat) || !isStr(spec.validation))
          errors.push(`types.${t} needs excelFormat and validation`);
        if (!isText2(spec.prompt)) errors.push(`types.${t}.prompt needs zh and en`);
        if (spec.units !== undefined && !isStrArray(spec.units))
          errors.push(`types.${t}.units must be a list of strings`);
        if (spec.tenThousandUnits !== undefined && !isStrArray(spec.tenThousandUnits))
          errors.push(`types.${t}.tenThousandUnits must be a list of strings`);
        if (spec.max !== undefined && (!Number.isSafeInteger(spec.max) || (spec.max as number) < 1))
          errors.push(`types.${t}.max must be a whole number from 1 to ${Number.MAX_SAFE_INTEGER}`);
      }
    }
  const n = s.numbers;
  if (!isObj(n)) errors.push('numbers must be an object');
  else {
    for (const k of ['zeroWords', 'approxPrefixes', 'approxSuffixes', 'excelErrors'])
      if (!isStrArray(n[k])) errors.push(`numbers.${k} must be a list of strings`);
    if (typeof n.chineseNumeralMax !== 'number')
      errors.push('numbers.chineseNumeralMax must be a number');
  }
  if (!isObj(s.yesno) || !isStrArray(s.yesno['是']) || !isStrArray(s.yesno['否']))
    errors.push('yesno needs lists 是 and 否');
  else {
    const yes = new Set(s.yesno['是'].map(normalizeHeader));
    for (const w of s.yesno['否'])
      if (yes.has(normalizeHeader(w))) errors.push(`yesno: “${w}” is listed under both 是 and 否`);
  }
  if (
    !isObj(s.specialRows) ||
    !isStrArray(s.specialRows.level) ||
    !isStrArray(s.specialRows.total) ||
    !isStrArray(s.specialRows.footer)
  )
    errors.push('specialRows needs lists level, total and footer');
  else
    for (const k of ['subtotal', 'area'])
      if (s.specialRows[k] !== undefined && !isStrArray(s.specialRows[k]))
        errors.push(`specialRows.${k} must be a list of strings`);
  const hr = s.headerRows;
  if (hr !== undefined && (!isObj(hr) || !isStrArray(hr.groupSuffixes) || !isStrArray(hr.units)))
    errors.push('headerRows needs lists groupSuffixes and units');
  const ys = s.yearSources;
  if (
    ys !== undefined &&
    (!isObj(ys) || !['metadata', 'title', 'fileName', 'sheet'].every((k) => isText2(ys[k])))
  )
    errors.push('yearSources needs metadata, title, fileName and sheet, each with zh and en');
  if (!Array.isArray(s.metadata)) errors.push('metadata must be a list');
  else
    s.metadata.forEach((m, i) => {
      if (
        !isObj(m) ||
        !METADATA_IDS.includes(m.id as string) ||
        !isStr(m.key) ||
        !isStrArray(m.aliases)
      )
        errors.push(`metadata[${i}] needs id (one of ${METADATA_IDS.join(', ')}), key and aliases`);
    });
  if (
    !isObj(s.township) ||
    !isStrArray(s.township.stripSuffixes) ||
    !isStrArray(s.township.levelSuffixes)
  )
    errors.push('township needs lists stripSuffixes and levelSuffixes');
  const r = s.registry;
  if (
    !isObj(r) ||
    !['townshipHeader', 'villageHeader', 'aliasHeader', 'aliasSeparators'].every((k) =>
      isStrArray(r[k]),
    )
  )
    errors.push('registry needs lists townshipHeader, villageHeader, aliasHeader, aliasSeparators');
  else if (
    !isObj(r.messages) ||
    !['noHeader', 'missingName', 'duplicateVillage', 'aliasClash'].every((k) =>
      isText2((r.messages as Obj)[k]),
    )
  )
    errors.push(
      'registry.messages needs noHeader, missingName, duplicateVillage and aliasClash, each with zh and en',
    );
  if (!isText2(s.suggestionText)) errors.push('suggestionText needs zh and en');
  if (!isObj(s.ui) || typeof s.ui.redacted !== 'string')
    errors.push('ui.redacted must be a string');
  else {
    const fills = s.ui.markFills;
    const isFill = (v: unknown): boolean =>
      isObj(v) &&
      typeof v.color === 'string' &&
      /^#[0-9A-Fa-f]{6}$/u.test(v.color) &&
      typeof v.pattern === 'string' &&
      /^[A-Z][A-Za-z]*$/u.test(v.pattern) &&
      (v.patternColor === undefined ||
        (typeof v.patternColor === 'string' && /^#[0-9A-Fa-f]{6}$/u.test(v.patternColor)));
    if (!isObj(fills) || !isFill(fills.error) || !isFill(fills.warning))
      errors.push(
        'ui.markFills needs error and warning, each { color: "#RRGGBB", pattern: an Office.js pattern name such as "Solid", optional patternColor: "#RRGGBB" }',
      );
    const copy = s.ui.markCopy;
    const missing = MARK_COPY_KEYS.filter((k) => !isObj(copy) || !isText2(copy[k]));
    if (missing.length > 0)
      errors.push(`ui.markCopy needs zh and en texts for: ${missing.join(', ')}`);
  }
  const privacy = s.privacy;
  if (
    !isObj(privacy) ||
    !Array.isArray(privacy.findingValueFields) ||
    !privacy.findingValueFields.every(isStr) ||
    !Array.isArray(privacy.keepValueCodes) ||
    !privacy.keepValueCodes.every(isStr)
  )
    errors.push('privacy needs lists findingValueFields and keepValueCodes of strings');
  const tpl = s.template;
  if (!isObj(tpl)) errors.push('template must be an object of template texts');
  else
    for (const k of TEMPLATE_KEYS)
      if (typeof tpl[k] !== 'string') errors.push(`template.${k} must be a string`);
  if (!Array.isArray(s.ageBands) || !s.ageBands.every((b) => isObj(b) && isStr(b.id)))
    errors.push('ageBands must be a list of { id, min?, max? }');
}

/** Checks the finding catalogue: severity and both messages for every code. */
function checkFindings(s: Obj, errors: string[]): Set<string> {
  const codes = new Set<string>();
  if (!isObj(s.findings)) {
    errors.push('findings must be an object of code → { severity, zh, en }');
    return codes;
  }
  for (const [code, spec] of Object.entries(s.findings)) {
    codes.add(code);
    if (
      !isObj(spec) ||
      (spec.severity !== 'error' && spec.severity !== 'warning') ||
      !isStr(spec.zh) ||
      !isStr(spec.en)
    )
      errors.push(`findings.${code} needs severity (error|warning), zh and en`);
    else if (
      (code.startsWith('E_') && spec.severity !== 'error') ||
      (code.startsWith('W_') && spec.severity !== 'warning')
    )
      errors.push(`findings.${code}: an E_ code is an error, a W_ code a warning`);
  }
  for (const code of CORE_CODES)
    if (!codes.has(code)) errors.push(`findings.${code} is missing (the core emits it)`);
  return codes;
}

/** Checks every column: id, header, type, enum values, checks and header/alias clashes. */
function checkColumns(s: Obj, codes: Set<string>, errors: string[]): Set<string> {
  const ids = new Set<string>();
  if (!Array.isArray(s.columns) || s.columns.length === 0) {
    errors.push('columns must be a non-empty list');
    return ids;
  }
  const headerOwner = new Map<string, string>();
  s.columns.forEach((c: unknown, i) => {
    const where = isObj(c) && isStr(c.id) ? `columns[${i}] (${c.id})` : `columns[${i}]`;
    if (!isObj(c)) {
      errors.push(`${where} must be an object`);
      return;
    }
    if (!isStr(c.id)) errors.push(`${where} needs an id`);
    else if (ids.has(c.id)) errors.push(`${where}: id ${c.id} is used twice`);
    else ids.add(c.id);
    if (!isStr(c.header)) errors.push(`${where} needs a header`);
    if (!isStr(c.en)) errors.push(`${where} needs an English label en`);
    if (!isStrArray(c.aliases)) errors.push(`${where}.aliases must be a list of strings`);
    if (!FIELD_TYPES.includes(c.type as string))
      errors.push(`${where}.type must be one of ${FIELD_TYPES.join(', ')}`);
    if (!GROUPS.includes(c.group as string))
      errors.push(`${where}.group must be one of ${GROUPS.join(', ')}`);
    if (c.type === 'enum') {
      if (!isStrArray(c.enum) || c.enum.length === 0)
        errors.push(`${where}: an enum column needs enum values`);
      else if (c.synonyms !== undefined) {
        if (!isObj(c.synonyms)) errors.push(`${where}.synonyms must be an object`);
        else
          for (const [k, v] of Object.entries(c.synonyms)) {
            if (!c.enum.includes(k))
              errors.push(`${where}.synonyms.${k} is not one of its enum values`);
            if (!isStrArray(v)) errors.push(`${where}.synonyms.${k} must be a list of strings`);
          }
      }
    }
    if (c.sum === true && c.type !== 'count' && c.type !== 'money')
      errors.push(`${where}: only count and money columns can be summed`);
    if (c.checks !== undefined) {
      if (!Array.isArray(c.checks)) errors.push(`${where}.checks must be a list`);
      else
        c.checks.forEach((k: unknown, j) => {
          const at = `${where}.checks[${j}]`;
          if (!isObj(k)) {
            errors.push(`${at} must be an object`);
            return;
          }
          const def = columnChecks[k.check as string];
          if (!def)
            errors.push(
              `${at}: unknown check “${String(k.check)}” (known: ${Object.keys(columnChecks).join(', ')})`,
            );
          else for (const p of def.validate(k as never)) errors.push(`${at}: ${p}`);
          if (!isStr(k.code) || !codes.has(k.code))
            errors.push(`${at}: code ${String(k.code)} has no findings entry`);
        });
    }
    if (isStr(c.header) && isStrArray(c.aliases) && isStr(c.id))
      for (const h of [c.header, ...c.aliases]) {
        const key = normalizeHeader(h);
        const owner = headerOwner.get(key);
        if (owner !== undefined && owner !== c.id)
          errors.push(`${where}: header or alias “${h}” is also a header or alias of ${owner}`);
        else headerOwner.set(key, c.id);
      }
  });
  return ids;
}

/** The cadre counts of summary.json each name a known column and, for an enum, one of its values. */
function checkCadreCounts(s: Obj, errors: string[]): void {
  const columnsById = new Map<string, Obj>();
  if (Array.isArray(s.columns))
    for (const c of s.columns as unknown[]) if (isObj(c) && isStr(c.id)) columnsById.set(c.id, c);
  const counts = s.cadreCounts;
  const countIds = ['female', 'male', 'fullTime', 'partTime', 'inCommittee'];
  if (!isObj(counts)) {
    errors.push(`cadreCounts needs ${countIds.join(', ')}`);
    return;
  }
  for (const id of countIds) {
    const c = counts[id];
    const field = isObj(c) && isStr(c.field) ? c.field : null;
    const equals = isObj(c) && isStr(c.equals) ? c.equals : null;
    const column = field === null ? undefined : columnsById.get(field);
    if (equals === null || column === undefined)
      errors.push(`cadreCounts.${id} needs a known column field and an equals value`);
    else if (Array.isArray(column.enum) && !(column.enum as unknown[]).includes(equals))
      errors.push(`cadreCounts.${id}: “${equals}” is not a value of ${field ?? ''}`);
  }
}

/** Each header hint names a known column and lists written headers that are not already a header or alias. */
function checkHeaderHints(s: Obj, ids: Set<string>, errors: string[]): void {
  if (s.headerHints === undefined) return;
  if (!Array.isArray(s.headerHints)) {
    errors.push('headerHints must be a list of { written, column }');
    return;
  }
  const known = new Set<string>();
  if (Array.isArray(s.columns))
    for (const c of s.columns as unknown[])
      if (isObj(c) && isStr(c.header) && isStrArray(c.aliases))
        for (const h of [c.header, ...c.aliases]) known.add(normalizeHeader(h));
  s.headerHints.forEach((h: unknown, i) => {
    if (!isObj(h) || !isStrArray(h.written) || !isStr(h.column) || !ids.has(h.column)) {
      errors.push(`headerHints[${i}] needs written (list) and a known column`);
      return;
    }
    for (const w of h.written)
      if (known.has(normalizeHeader(w)))
        errors.push(`headerHints[${i}]: “${w}” is already a header or alias`);
  });
}

/** Checks row rules and rates: known check names, existing fields, defined codes. */
function checkRules(s: Obj, ids: Set<string>, codes: Set<string>, errors: string[]): void {
  if (!Array.isArray(s.rowRules)) errors.push('rowRules must be a list');
  else
    s.rowRules.forEach((r: unknown, i) => {
      const at = `rowRules[${i}]`;
      if (!isObj(r)) {
        errors.push(`${at} must be an object`);
        return;
      }
      const def = rowRules[r.check as string];
      if (!def) {
        errors.push(
          `${at}: unknown check “${String(r.check)}” (known: ${Object.keys(rowRules).join(', ')})`,
        );
        return;
      }
      for (const p of def.validate(r as never)) errors.push(`${at}: ${p}`);
      for (const f of def.fields(r as never))
        if (f !== undefined && !ids.has(f)) errors.push(`${at}: unknown field ${f}`);
      for (const code of [...def.fixedCodes, ...(r.code === undefined ? [] : [r.code])])
        if (typeof code !== 'string' || !codes.has(code))
          errors.push(`${at}: code ${JSON.stringify(code)} has no findings entry`);
    });
  if (!Array.isArray(s.rates)) errors.push('rates must be a list');
  else
    s.rates.forEach((r: unknown, i) => {
      const at = `rates[${i}]`;
      if (!isObj(r) || !isStr(r.id) || !isStr(r.zh) || !isStr(r.en)) {
        errors.push(`${at} needs id, zh and en`);
        return;
      }
      const num = r.numerator;
      const field = isObj(num) ? (num.field ?? num.total) : undefined;
      if (!isStr(field) || !ids.has(field))
        errors.push(`${at}.numerator must name a column (field/equals or total)`);
      const den = r.denominator;
      if (den !== 'villages' && !(isObj(den) && isStr(den.total) && ids.has(den.total)))
        errors.push(`${at}.denominator must be "villages" or { total: <column> }`);
    });
}

/** Checks the reading caps: whole numbers ≥ 1, and the three W_SHEET_CHOSEN reasons in both languages. */
function checkLimits(s: Obj, errors: string[]): void {
  const limits = s.limits;
  if (!isObj(limits)) {
    errors.push('limits must be an object');
    return;
  }
  for (const key of [
    'maxFileBytes',
    'maxInflatedBytes',
    'maxRows',
    'maxCells',
    'maxFindingsPerFile',
  ])
    if (!Number.isInteger(limits[key]) || (limits[key] as number) < 1)
      errors.push(`limits.${key} must be a whole number ≥ 1`);
  const reasons = limits.sheetReasons;
  for (const key of ['year', 'active', 'first'])
    if (!isObj(reasons) || !isText2(reasons[key]))
      errors.push(`limits.sheetReasons.${key} needs zh and en`);
}

/** Validates a schema object: every problem found, or the typed schema. */
export function validateSchema(
  json: unknown,
): { ok: true; schema: Schema } | { ok: false; errors: string[] } {
  if (!isObj(json)) return { ok: false, errors: ['the schema must be a JSON object'] };
  const errors: string[] = [];
  checkTopLevel(json, errors);
  const codes = checkFindings(json, errors);
  const ids = checkColumns(json, codes, errors);
  checkRules(json, ids, codes, errors);
  checkCadreCounts(json, errors);
  checkHeaderHints(json, ids, errors);
  checkLimits(json, errors);
  for (const id of ['village'])
    if (ids.size > 0 && !ids.has(id))
      errors.push(`columns: the column ${id} is required by the core`);
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
