/**
 * The task pane: wires the buttons to the Excel adapters and the core, renders findings, fixes
 * and totals. Every text goes in through textContent (cell text is data, never markup). Excel is
 * reached only through `host.run` (Excel.run in main.ts), so the pane itself has no Office globals.
 */
import { loadSchema, parseRegistry, renderFinding, summarizeSheet, validateGrid } from '../../core';
import { buildTemplateLayout } from '../../core/templateLayout';
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
  groupFindings,
  matchesFilter,
  totalsLines,
  type FindingFilter,
  type FixOffer,
} from './paneModel';
import { changeHandler, createBatchQueue, createPassScheduler } from './batchQueue';
import { decodeText, splitCsv } from './registryFile';

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

/** Finds an element by its data-testid; a missing hook is a bug in taskpane.html. */
function hook<T extends HTMLElement>(doc: Document, id: string): T {
  const el = doc.querySelector<T>(`[data-testid="${id}"]`);
  if (!el) throw new Error(`taskpane.html lacks data-testid="${id}"`);
  return el;
}

function make<K extends keyof HTMLElementTagNameMap>(
  doc: Document,
  tag: K,
  className?: string,
  text?: string,
): HTMLElementTagNameMap[K] {
  const el = doc.createElement(tag);
  if (className) el.className = className;
  if (text !== undefined) el.textContent = text;
  return el;
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
    fixDialog: hook<HTMLElement>(doc, 'fix-dialog'),
    fixList: hook<HTMLElement>(doc, 'fix-list'),
    fixConfirm: hook<HTMLButtonElement>(doc, 'fix-confirm'),
    fixCancel: hook<HTMLButtonElement>(doc, 'fix-cancel'),
    newSheet: hook<HTMLButtonElement>(doc, 'new-sheet'),
    totals: hook<HTMLButtonElement>(doc, 'totals'),
    totalsPanel: hook<HTMLElement>(doc, 'totals-panel'),
    registryFile: hook<HTMLInputElement>(doc, 'registry-file'),
    township: hook<HTMLSelectElement>(doc, 'township'),
    year: hook<HTMLInputElement>(doc, 'year'),
    countErrors: hook<HTMLElement>(doc, 'count-errors'),
    countWarnings: hook<HTMLElement>(doc, 'count-warnings'),
    filter: hook<HTMLSelectElement>(doc, 'filter'),
    findings: hook<HTMLElement>(doc, 'findings'),
    normalizedSection: hook<HTMLElement>(doc, 'normalized-section'),
    normalizedList: hook<HTMLElement>(doc, 'normalized-list'),
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
    renderFindings();
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

  function renderFindings(): void {
    const pass = last;
    ui.findings.replaceChildren();
    ui.normalizedList.replaceChildren();
    ui.fixDialog.hidden = true;
    const { errors, warnings } = countFindings(pass?.parsed.findings ?? []);
    ui.countErrors.textContent = String(errors);
    ui.countWarnings.textContent = String(warnings);
    ui.normalizedSection.hidden = true;
    if (!pass) return;
    const offerOf = new Map(pass.offers.map((o) => [o.key, o]));
    if (pass.parsed.findings.length === 0)
      ui.findings.append(make(doc, 'p', 'empty', text('noFindings')));
    for (const group of groupFindings(pass.parsed.findings, messageOf)) {
      const section = make(doc, 'section', 'group');
      const head = make(
        doc,
        'h3',
        'group-head',
        group.row === null ? text('wholeSheet') : text('row', { row: group.row }),
      );
      const tally = make(doc, 'span', 'tally');
      if (group.errors)
        tally.append(make(doc, 'span', 'tally-error', `${text('error')} ${group.errors}`));
      if (group.warnings)
        tally.append(make(doc, 'span', 'tally-warning', `${text('warning')} ${group.warnings}`));
      head.append(tally);
      const list = make(doc, 'ul', 'items');
      for (const item of group.items) {
        const f = item.finding;
        const li = make(doc, 'li', `finding ${f.severity}`);
        li.setAttribute('data-testid', 'finding');
        li.dataset.cell = f.cell ?? '';
        li.dataset.code = f.code;
        li.dataset.severity = f.severity;
        const line = make(doc, 'div', 'line');
        line.append(
          make(doc, 'span', 'badge', f.severity === 'error' ? text('error') : text('warning')),
        );
        // Most messages name their cell first; show it separately only when they do not.
        if (f.cell && !item.message.startsWith(f.cell))
          line.append(make(doc, 'span', 'cell', f.cell));
        line.append(make(doc, 'span', 'message', item.message));
        li.append(line);
        const offer = offerOf.get(`f${item.index}`);
        if (offer) li.append(fixChoice(offer, text('suggestion', { value: offer.suggestion })));
        if (f.cell) {
          li.tabIndex = 0;
          li.classList.add('selectable');
          const cell = f.cell;
          li.addEventListener('click', (event) => {
            if ((event.target as HTMLElement).closest('label')) return;
            void act(async () => {
              await run((context) => selectCell(context, pass.sheet.id || pass.sheet.name, cell));
              say(item.message.startsWith(cell) ? item.message : `${cell}：${item.message}`);
            });
          });
          li.addEventListener('keydown', (event) => {
            if (event.key === 'Enter') li.click();
          });
        }
        list.append(li);
      }
      section.append(head, list);
      ui.findings.append(section);
    }
    const normalized = pass.offers.filter((o) => o.key.startsWith('n'));
    ui.normalizedSection.hidden = normalized.length === 0;
    for (const offer of normalized) {
      const li = make(doc, 'li', 'normalized');
      li.setAttribute('data-testid', 'normalized');
      li.dataset.cell = offer.cell;
      li.append(
        fixChoice(
          offer,
          text('normalizedItem', {
            cell: offer.cell,
            value: offer.oldValue ?? '',
            suggestion: offer.suggestion,
          }),
        ),
      );
      ui.normalizedList.append(li);
    }
    applyFilter();
  }

  function fixChoice(offer: FixOffer, label: string): HTMLElement {
    const wrap = make(doc, 'label', 'fix-choice');
    const box = make(doc, 'input');
    box.type = 'checkbox';
    box.setAttribute('data-testid', 'fix-select');
    box.dataset.key = offer.key;
    box.title = text('tick');
    wrap.append(box, make(doc, 'span', 'suggestion', label));
    return wrap;
  }

  function applyFilter(): void {
    ui.findings.querySelectorAll<HTMLElement>('section.group').forEach((section) => {
      let shown = 0;
      section.querySelectorAll<HTMLElement>('li.finding').forEach((li) => {
        const visible = matchesFilter(
          { severity: li.dataset.severity === 'warning' ? 'warning' : 'error' },
          filter,
        );
        li.hidden = !visible;
        if (visible) shown++;
      });
      section.hidden = shown === 0;
    });
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
    applyFilter();
  });

  ui.clear.addEventListener(
    'click',
    () =>
      void act(async () => {
        const result = await own((context) => clearMarks(context, host.support));
        // The list described the marks; with them gone it would point at nothing.
        last = null;
        renderFindings();
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
    const keys = [
      ...ui.findings.ownerDocument.querySelectorAll<HTMLInputElement>(
        '[data-testid="fix-select"]:checked',
      ),
    ].map((b) => b.dataset.key);
    const offers = pass ? pass.offers.filter((o) => keys.includes(o.key)) : [];
    if (!pass || offers.length === 0) {
      say(text('fixNone'));
      return;
    }
    pendingFixes = { offers, sheet: pass.sheet };
    ui.fixList.replaceChildren(
      ...offers.map((o) => {
        const li = make(doc, 'li', 'fix-line');
        li.append(
          make(doc, 'span', 'cell', o.cell),
          make(doc, 'span', 'old', o.oldValue ?? ''),
          make(doc, 'span', 'arrow', ' → '),
          make(doc, 'span', 'new', String(fixValue(o, schema))),
        );
        return li;
      }),
    );
    ui.fixDialog.hidden = false;
    ui.fixConfirm.focus();
  });

  ui.fixCancel.addEventListener('click', () => {
    pendingFixes = null;
    ui.fixDialog.hidden = true;
    say(text('fixCancelled'));
  });

  ui.fixConfirm.addEventListener(
    'click',
    () =>
      void act(async () => {
        const pending = pendingFixes;
        pendingFixes = null;
        ui.fixDialog.hidden = true;
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
        renderTotals(parsed);
        say(text('totalsShown'));
      }),
  );

  function renderTotals(parsed: ParsedSheet): void {
    const summary = summarizeSheet(parsed, schema);
    const { totals, rates } = totalsLines(summary, schema, lang);
    const { errors } = countFindings(parsed.findings);
    const table = (
      caption: string,
      lines: { label: string; value: string }[],
    ): HTMLTableElement => {
      const el = make(doc, 'table', 'totals-table');
      el.append(make(doc, 'caption', undefined, caption));
      const body = make(doc, 'tbody');
      for (const line of lines) {
        const tr = make(doc, 'tr');
        tr.append(make(doc, 'th', undefined, line.label), make(doc, 'td', undefined, line.value));
        body.append(tr);
      }
      el.append(body);
      return el;
    };
    const parts: HTMLElement[] = [make(doc, 'h2', undefined, text('totalsTitle'))];
    if (errors > 0)
      parts.push(make(doc, 'p', 'totals-warning', text('totalsHasErrors', { errors })));
    parts.push(
      table(text('totalsSums'), totals),
      table(text('totalsRates'), rates),
      make(doc, 'p', 'save-reminder', text('saveReminder')),
    );
    ui.totalsPanel.replaceChildren(...parts);
    ui.totalsPanel.hidden = false;
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
        const first = make(doc, 'option', undefined, text('townshipNone'));
        first.value = '';
        ui.township.replaceChildren(
          first,
          ...registry.townships.map((tw) => {
            const o = make(doc, 'option', undefined, tw.name);
            o.value = tw.name;
            return o;
          }),
        );
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
