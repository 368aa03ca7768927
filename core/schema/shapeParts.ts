/** Valibot building blocks of the schema declaration (core/schema/schemaShape.ts and each check's shape). Messages read after the path: "columns[4] (cadreAge).type must be …". */
import * as v from 'valibot';
import type { FindingCode } from '../types';

/** An object: "must be an object" when it is not one, "is missing" for a missing key (valibot names the key in the path). */
export const obj = <E extends v.ObjectEntries>(entries: E) =>
  v.object(entries, (issue) => (issue.expected === 'Object' ? 'must be an object' : 'is missing'));

/** A string, possibly empty. */
export const text = v.string('must be a string');
/** A non-empty string. */
export const str = v.pipe(
  v.string('must be a non-empty string'),
  v.nonEmpty('must be a non-empty string'),
);
/** A list of strings. */
export const strList = v.array(v.string('must be a string'), 'must be a list of strings');
/** A number. */
export const num = v.number('must be a number');
/** A whole number ≥ 1. */
export const count = v.pipe(
  v.number('must be a whole number ≥ 1'),
  v.integer('must be a whole number ≥ 1'),
  v.minValue(1, 'must be a whole number ≥ 1'),
);
/** A bilingual text { zh, en }. */
export const text2 = obj({ zh: text, en: text });
/** A finding code (that the findings catalogue defines it is checked after the shape). */
export const code = v.custom<FindingCode>(
  (x) => typeof x === 'string' && x.length > 0,
  'must be a finding code',
);
/** One of a fixed list of words. */
export const oneOf = <const T extends readonly [string, ...string[]]>(options: T) =>
  v.picklist(options, `must be one of ${options.join(', ')}`);
/** A list of objects told apart by `check`: an unknown name lists the known ones. */
export const byCheck = <const O extends v.VariantOptions<'check'>>(
  names: readonly string[],
  options: O,
) =>
  v.variant('check', options, (issue) =>
    issue.expected === 'Object'
      ? 'must be an object'
      : `must be one of ${names.join(', ')}, not “${String(issue.input)}”`,
  );
