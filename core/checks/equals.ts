/** Column check `equals`: a canonical value worth a note (e.g. 性别 男 → W_MALE_CADRE). */
import * as v from 'valibot';
import { code, obj } from '../schema/shapeParts';
import { NO_PARAMS } from '../findings/makeFinding';
import type { ColumnCheckDef } from './checkTypes';

/** Its schema entry: `{ check: 'equals', value, code }`. */
export const equalsShape = obj({
  check: v.literal('equals'),
  code,
  value: v.union([v.string(), v.number()], 'must be a string or a number'),
});

/** Fires when the normalized value equals `value`. */
export const equals: ColumnCheckDef<v.InferOutput<typeof equalsShape>> = {
  name: 'equals',
  run: (value, spec) =>
    value !== null && value === spec.value ? { code: spec.code, params: NO_PARAMS } : null,
};
