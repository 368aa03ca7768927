/** Column check `range`: a number outside [min, max] (e.g. 年龄 18–80 → E_AGE_RANGE). */
import type { ColumnSpec } from '../types';
import type { ColumnCheckDef } from './checkTypes';

/** A column's bounds: those of its `range` check (the one place they are written), null when it has none. */
export function columnBounds(spec: ColumnSpec): { min: number; max: number } | null {
  for (const c of spec.checks ?? [])
    if (c.check === 'range' && c.min !== undefined && c.max !== undefined)
      return { min: c.min, max: c.max };
  return null;
}

/** Fires when the value is below `min` or above `max`. */
export const range: ColumnCheckDef = {
  name: 'range',
  validate: (spec) =>
    typeof spec.min === 'number' && typeof spec.max === 'number' && spec.min <= spec.max
      ? []
      : ['range needs numbers min ≤ max'],
  run(value, spec) {
    if (typeof value !== 'number' || spec.min === undefined || spec.max === undefined) return null;
    return value < spec.min || value > spec.max
      ? { code: spec.code, params: { min: spec.min, max: spec.max } }
      : null;
  },
};
