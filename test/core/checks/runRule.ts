/** Test helper: binds a row rule to the fields of `values` (in key order) and runs it on their numbers (null → NaN, an invalid cell). */
import type { RowRuleDef } from '../../../core/checks';

export const header = (f: string) => `<${f}>`;

export function runRule<R>(def: RowRuleDef<R>, rule: R, values: Record<string, number | null>) {
  const fields = Object.keys(values);
  const bound = def.bind(rule, (f) => fields.indexOf(f), header);
  if (!bound) throw new Error('rule did not bind');
  return bound(Float64Array.from(fields.map((f) => values[f] ?? NaN)));
}
