/** Column check `zeroOnVillage`: 0 on a village row (e.g. 年报酬 0 → W_NO_PAY); the 本级 row has no chair. */
import * as v from 'valibot';
import { code, obj } from '../schema/shapeParts';
import { NO_PARAMS } from '../findings/makeFinding';
import type { ColumnCheckDef } from './checkTypes';

/** Its schema entry: `{ check: 'zeroOnVillage', code }`. */
export const zeroOnVillageShape = obj({ check: v.literal('zeroOnVillage'), code });

/** Fires when the value is 0 on a village row. */
export const zeroOnVillage: ColumnCheckDef<v.InferOutput<typeof zeroOnVillageShape>> = {
  name: 'zeroOnVillage',
  run: (value, spec, kind) =>
    kind === 'village' && value === 0 ? { code: spec.code, params: NO_PARAMS } : null,
};
