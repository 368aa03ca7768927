/** Row rule `notGreater`: a field may not exceed another (化解 ≤ 调处, 完成 ≤ 承诺). */
import * as v from 'valibot';
import { code, obj, str } from '../schema/shapeParts';
import type { RowRuleDef } from './checkTypes';
import { NO_HITS } from './checkTypes';

/** Its schema entry: `{ check: 'notGreater', field, limit, code }`. */
export const notGreaterShape = obj({
  check: v.literal('notGreater'),
  field: str,
  limit: str,
  code,
});

/** Fires on `field` when its value is greater than the value of `limit`. */
export const notGreater: RowRuleDef<v.InferOutput<typeof notGreaterShape>> = {
  name: 'notGreater',
  fixedCodes: [],
  fields: (rule) => [rule.field, rule.limit],
  bind({ field, limit, code }, at, header) {
    const [f, l] = [at(field), at(limit)];
    if (f < 0 || l < 0) return null;
    const limitHeader = header(limit);
    return (numbers) => {
      const value = numbers[f] ?? NaN;
      const bound = numbers[l] ?? NaN;
      // NaN (an invalid cell) makes the comparison false: no hit.
      return value > bound ? [{ field, code, params: { limit: bound, limitHeader } }] : NO_HITS;
    };
  },
};
