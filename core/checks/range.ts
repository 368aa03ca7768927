/** Column check `range`: a number outside [min, max] (e.g. 年龄 18–80 → E_AGE_RANGE). */
import type { ColumnCheckDef } from './checkTypes';

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
