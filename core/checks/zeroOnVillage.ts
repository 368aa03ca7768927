/** Column check `zeroOnVillage`: 0 on a village row (e.g. 年报酬 0 → W_NO_PAY); the 本级 row has no chair. */
import type { ColumnCheckDef } from './checkTypes';

/** Fires when the value is 0 on a village row. */
export const zeroOnVillage: ColumnCheckDef = {
  name: 'zeroOnVillage',
  validate: () => [],
  run: (value, spec, kind) =>
    kind === 'village' && value === 0 ? { code: spec.code, params: {} } : null,
};
