/** Column check `above`: a number over a warning threshold (e.g. 年龄 > 60 → W_AGE_HIGH). */
import type { ColumnCheckDef } from './checkTypes';

/** Fires when the value is greater than `limit`. */
export const above: ColumnCheckDef = {
  name: 'above',
  validate: (spec) => (typeof spec.limit === 'number' ? [] : ['above needs a number limit']),
  run(value, spec) {
    if (typeof value !== 'number' || spec.limit === undefined) return null;
    return value > spec.limit ? { code: spec.code, params: { limit: spec.limit } } : null;
  },
};
