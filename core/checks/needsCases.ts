/** Row rule `needsCases`: an amount paid while its case count is 0 (两癌救助, 慰问金). */
import type { RowRuleDef } from './checkTypes';
import { NO_HITS } from './checkTypes';

/** Fires on `field` when it is > 0 while `cases` is 0. */
export const needsCases: RowRuleDef = {
  name: 'needsCases',
  fixedCodes: [],
  fields: (rule) => [rule.field, rule.cases],
  validate: (rule) =>
    rule.field && rule.cases && rule.code ? [] : ['needsCases needs field, cases and code'],
  bind(rule, at, header) {
    const { field, cases, code } = rule;
    if (!field || !cases || !code) return null;
    const [f, c] = [at(field), at(cases)];
    if (f < 0 || c < 0) return null;
    const casesHeader = header(cases);
    return (numbers) =>
      (numbers[f] ?? NaN) > 0 && numbers[c] === 0
        ? [{ field, code, params: { casesHeader } }]
        : NO_HITS;
  },
};
