/** The placeholder values the wording templates are filled with, computed from the summary (pure). */
import { loadSchema } from '../../core';
import { listFigures } from '../../core/figures';
import type { SummaryJson } from '../aggregate/summaryTypes';
import type { Lang } from '../../core/types';
import { educationLabel, isMoneyField, totalIds } from '../presentation/fieldLabel';
import {
  formatCount,
  formatDecimal,
  formatMoney,
  formatPercent,
  formatPoints,
} from '../presentation/formatNumber';
import { fillText } from '../../core/text/fillText';
import { phrasesFor, type Phrases, type Sentence } from '../presentation/phrases';
import layout from '../presentation/reportLayout.json';
import { formatDate, todayDate, type RunDate } from './runDate';

/** Formatted texts by placeholder name, and the raw numbers that `if` conditions test. */
export interface ReportValues {
  text: Record<string, string>;
  numbers: Record<string, number>;
}

/** Builds every placeholder of phrases.<lang>.json from the summary. */
export function buildReportValues(
  summary: SummaryJson,
  lang: Lang,
  runDate: RunDate = todayDate(),
): ReportValues {
  const p = phrasesFor(lang);
  const text: Record<string, string> = {};
  const numbers: Record<string, number> = {};
  const count = (key: string, n: number): void => {
    text[key] = formatCount(n, p.number);
    numbers[key] = n;
  };

  text.county = summary.county ?? p.countyFallback;
  text.year = summary.year === null ? p.yearFallback : String(summary.year);
  count('accepted', summary.townships.accepted.length);
  count('expected', summary.townships.expected);
  count('villages', summary.villages);
  count('notIncluded', notIncludedTownships(summary));
  numbers.hasPrevious = summary.previous === null ? 0 : 1;
  addTownshipLists(summary, p, text, numbers);
  text.date = formatDate(runDate, p);

  // Year-over-year phrases compare like with like: over the townships present in both years when
  // last year's summary has them per township (`comparable`), else the county totals as they are.
  const comparable = summary.previous?.comparable;
  for (const id of new Set([...totalIds(), ...Object.keys(summary.totals)])) {
    const value = summary.totals[id] ?? 0;
    text[id] = formatTotal(id, value, p);
    numbers[id] = value;
    const delta = comparable ? comparable.change.totals[id] : summary.previous?.change.totals[id];
    const base = comparable ? comparable.previous.totals[id] : undefined;
    const yoy = totalChange(
      id,
      base === undefined || delta === undefined ? value : base + delta,
      delta,
      p,
    );
    text[`${id}.yoy`] = yoy;
    text[`${id}.yoyText`] = stripLeadingComma(yoy);
  }
  for (const [id, rate] of Object.entries(summary.rates)) {
    text[id] = formatPercent(rate, p.number, p.noValue);
    // An unknown rate (zero denominator) has no number: `if` reads it as 0, a problem condition as not met.
    if (rate !== null) numbers[id] = rate;
    const change = (comparable ?? summary.previous)?.change.rates[id] ?? null;
    const yoy = rateChange(change, p);
    text[`${id}.yoy`] = yoy;
    text[`${id}.yoyText`] = stripLeadingComma(yoy);
  }

  // Every number figure of the schema's figures.cadres as cadres.<id>: money in 元, a mean to 1 decimal, a count.
  const figures: Readonly<Record<string, number | Record<string, number>>> = summary.cadres;
  for (const f of listFigures(loadSchema()).cadres) {
    const value = figures[f.id];
    if (typeof value !== 'number' || f.kind === 'bands') continue;
    if (f.kind !== 'count' && f.money) text[`cadres.${f.id}`] = formatMoney(value, p.number);
    else if (f.kind === 'mean') text[`cadres.${f.id}`] = formatDecimal(value, 1, p.number);
    else text[`cadres.${f.id}`] = formatCount(value, p.number);
    numbers[`cadres.${f.id}`] = value;
  }
  const c = summary.cadres;
  count('age.young', c.ageBands['<=35'] ?? 0);
  count('age.old', c.ageBands['>=56'] ?? 0);
  text.educationList = Object.entries(c.education)
    .filter(([, n]) => n > 0)
    .map(([level, n]) =>
      fillText(p.educationItem, {
        name: educationLabel(level, lang),
        count: formatCount(n, p.number),
      }),
    )
    .join(p.listSeparator);

  addProblemValues(summary, p, text, numbers);

  const top = topTownship(summary, 'trainingAttendance');
  text['top.trainingAttendance.township'] = top?.township ?? p.noValue;
  count('top.trainingAttendance.value', top?.value ?? 0);
  return { text, numbers };
}

/** The figures only the problem paragraph uses: shares of old and less-educated chairs, open cases, weak townships. */
function addProblemValues(
  summary: SummaryJson,
  p: Phrases,
  text: Record<string, string>,
  numbers: Record<string, number>,
): void {
  const c = summary.cadres;
  const share = (key: string, part: number, whole: number): void => {
    const rate = whole === 0 ? null : part / whole;
    text[key] = formatPercent(rate, p.number, p.noValue);
    if (rate !== null) numbers[key] = rate;
  };
  const sum = (values: Record<string, number>): number =>
    Object.values(values).reduce((a, b) => a + b, 0);
  share('age.oldShare', c.ageBands['>=56'] ?? 0, sum(c.ageBands));
  const low = layout.problems.lowEducationLevels.reduce((n, l) => n + (c.education[l] ?? 0), 0);
  text['education.low'] = formatCount(low, p.number);
  numbers['education.low'] = low;
  share('education.lowShare', low, sum(c.education));
  const open = (key: string, made: string, done: string): void => {
    const n = Math.max(0, (summary.totals[made] ?? 0) - (summary.totals[done] ?? 0));
    text[key] = formatCount(n, p.number);
    numbers[key] = n;
  };
  open('disputes.unresolved', 'disputesHandled', 'disputesResolved');
  open('pledges.open', 'pledgesMade', 'pledgesDone');
  for (const { id, rate, below } of layout.problems.townshipsBelow) {
    const n = summary.byTownship.filter((t) => {
      const r = t.rates[rate];
      return r !== null && r !== undefined && r < below;
    }).length;
    text[id] = formatCount(n, p.number);
    numbers[id] = n;
    text[`${id}.names`] = townshipsBelow(summary, rate, below, p);
    // The limit as written in a sentence: 60%, not 60.0%.
    text[`${id}.limit`] = `${formatDecimal(below * 100, p.number.percentDecimals, p.number)}%`;
  }
}

/** Fills the sentences that apply (their `if` value is non-zero) and joins them into one paragraph. */
export function fillSentences(
  sentences: readonly Sentence[],
  values: ReportValues,
  separator: string,
): string {
  return sentences
    .filter((s) => typeof s === 'string' || (values.numbers[s.if] ?? 0) !== 0)
    .map((s) => fillText(typeof s === 'string' ? s : s.text, values.text))
    .join(separator);
}

/** A total formatted by its type: money in 元/万元, else a count. */
export function formatTotal(id: string, value: number, p: Phrases): string {
  return isMoneyField(id) ? formatMoney(value, p.number) : formatCount(value, p.number);
}

/** Townships the summary does not cover: rejected (counted once per township or file) plus missing. */
export function notIncludedTownships(summary: SummaryJson): number {
  const rejected = new Set(summary.townships.rejected.map((r) => r.township ?? `file:${r.file}`));
  return rejected.size + summary.townships.missing.length;
}

/** The township with the highest value of a total, ties broken by name; null when all are 0. */
export function topTownship(
  summary: SummaryJson,
  id: string,
): { township: string; value: number } | null {
  let best: { township: string; value: number } | null = null;
  for (const t of summary.byTownship) {
    const value = t.totals[id] ?? 0;
    if (
      value > 0 &&
      (best === null || value > best.value || (value === best.value && t.township < best.township))
    ) {
      best = { township: t.township, value };
    }
  }
  return best;
}

/** "，比上年增加X人次，增长X%" and its siblings; empty without a previous year. `delta` is this year minus last year. */
export function totalChange(
  id: string,
  current: number,
  delta: number | undefined,
  p: Phrases,
): string {
  if (delta === undefined) return '';
  const unit = isMoneyField(id) ? '' : ((p.units as Record<string, string>)[id] ?? '');
  const size = isMoneyField(id)
    ? formatMoney(Math.abs(delta), p.number)
    : formatCount(Math.abs(delta), p.number);
  const previous = current - delta;
  if (Math.abs(delta) < 0.005) return p.yoy.same;
  if (previous <= 0) return delta > 0 ? fillText(p.yoy.upFromZero, { delta: size, unit }) : '';
  const pct = formatPercent(Math.abs(delta) / previous, p.number, p.noValue);
  return fillText(delta > 0 ? p.yoy.up : p.yoy.down, { delta: size, unit, pct });
}

/** "，比上年提高X个百分点" and siblings for a rate change (a difference of fractions); empty when unknown. */
export function rateChange(delta: number | null, p: Phrases): string {
  if (delta === null) return '';
  const points = formatPoints(delta, p.number);
  if (Number(points) === 0) return p.yoy.rateSame;
  return fillText(delta > 0 ? p.yoy.rateUp : p.yoy.rateDown, { delta: points });
}

function stripLeadingComma(s: string): string {
  return s.replace(/^[，,]\s*/, '');
}

/** "北山镇（54.5%）、河口镇（54.5%）": the townships whose rate is below `below`, lowest first (then by name), at most reportLayout.namesMax of them. */
export function townshipsBelow(
  summary: SummaryJson,
  rate: string,
  below: number,
  p: Phrases,
): string {
  const low = summary.byTownship
    .flatMap((t) => {
      const r = t.rates[rate];
      return typeof r === 'number' && r < below ? [{ township: t.township, rate: r }] : [];
    })
    .sort(
      (a, b) => a.rate - b.rate || (a.township < b.township ? -1 : a.township > b.township ? 1 : 0),
    );
  const items = low.map((t) =>
    fillText(p.lists.townshipRate, {
      township: t.township,
      rate: formatPercent(t.rate, p.number, p.noValue),
    }),
  );
  return nameList(items, p);
}

/** Names joined with the list separator; beyond reportLayout.namesMax the first ones and "等N个". */
export function nameList(items: readonly string[], p: Phrases): string {
  if (items.length <= layout.namesMax) return items.join(p.lists.separator);
  return fillText(p.lists.more, {
    names: items.slice(0, layout.namesMax).join(p.lists.separator),
    n: formatCount(items.length, p.number),
  });
}

/**
 * The townships left out this year and the comparison basis: `rejected.names` (a file's name when its
 * township is unknown), `missing.names` (with the likely misnamed file beside a township when summary.json
 * has `townships.misnamed`), `notIncluded.names`/`.detail`, `comparable.*` and the `if` values
 * rejected.count, missing.count, comparableDiffers, comparableUnknown.
 */
function addTownshipLists(
  summary: SummaryJson,
  p: Phrases,
  text: Record<string, string>,
  numbers: Record<string, number>,
): void {
  const t = summary.townships;
  const l = p.lists;
  const rejected = [
    ...new Set(
      t.rejected.map((r) =>
        r.township === null ? fillText(l.file, { file: r.file }) : r.township,
      ),
    ),
  ];
  const misnamed = new Map((t.misnamed ?? []).map((m) => [m.township, m]));
  const missing = t.missing.map((name) => {
    const m = misnamed.get(name);
    return m === undefined
      ? name
      : fillText(l.misnamed, { township: name, file: m.file, written: m.written });
  });
  text['rejected.names'] = nameList(rejected, p);
  numbers['rejected.count'] = rejected.length;
  text['missing.names'] = nameList(missing, p);
  numbers['missing.count'] = missing.length;
  text['notIncluded.names'] = nameList([...rejected, ...missing], p);
  const detail: string[] = [];
  if (rejected.length > 0) detail.push(fillText(l.rejectedPart, { names: text['rejected.names'] }));
  if (missing.length > 0) detail.push(fillText(l.missingPart, { names: text['missing.names'] }));
  text['notIncluded.detail'] = detail.join(l.partSeparator);

  const c = summary.previous?.comparable;
  numbers.comparableUnknown = summary.previous !== null && c === undefined ? 1 : 0;
  const onlyLast = c?.onlyLastYear ?? [];
  const onlyThis = c?.onlyThisYear ?? [];
  numbers.comparableDiffers = onlyLast.length + onlyThis.length > 0 ? 1 : 0;
  text['comparable.townships'] = formatCount(c?.townships ?? 0, p.number);
  numbers['comparable.townships'] = c?.townships ?? 0;
  text['comparable.onlyLastYear'] = nameList(onlyLast, p);
  text['comparable.onlyThisYear'] = nameList(onlyThis, p);
  const parts: string[] = [];
  if (onlyLast.length > 0)
    parts.push(fillText(l.onlyLastYear, { names: text['comparable.onlyLastYear'] }));
  if (onlyThis.length > 0)
    parts.push(fillText(l.onlyThisYear, { names: text['comparable.onlyThisYear'] }));
  text['comparable.detail'] = parts.join(l.partSeparator);
}
