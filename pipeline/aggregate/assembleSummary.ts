/** Puts summary.json together in the contract's key order, deterministically (no time, no paths, no personal data). Pure. */
import { redactFinding, renderFinding } from '../../core';
import type { Finding, Schema } from '../../core/types';
import type { InputRecord, SummaryFinding, SummaryJson, TownshipSummary } from './summaryTypes';
import type { DecidedFile, IntakeDecision } from '../../intake/decideIntake';
import type { Figures } from './assembleFigures';
import { compareCodePoints } from '../../intake/compareCodePoints';
import { compareWithPrevious, type PreviousSummary } from './compareWithPrevious';
import { rankTownships } from './rankTownships';

/** The county named by most sheets' titles (ties: first in code-point order), else null. */
export function chooseCounty(files: readonly { county: string | null }[]): string | null {
  const votes = new Map<string, number>();
  for (const f of files) if (f.county) votes.set(f.county, (votes.get(f.county) ?? 0) + 1);
  let best: string | null = null;
  let bestVotes = 0;
  for (const [c, n] of votes)
    if (n > bestVotes || (n === bestVotes && best !== null && compareCodePoints(c, best) < 0))
      [best, bestVotes] = [c, n];
  return best;
}

const nullFirst = (a: number | null, b: number | null): number =>
  a === b ? 0 : a === null ? -1 : b === null ? 1 : a - b;

/** Orders findings by file, row, column, code (stable, so the core's own order breaks the remaining ties). */
export function compareFindings(a: SummaryFinding, b: SummaryFinding): number {
  return (
    compareCodePoints(a.file, b.file) ||
    nullFirst(a.row, b.row) ||
    nullFirst(a.column, b.column) ||
    compareCodePoints(a.code, b.code)
  );
}

/** A file's finding as summary.json holds it: file and township first, personal values redacted. */
function toSummaryFinding(f: Finding, file: DecidedFile, schema: Schema): SummaryFinding {
  const r = renderFinding(redactFinding(f, schema), schema);
  return {
    file: file.file,
    township: file.township,
    code: r.code,
    severity: r.severity,
    row: r.row,
    column: r.column,
    cell: r.cell,
    field: r.field,
    value: r.value,
    suggestion: r.suggestion,
    message_zh: r.message_zh,
    message_en: r.message_en,
  };
}

/** Everything summary.json is made of. */
export interface SummaryParts {
  schema: Schema;
  decision: IntakeDecision;
  county: Figures;
  byTownship: (Figures & { township: string })[];
  /** --county, else null (then taken from the sheets). */
  countyName: string | null;
  previous: PreviousSummary | null;
}

/** Builds summary.json. */
export function assembleSummary(parts: SummaryParts): SummaryJson {
  const { schema, decision, county } = parts;
  const files = [...decision.files].sort((a, b) => compareCodePoints(a.file, b.file));
  const totalIds = Object.keys(county.totals);
  const rates = schema.figures.rates;
  const rateIds = rates.map((r) => r.id);
  const ranks = rankTownships(parts.byTownship, totalIds, rateIds);
  const byTownship: TownshipSummary[] = parts.byTownship.map((t, i) => ({
    township: t.township,
    villages: t.villages,
    totals: t.totals,
    rates: t.rates,
    ranks: ranks[i]!,
    cadres: t.cadres,
  }));
  const moneyIds = new Set(schema.columns.filter((c) => c.type === 'money').map((c) => c.id));
  const inputs: InputRecord[] = files.map((f) => ({
    file: f.file,
    sha256: f.sha256,
    encoding: f.encoding,
    township: f.township,
    status: f.status,
    rows: f.rows,
  }));
  return {
    county: parts.countyName ?? chooseCounty(files),
    year: decision.year,
    townships: {
      expected: decision.expected,
      accepted: byTownship.map((t) => t.township),
      rejected: files
        .filter((f) => f.status === 'rejected')
        .map((f) => ({ file: f.file, township: f.township, errors: f.errors })),
      missing: decision.missing,
      misnamed: decision.misnamed,
    },
    villages: county.villages,
    totals: county.totals,
    cadres: county.cadres,
    rates: county.rates,
    byTownship,
    previous: parts.previous
      ? compareWithPrevious({ ...county, byTownship }, parts.previous, moneyIds, rates)
      : null,
    findings: files
      .flatMap((f) => f.findings.map((x) => toSummaryFinding(x, f, schema)))
      .sort(compareFindings),
    inputs,
  };
}
