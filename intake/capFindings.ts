/** Caps the findings of one file (schema limits.maxFindingsPerFile): the first N in order, then one W_FINDINGS_TRUNCATED with the number and counts per code of the rest. */
import { makeFinding } from '../core';
import type { Finding, Schema } from '../core/types';

/** The kept findings and how many errors were left out (they still reject the file). */
export interface CappedFindings {
  findings: Finding[];
  droppedErrors: number;
}

/** Keeps the first `schema.limits.maxFindingsPerFile` findings; the rest become one summary finding. */
export function capFindings(findings: Finding[], schema: Schema): CappedFindings {
  const max = schema.limits.maxFindingsPerFile;
  if (findings.length <= max) return { findings, droppedErrors: 0 };
  const rest = findings.slice(max);
  const counts = new Map<string, number>();
  let errors = 0;
  for (const f of rest) {
    counts.set(f.code, (counts.get(f.code) ?? 0) + 1);
    if (f.severity === 'error') errors++;
  }
  const byCode = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const summary = makeFinding(schema, 'W_FINDINGS_TRUNCATED', {
    params: {
      more: rest.length,
      errors,
      warnings: rest.length - errors,
      codes: byCode.map(([code, n]) => `${code} ${n}`).join('、'),
      codes_en: byCode.map(([code, n]) => `${code} ${n}`).join(', '),
    },
  });
  return { findings: [...findings.slice(0, max), summary], droppedErrors: errors };
}
