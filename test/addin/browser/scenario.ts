/** Sheets for the browser test of the pane, made by code: one full of mistakes, and a 2,000-row one. */
import { columnLetters, loadSchema, validateGrid } from '../../../core';
import type { Cell, Finding } from '../../../core/types';
import { buildSheet } from '../../core/builders';
import type { FakeFill, Scalar } from '../host/browser';

/** The sheet's name in the simulated workbook. */
export const SHEET = '统计表';

/** The cell text that must show as text in the pane, never as markup. */
export const XSS = '<img src=x onerror=alert(1)>';

/** A sheet with its user fills and annotations, and what the core finds in it. */
export interface Scenario {
  grid: Scalar[][];
  fills: Record<string, Partial<FakeFill>>;
  comments: Record<string, string>;
  notes: Record<string, string>;
  /** The core's findings that point at a cell, in the core's order. */
  findings: Finding[];
  /** Cells the core silently normalizes (offered for tidying), with their suggestion. */
  normalized: Array<{ cell: string; value: string; suggestion: string }>;
}

function toScalars(grid: Cell[][]): Scalar[][] {
  const width = Math.max(...grid.map((r) => r.length));
  return grid.map((row) => Array.from({ length: width }, (_, c) => row[c] ?? ''));
}

function withCore(
  grid: Cell[][],
  rest: Omit<Scenario, 'grid' | 'findings' | 'normalized'>,
): Scenario {
  const parsed = validateGrid(grid, { schema: loadSchema() });
  return {
    grid: toScalars(grid),
    findings: parsed.findings.filter((f) => f.cell !== null),
    normalized: parsed.normalized.map((n) => ({
      cell: n.cell,
      value: String(n.value),
      suggestion: String(n.suggestion),
    })),
    ...rest,
  };
}

/**
 * Six village rows with: full-width digits (M5), 150余 (AC6, under a user's yellow fill and
 * comment), 有/无 for yes/no (J7, K7), attendance without events (M8, white-filled), a duplicate
 * village (B9, patterned fill) and markup in a number cell (N10, no fill); a user's note on a clean cell.
 */
export function mistakesScenario(): Scenario {
  const b = buildSheet({ villages: 6 });
  b.set(5, 'trainingAttendance', '６０');
  b.set(6, 'culturalAttendance', '150余');
  b.set(7, 'womensHome', '有').set(7, 'childrensHome', '无');
  b.set(8, 'trainingSessions', 0).set(8, 'trainingAttendance', 40);
  b.set(9, 'village', '青石村');
  b.set(10, 'outreachEvents', XSS);
  // Traditional headers and a Traditional township: the bundled opencc converter must map them in
  // the browser exactly as in Node (a broken conversion would add E_MISSING_COLUMN findings).
  b.set(b.headerRow, 'cancerScreened', '兩癌篩查人數').set(
    b.headerRow,
    'disputesHandled',
    '調處糾紛件數',
  );
  return withCore(b.grid, {
    fills: {
      AC6: { color: '#FFFF00', pattern: 'Solid' },
      M8: { color: '#FFFFFF', pattern: 'Solid' },
      B9: { color: '#FFC000', pattern: 'LightUp' },
      [`A4:${columnLetters(loadSchema().columns.length)}4`]: { color: '#DDEBF7', pattern: 'Solid' },
    },
    comments: { [`${SHEET}!AC6`]: '村里说大概150人' },
    notes: { [`${SHEET}!C5`]: '新任主席' },
  });
}

/** A clean sheet of three villages (no findings). */
export function cleanScenario(): Scenario {
  return withCore(buildSheet({ villages: 3 }).grid, { fills: {}, comments: {}, notes: {} });
}

/** 2,000 village rows, one in seven with a mistake of some kind. */
export function largeScenario(rows = 2000): Scenario {
  const b = buildSheet({ villages: rows });
  for (let i = 0; i < rows; i += 7) {
    const row = b.villageRow(i);
    const kind = (i / 7) % 4;
    if (kind === 0) b.set(row, 'culturalAttendance', '200余');
    if (kind === 1) b.set(row, 'cadreAge', 95);
    if (kind === 2) b.set(row, 'trainingAttendance', 'abc');
    if (kind === 3) b.set(row, 'disputesResolved', 9);
  }
  return withCore(b.grid, { fills: {}, comments: {}, notes: {} });
}
