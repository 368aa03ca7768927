/**
 * The pane's one door to Excel: each adapter of addin/excel behind the batch queue (one
 * Excel.run at a time, cell-edit mode waited out), so actions and views never see a context.
 */
import type { Finding, ParsedSheet } from '../../core/types';
import type { TemplateLayout } from '../../core/template/templateLayout';
import type { AnnotationSupport } from '../excel/annotations';
import { applyFixes, type CellFix, type FixResult } from '../excel/applyFixes';
import type { SheetRef } from '../excel/applyMarks';
import { registerChangeHandler, type ChangeEvent } from '../excel/autoValidate';
import { clearMarks, type ClearResult } from '../excel/clearMarks';
import { createEntrySheet } from '../excel/createEntrySheet';
import type { HostFeatures } from '../excel/hostFeatures';
import { readSheet, type SheetSnapshot } from '../excel/readSheet';
import { selectCell } from '../excel/selectCell';
import { validateSheet, type PassResult } from '../excel/validateSheet';
import type { PaneLang } from '../i18n';
import { createBatchQueue, type RunBatch } from './batchQueue';

/** What the pane needs from its host (main.ts: Excel.run and the requirement-set answers). */
export interface PaneHost {
  run: RunBatch;
  lang: PaneLang;
  support: AnnotationSupport & Partial<HostFeatures>;
}

/** The Excel work the pane does, one queued batch per call. */
export interface ExcelPort {
  /** Reads, validates and marks the sheet `sheetId` (null: the active one). */
  validate: (sheetId: string | null) => Promise<PassResult<ParsedSheet>>;
  clear: () => Promise<ClearResult>;
  fix: (sheet: SheetRef, fixes: readonly CellFix[]) => Promise<FixResult>;
  select: (sheet: SheetRef, cell: string) => Promise<void>;
  /** Reads the active sheet without marking it (本表合计). */
  read: () => Promise<SheetSnapshot>;
  /** Adds an entry sheet; returns its name. */
  create: (layout: TemplateLayout) => Promise<string>;
  /** Listens to the active sheet's edits unless `isListening` says so already; returns its id. */
  listen: (
    handler: (event: ChangeEvent) => Promise<void>,
    isListening: (sheetId: string) => boolean,
  ) => Promise<string>;
}

/** The port over `host`: `check` is the core's verdict on a sheet, `messageOf` a finding's text. */
export function createExcelPort(
  host: PaneHost,
  check: (sheet: SheetSnapshot) => ParsedSheet,
  messageOf: (finding: Finding) => string,
): ExcelPort {
  const run = createBatchQueue(host.run);
  const { support } = host;
  return {
    validate: (sheetId) =>
      run((context) =>
        validateSheet(context, check, messageOf, support, {
          sheetId,
          merges: support.merges === true,
        }),
      ),
    clear: () => run((context) => clearMarks(context, support)),
    fix: (sheet, fixes) => run((context) => applyFixes(context, sheet, fixes)),
    select: (sheet, cell) => run((context) => selectCell(context, sheet.id || sheet.name, cell)),
    read: () => run((context) => readSheet(context)),
    create: (layout) => run((context) => createEntrySheet(context, layout)),
    listen: (handler, isListening) =>
      run((context) => registerChangeHandler(context, handler, isListening)),
  };
}
