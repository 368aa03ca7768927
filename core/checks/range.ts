/** Column check `range`: a number outside [min, max] (e.g. 年龄 18–80 → E_AGE_RANGE). */
import * as v from 'valibot';
import { code, num, obj } from '../schema/shapeParts';
import type { ColumnSpec } from '../types';
import type { ColumnCheckDef } from './checkTypes';

/** Its schema entry: `{ check: 'range', min, max, code }` with min ≤ max. */
export const rangeShape = v.pipe(
  obj({ check: v.literal('range'), code, min: num, max: num }),
  v.check((spec) => spec.min <= spec.max, 'needs min ≤ max'),
);

/** Fires when the value is below `min` or above `max`. */
export const range: ColumnCheckDef<v.InferOutput<typeof rangeShape>> = {
  name: 'range',
  run: (value, spec) =>
    typeof value === 'number' && (value < spec.min || value > spec.max)
      ? { code: spec.code, params: { min: spec.min, max: spec.max } }
      : null,
};

/** A column's bounds: those of its `range` check (the one place they are written), null when it has none. */
export function columnBounds(spec: ColumnSpec): { min: number; max: number } | null {
  for (const c of spec.checks ?? []) if (c.check === 'range') return { min: c.min, max: c.max };
  return null;
}
