/** Column check `equals`: a canonical value worth a note (e.g. 性别 男 → W_MALE_CADRE). */
import type { ColumnCheckDef } from './checkTypes';

/** Fires when the normalized value equals `value`. */
export const equals: ColumnCheckDef = {
  name: 'equals',
  validate: (spec) => (spec.value === undefined ? ['equals needs a value'] : []),
  run: (value, spec) =>
    value !== null && value === spec.value ? { code: spec.code, params: {} } : null,
};
