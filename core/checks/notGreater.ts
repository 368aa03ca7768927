/** Row rule `notGreater`: a field may not exceed another (化解 ≤ 调处, 完成 ≤ 承诺). */
import type { RowRuleDef } from './checkTypes';
import { NO_HITS } from './checkTypes';

/** Fires on `field` when its value is greater than the value of `limit`. */
export const notGreater: RowRuleDef = {
  name: 'notGreater',
  fixedCodes: [],
  fields: (rule) => [rule.field, rule.limit],
  validate: (rule) =>
    rule.field && rule.limit && rule.code ? [] : ['notGreater needs field, limit and code'],
  bind(rule, at, header) {
    const { field, limit, code } = rule;
    if (!field || !limit || !code) return null;
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
