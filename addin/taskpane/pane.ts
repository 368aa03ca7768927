/**
 * The task pane: wires the buttons to the Excel adapters and the core, renders findings, fixes
 * and totals. Every text goes in through textContent (cell text is data, never markup). Excel is
 * reached only through `host.run` (Excel.run in main.ts), so the pane itself has no Office globals.
 */
import { loadSchema, parseRegistry, renderFinding, summarizeSheet, validateGrid } from '../../core';
import { buildTemplateLayout } from '../../core/template/buildTemplateLayout';
import type { Finding, Grid, ParsedSheet, Registry, Schema, SheetInfo } from '../../core/types';
import type { AnnotationSupport } from '../excel/annotations';
import type { HostFeatures } from '../excel/hostFeatures';
import { WriteError } from '../excel/writeBatch';
import type { SheetRef } from '../excel/applyMarks';
import { applyFixes } from '../excel/applyFixes';
import { createDebouncer, registerChangeHandler } from '../excel/autoValidate';
import { clearMarks } from '../excel/clearMarks';
import { createEntrySheet } from '../excel/createEntrySheet';
import { readSheet } from '../excel/readSheet';
import { selectCell } from '../excel/selectCell';
import { validateSheet } from '../excel/validateSheet';
import { t, type PaneLang, type TextKey } from '../i18n';
import {
  countFindings,
  fixOffers,
  fixValue,
  totalsLines,
  type FindingFilter,
  type FixOffer,
} from './paneModel';
import { changeHandler, createBatchQueue, createPassScheduler } from './batchQueue';
import { decodeText, splitCsv } from './registryFile';
import { hook } from './views/dom';
import { applyFilter, renderFindings, tickedKeys } from './views/findingsList';
import { renderFixDialog } from './views/fixDialog';
import { renderTotals } from './views/totalsPanel';
import { renderTownships } from './views/registryPicker';

/** What the pane needs from its host (main.ts: Excel.run and the requirement-set answers). */
export interface PaneHost {
  run: <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;
  lang: PaneLang;
  support: AnnotationSupport & Partial<HostFeatures>;
}

interface LastPass {
  sheet: SheetRef;
  parsed: ParsedSheet;
  offers: FixOffer[];
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The text key telling the chair why a write failed and what to do (issue 8 item 7). */
function failureKey(error: unknown): TextKey | null {
  if (!(error instanceof WriteError)) return null;
  return error.cause === 'cellEdit'
    ? 'writeCellEdit'
    : error.cause === 'protected'
      ? 'writeProtected'
      : error.cause === 'tooLarge'
        ? 'writeTooLarge'
        : null;
}

/** Sets up the pane in `doc`; returns nothing, everything happens on user actions. */
export function startPane(doc: Document, host: PaneHost): void {
  const { lang } = host;
  const schema: Schema = loadSchema();
  const text = (key: TextKey, params?: Record<string, string | number>): string =>
    t(lang, key, params);
  const messageOf = (f: Finding): string => {
    const r = renderFinding(f, schema);
    return lang === 'en' ? r.message_en : r.message_zh;
  };

  const ui = {
    validate: hook<HTMLButtonElement>(doc, 'validate'),
    auto: hook<HTMLInputElement>(doc, 'auto-toggle'),
    clear: hook<HTMLButtonElement>(doc, 'clear'),
    fix: hook<HTMLButtonElement>(doc, 'fix'),
    fixConfirm: hook<HTMLButtonElement>(doc, 'fix-confirm'),
    fixCancel: hook<HTMLButtonElement>(doc, 'fix-cancel'),
    newSheet: hook<HTMLButtonElement>(doc, 'new-sheet'),
    totals: hook<HTMLButtonElement>(doc, 'totals'),
    registryFile: hook<HTMLInputElement>(doc, 'registry-file'),
    township: hook<HTMLSelectElement>(doc, 'township'),
    year: hook<HTMLInputElement>(doc, 'year'),
    filter: hook<HTMLSelectElement>(doc, 'filter'),
    status: hook<HTMLElement>(doc, 'status'),
  };

  // Static texts: the page ships Chinese; English replaces them here.
  doc.documentElement.lang = lang === 'en' ? 'en' : 'zh-CN';
  doc.title = text('appTitle');
  doc.querySelectorAll<HTMLElement>('[data-text]').forEach((el) => {
    el.textContent = text(el.dataset.text as TextKey);
  });
  ui.year.value = String(new Date().getFullYear());

  let last: LastPass | null = null;
  let registry: Registry | null = null;
  let filter: FindingFilter = 'all';
  let autoOn = false;
  const registered = new Set<string>();
  let pendingFixes: { offers: FixOffer[]; sheet: SheetRef } | null = null;

  const say = (message: string, kind: 'info' | 'error' = 'info'): void => {
    ui.status.textContent = message;
    ui.status.dataset.kind = kind;
  };
  const buttons = [ui.validate, ui.clear, ui.fix, ui.newSheet, ui.totals, ui.fixConfirm];
  const setBusy = (busy: boolean): void => {
    for (const b of buttons) b.disabled = busy;
    doc.body.classList.toggle('busy', busy);
  };

  // One Excel batch at a time, a batch meeting cell-edit mode tried again (batchQueue.ts).
  const run = createBatchQueue(host.run);

  /** Runs a batch of our own writes (events of user edits meanwhile still schedule a pass). */
  function own<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
    return run(batch);
  }

  /** A user action: busy state, and any failure shown in the status line instead of thrown. */
  async function act(work: () => Promise<void>): Promise<void> {
    setBusy(true);
    say(text('working'));
    try {
      await work();
    } catch (error) {
      const key = failureKey(error);
      say(key ? text(key) : text('failed', { message: errorText(error) }), 'error');
    } finally {
      setBusy(false);
    }
  }

  // No file name in Excel: the township comes from 填报单位 (entry-sheet §7.7).
  // The reader's SheetInfo (hidden rows/columns, merges, name, typed cells) goes to the core (issue 7).
  const check = (sheet: { grid: Grid; info?: SheetInfo }): ParsedSheet =>
    validateGrid(sheet.grid, { schema, registry, fileName: null, sheet: sheet.info ?? null });

  // One pass at a time; an edit arriving during a pass runs one more after it (item 5).
  const passes = createPassScheduler(async (sheetId) => {
    const result = await own((context) =>
      validateSheet(context, check, messageOf, host.support, {
        sheetId,
        merges: host.support.merges === true,
      }),
    );
    const parsed = result.outcome;
    last = {
      sheet: { name: result.sheet.name, id: result.sheet.id },
      parsed,
      offers: fixOffers(parsed.findings, parsed.normalized),
    };
    renderFindingsList();
    const { errors, warnings } = countFindings(parsed.findings);
    const summary =
      errors + warnings === 0 ? text('validatedClean') : text('validated', { errors, warnings });
    const notes = [
      result.marks.annotationsFailed ? text('annotationsFailed') : '',
      result.marks.annotationsCapped
        ? text('annotationsCapped', { count: result.marks.annotationsCapped })
        : '',
      !host.support.notes && !host.support.comments && result.marks.total > 0
        ? text('noAnnotationsHost')
        : '',
      result.marks.record === 'future' ? text('markRecordFuture') : '',
    ].filter(Boolean);
    say([summary, ...notes].join(' '));
  });
  const runPass = (sheetId: string | null = null): Promise<void> => passes.request(sheetId);

  function renderFindingsList(): void {
    const pass = last;
    renderFixDialog(doc, null);
    renderFindings(
      doc,
      pass && { findings: pass.parsed.findings, offers: pass.offers, messageOf, text, filter },
      {
        select: (cell, message) =>
          void act(async () => {
            if (!pass) return;
            await run((context) => selectCell(context, pass.sheet.id || pass.sheet.name, cell));
            say(message.startsWith(cell) ? message : `${cell}：${message}`);
          }),
      },
    );
  }

  ui.validate.addEventListener(
    'click',
    () =>
      void act(async () => {
        // With 自动校验 on, a sheet checked for the first time starts being listened to as well.
        if (autoOn) await ensureChangeHandler();
        await runPass();
      }),
  );

  ui.filter.addEventListener('change', () => {
    const value = ui.filter.value;
    filter = value === 'error' || value === 'warning' ? value : 'all';
    applyFilter(doc, filter);
  });

  ui.clear.addEventListener(
    'click',
    () =>
      void act(async () => {
        const result = await own((context) => clearMarks(context, host.support));
        // The list described the marks; with them gone it would point at nothing.
        last = null;
        renderFindingsList();
        if (result.record === 'corrupt') say(text('recordCorrupt'), 'error');
        else if (result.record === 'future')
          say(text('recordFuture', { version: result.version ?? '?' }), 'error');
        else {
          const done =
            result.restored + result.kept === 0
              ? text('clearedNone')
              : text('cleared', { count: result.restored });
          const extra = [
            result.kept ? text('clearKept', { count: result.kept }) : '',
            result.notesLeft ? text('clearNotesLeft', { count: result.notesLeft }) : '',
          ].filter(Boolean);
          say([done, ...extra].join(' '));
        }
      }),
  );

  ui.fix.addEventListener('click', () => {
    const pass = last;
    const keys = tickedKeys(doc);
    const offers = pass ? pass.offers.filter((o) => keys.includes(o.key)) : [];
    if (!pass || offers.length === 0) {
      say(text('fixNone'));
      return;
    }
    pendingFixes = { offers, sheet: pass.sheet };
    renderFixDialog(
      doc,
      offers.map((o) => ({
        cell: o.cell,
        oldValue: o.oldValue ?? '',
        newValue: String(fixValue(o, schema)),
      })),
    );
  });

  ui.fixCancel.addEventListener('click', () => {
    pendingFixes = null;
    renderFixDialog(doc, null);
    say(text('fixCancelled'));
  });

  ui.fixConfirm.addEventListener(
    'click',
    () =>
      void act(async () => {
        const pending = pendingFixes;
        pendingFixes = null;
        renderFixDialog(doc, null);
        if (!pending) return;
        const fixes = pending.offers.map((o) => ({
          cell: o.cell,
          oldValue: o.oldValue,
          newValue: fixValue(o, schema),
        }));
        const result = await own((context) => applyFixes(context, pending.sheet, fixes));
        await runPass();
        const done = text('fixed', { count: result.written.length });
        const notes = [
          result.skipped.length ? text('fixSkipped', { cells: result.skipped.join('、') }) : '',
          result.formulas.length ? text('fixFormula', { cells: result.formulas.join('、') }) : '',
        ].filter(Boolean);
        say([done, ...notes].join(' '));
      }),
  );

  let eventSheetId: string | null = null;
  const debouncer = createDebouncer(() => {
    const sheetId = eventSheetId;
    eventSheetId = null;
    if (autoOn)
      void runPass(sheetId).catch((error: unknown) =>
        say(text('failed', { message: errorText(error) }), 'error'),
      );
  });

  /** Listens to the active sheet's edits (once per sheet): 自动校验 follows the sheet being checked. */
  async function ensureChangeHandler(): Promise<void> {
    const id = await run((context) =>
      registerChangeHandler(
        context,
        // The sheet the edit came from is validated, not whichever is active then (item 11).
        changeHandler({
          enabled: () => autoOn,
          hasTriggerSource: host.support.triggerSource === true,
          trigger: (sheetId) => {
            eventSheetId = sheetId;
            debouncer.trigger();
          },
        }),
        (sheetId) => registered.has(sheetId),
      ),
    );
    registered.add(id);
  }

  ui.auto.addEventListener(
    'change',
    () =>
      void act(async () => {
        autoOn = ui.auto.checked;
        if (!autoOn) {
          debouncer.cancel();
          say(text('autoOff'));
          return;
        }
        await ensureChangeHandler();
        await runPass();
        say(text('autoOn'));
      }),
  );

  ui.totals.addEventListener(
    'click',
    () =>
      void act(async () => {
        const sheet = await run((context) => readSheet(context));
        const parsed = check(sheet);
        showTotals(parsed);
        say(text('totalsShown'));
      }),
  );

  function showTotals(parsed: ParsedSheet): void {
    const { totals, rates } = totalsLines(summarizeSheet(parsed, schema), schema, lang);
    renderTotals(doc, { totals, rates, errors: countFindings(parsed.findings).errors, text });
  }

  ui.registryFile.addEventListener(
    'change',
    () =>
      void act(async () => {
        const file = ui.registryFile.files?.[0];
        if (!file) return;
        let grid;
        try {
          grid = splitCsv(decodeText(new Uint8Array(await file.arrayBuffer())));
        } catch (error) {
          say(text('registryUnreadable', { message: errorText(error) }), 'error');
          return;
        }
        const parsed = parseRegistry(grid, schema);
        if (!parsed.ok) {
          registry = null;
          say(
            [
              text('registryInvalid'),
              ...parsed.errors.map((e) => (lang === 'en' ? e.message_en : e.message_zh)),
            ].join('\n'),
            'error',
          );
          return;
        }
        registry = parsed.registry;
        renderTownships(doc, { townships: registry.townships.map((tw) => tw.name), text });
        const villages = registry.townships.reduce((n, tw) => n + tw.villages.length, 0);
        say(text('registryLoaded', { townships: registry.townships.length, villages }));
      }),
  );

  ui.newSheet.addEventListener(
    'click',
    () =>
      void act(async () => {
        const township = ui.township.value || null;
        const year = Number.parseInt(ui.year.value, 10);
        const villages = registry?.townships.find((tw) => tw.name === township)?.villages ?? [];
        const layout = buildTemplateLayout(schema, {
          township,
          year: Number.isFinite(year) ? year : null,
          villages,
        });
        const name = await own((context) => createEntrySheet(context, layout));
        say(text('newSheetDone', { name }));
      }),
  );
}
