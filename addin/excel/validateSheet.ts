/**
 * One validation pass over the active sheet: read the used range (1 sync), run the core in
 * memory, bring the marks in line (4 syncs). The same 5 syncs for 20 rows or 2,000.
 */
import type { Finding } from '../../core/types';
import {
  APPLY_MARKS_SYNCS,
  applyMarks,
  cellMarksFromFindings,
  type MarkResult,
  type MarkSupport,
} from './applyMarks';
import { readSheet, type ReadOptions, type SheetSnapshot } from './readSheet';

/** Syncs of one validation pass: readSheet's one plus applyMarks'. */
export const VALIDATION_PASS_SYNCS = 1 + APPLY_MARKS_SYNCS;

/** What a pass returns: the sheet as read, the core's verdict, and what changed in the marks. */
export interface PassResult<T> {
  sheet: SheetSnapshot;
  outcome: T;
  marks: MarkResult;
}

/**
 * Reads, validates with `check` (the core, injected so this adapter stays free of schema
 * loading), and marks. `messageOf` renders a finding in the pane's language.
 */
export async function validateSheet<T extends { findings: Finding[] }>(
  context: Excel.RequestContext,
  check: (sheet: SheetSnapshot) => T,
  messageOf: (finding: Finding) => string,
  support: MarkSupport,
  read: ReadOptions = {},
): Promise<PassResult<T>> {
  const sheet = await readSheet(context, read);
  const outcome = check(sheet);
  const marks = await applyMarks(
    context,
    sheet,
    cellMarksFromFindings(outcome.findings, messageOf),
    support,
  );
  return { sheet, outcome, marks };
}
