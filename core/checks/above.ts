/** Column check `above`: a number over a warning threshold (e.g. 年龄 > 60 → W_AGE_HIGH). */
import * as v from 'valibot';
import { code, num, obj } from '../schema/shapeParts';
import type { ColumnCheckDef } from './checkTypes';

/** Its schema entry: `{ check: 'above', limit, code }`. */
export const aboveShape = obj({ check: v.literal('above'), code, limit: num });

/** Fires when the value is greater than `limit`. */
export const above: ColumnCheckDef<v.InferOutput<typeof aboveShape>> = {
  name: 'above',
  run: (value, spec) =>
    typeof value === 'number' && value > spec.limit
      ? { code: spec.code, params: { limit: spec.limit } }
      : null,
};
