/** Display labels of summary fields and rates: Chinese and English from the schema file (columns' header/en, rates' zh/en). */
import { loadSchema } from '../../core';
import phrasesEn from './phrases.en.json';
import type { Lang } from '../../core/types';

/** Labels built from the schema on first use: no work at import, so a broken schema is reported by cli.ts, not thrown while modules load. */
interface Labels {
  headers: Map<string, string>;
  english: Map<string, string>;
  rates: Map<string, { zh: string; en: string }>;
  money: Set<string>;
  totals: readonly string[];
}
let labels: Labels | null = null;
function getLabels(): Labels {
  if (labels) return labels;
  const schema = loadSchema();
  labels = {
    headers: new Map(schema.columns.map((c) => [c.id, c.header])),
    english: new Map(schema.columns.map((c) => [c.id, c.en])),
    rates: new Map(schema.figures.rates.map((r) => [r.id, { zh: r.zh, en: r.en }])),
    money: new Set(schema.columns.filter((c) => c.type === 'money').map((c) => c.id)),
    totals: schema.columns.filter((c) => c.sum === true).map((c) => c.id),
  };
  return labels;
}
const englishEducation: Record<string, string> = phrasesEn.education;

/** Ids of every summed column, in sheet order (the totals a summary carries). */
export function totalIds(): readonly string[] {
  return getLabels().totals;
}

/** The label of a total (column id) or rate id; the id itself when neither file knows it. */
export function fieldLabel(id: string, lang: Lang): string {
  const { rates, headers, english } = getLabels();
  const rate = rates.get(id);
  if (rate) return rate[lang];
  if (lang === 'en') return english.get(id) ?? id;
  return headers.get(id) ?? id;
}

/** The label without a trailing unit in brackets, for chart axes and sentences: 两癌救助金额（元） → 两癌救助金额. */
export function fieldName(id: string, lang: Lang): string {
  return fieldLabel(id, lang).replace(/\s*[（(][^（）()]*[）)]\s*$/, '');
}

/** The label of an education level (the schema's Chinese enum value). */
export function educationLabel(level: string, lang: Lang): string {
  return lang === 'en' ? (englishEducation[level] ?? level) : level;
}

/** Whether a total is money (元) rather than a count, per the schema. */
export function isMoneyField(id: string): boolean {
  return getLabels().money.has(id);
}
