/** Row rule `needsCases`: an amount paid while its case count is 0 (两癌救助, 慰问金). */
import * as v from 'valibot';
import { code, obj, str } from '../schema/shapeParts';
import type { RowRuleDef } from './checkTypes';
import { NO_HITS } from './checkTypes';

/** Its schema entry: `{ check: 'needsCases', field, cases, code }`. */
export const needsCasesShape = obj({
  check: v.literal('needsCases'),
  field: str,
  cases: str,
  code,
});

/** Fires on `field` when it is > 0 while `cases` is 0. */
export const needsCases: RowRuleDef<v.InferOutput<typeof needsCasesShape>> = {
  name: 'needsCases',
  fixedCodes: [],
  fields: (rule) => [rule.field, rule.cases],
  bind({ field, cases, code }, at, header) {
    const [f, c] = [at(field), at(cases)];
    if (f < 0 || c < 0) return null;
    const casesHeader = header(cases);
    return (numbers) =>
      (numbers[f] ?? NaN) > 0 && numbers[c] === 0
        ? [{ field, code, params: { casesHeader } }]
        : NO_HITS;
  },
};
