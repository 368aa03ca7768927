/** The date the documents carry (the draft's date line, the workbook's title row): today, or COUNTY_ROLLUP_DATE. */
import { fillText } from '../../core/text/fillText';
import type { Phrases } from '../presentation/phrases';

/** A calendar date (month and day 1-based). */
export interface RunDate {
  year: number;
  month: number;
  day: number;
}

/** The environment variable that fixes the run's date (YYYY-MM-DD), e.g. for reproducible outputs and tests. */
export const RUN_DATE_ENV = 'COUNTY_ROLLUP_DATE';

/** Today's local date. */
export function todayDate(now: Date = new Date()): RunDate {
  return { year: now.getFullYear(), month: now.getMonth() + 1, day: now.getDate() };
}

/** A YYYY-MM-DD text as a date; null when it is not a real date. */
export function parseRunDate(text: string): RunDate | null {
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text.trim());
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day
    ? { year, month, day }
    : null;
}

/** The run's date: COUNTY_ROLLUP_DATE when set (`invalid` holds its text when it is not a date), else today. */
export function readRunDate(
  env: Readonly<Record<string, string | undefined>>,
  now: Date = new Date(),
): { date: RunDate; invalid: string | null } {
  const text = env[RUN_DATE_ENV];
  if (text === undefined || text === '') return { date: todayDate(now), invalid: null };
  const date = parseRunDate(text);
  return date === null ? { date: todayDate(now), invalid: text } : { date, invalid: null };
}

/** The date as the phrases write it (二〇二五年… is not used: official documents print 2025年12月31日 in Arabic digits). */
export function formatDate(date: RunDate, p: Phrases): string {
  return fillText(p.date, {
    year: String(date.year),
    month: String(date.month),
    day: String(date.day),
    month2: String(date.month).padStart(2, '0'),
    day2: String(date.day).padStart(2, '0'),
  });
}
