/** The 存在的问题 paragraph of the draft: the problem sentences whose condition holds in the data (pure). */
import { fillText } from '../../core/text/fillText';
import type { Phrases } from '../presentation/phrases';
import layout from '../presentation/reportLayout.json';
import type { ReportValues } from './reportValues';

/** A test of one report value against a threshold (reportLayout.json problems.items). */
export interface ProblemCondition {
  value: string;
  below?: number;
  atMost?: number;
  atLeast?: number;
  above?: number;
}

/** A problem sentence and when it applies: every `all` condition and, when given, one of `any`. */
export interface ProblemItem {
  id: string;
  all?: ProblemCondition[];
  any?: ProblemCondition[];
}

const problemItems: readonly ProblemItem[] = layout.problems.items;

/** Ids of the problem items that hold for `values`, in the layout's order. */
export function selectProblems(
  values: ReportValues,
  items: readonly ProblemItem[] = problemItems,
): string[] {
  return items
    .filter(
      (item) =>
        (item.all ?? []).every((c) => conditionHolds(c, values)) &&
        (item.any === undefined || item.any.some((c) => conditionHolds(c, values))),
    )
    .map((item) => item.id);
}

/** The paragraph: intro and the numbered problems that hold, or the general sentence when none does. */
export function fillProblems(values: ReportValues, p: Phrases): string {
  const wording = p.docx.problems;
  const ids = selectProblems(values);
  if (ids.length === 0) return fillText(wording.none, values.text);
  const items = ids.map((id, i) => {
    const template = (wording.items as Record<string, string>)[id];
    // A layout item without wording is a bug in the phrase file, like an unknown placeholder.
    if (template === undefined) throw new Error(`docx.problems.items lacks the wording of ${id}`);
    return fillText(wording.item, {
      n: p.numerals[i] ?? String(i + 1),
      text: fillText(template, values.text),
    });
  });
  return wording.intro + items.join(wording.separator) + wording.end;
}

/** A condition on an unknown value (e.g. a rate with a zero denominator) does not hold. */
function conditionHolds(c: ProblemCondition, values: ReportValues): boolean {
  const v = values.numbers[c.value];
  if (v === undefined) return false;
  return (
    (c.below === undefined || v < c.below) &&
    (c.atMost === undefined || v <= c.atMost) &&
    (c.atLeast === undefined || v >= c.atLeast) &&
    (c.above === undefined || v > c.above)
  );
}
