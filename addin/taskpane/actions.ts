/**
 * What each control of the pane does, as small exported actions over a plain model, the Excel
 * port and the views (the task-pane template's `run()` per button). A user action shows busy,
 * then its outcome or its failure in the status line; it never throws.
 */
import { parseRegistry, summarizeSheet } from '../../core';
import { buildTemplateLayout } from '../../core/template/buildTemplateLayout';
import type { Finding, ParsedSheet, Registry, Schema } from '../../core/types';
import type { SheetRef } from '../excel/applyMarks';
import type { SheetSnapshot } from '../excel/readSheet';
import type { PaneLang } from '../i18n';
import { createAutoCheck } from './autoCheck';
import { createPassScheduler } from './batchQueue';
import type { ExcelPort, PaneHost } from './excelPort';
import {
  countFindings,
  fixOffers,
  fixValue,
  totalsLines,
  type FindingFilter,
  type FixOffer,
} from './paneModel';
import { decodeText, splitCsv } from './registryFile';
import * as status from './statusText';
import type { Texts } from './views/dom';
import type { FindingsModel } from './views/findingsList';
import type { FixLine } from './views/fixDialog';
import type { TotalsModel } from './views/totalsPanel';

/** The last pass: the sheet it checked, the core's verdict and the fixes it offers. */
export interface LastPass {
  sheet: SheetRef;
  parsed: ParsedSheet;
  offers: FixOffer[];
}

/** Everything the pane remembers between actions. */
export interface PaneState {
  last: LastPass | null;
  registry: Registry | null;
  filter: FindingFilter;
  /** The fixes shown in the confirmation, until confirmed or cancelled. */
  pendingFixes: { sheet: SheetRef; offers: FixOffer[] } | null;
}

/** A fresh model: nothing checked, no registry, every finding shown. */
export function createPaneState(): PaneState {
  return { last: null, registry: null, filter: 'all', pendingFixes: null };
}

/** Where the actions show things (pane.ts: the views on the document). */
export interface PaneView {
  findings: (model: FindingsModel | null) => void;
  filter: (filter: FindingFilter) => void;
  fixDialog: (lines: readonly FixLine[] | null) => void;
  totals: (model: TotalsModel) => void;
  townships: (names: readonly string[]) => void;
  status: (s: status.Status) => void;
  busy: (busy: boolean) => void;
}

/** What the actions work with. */
export interface ActionEnv {
  schema: Schema;
  lang: PaneLang;
  text: Texts;
  support: PaneHost['support'];
  state: PaneState;
  port: ExcelPort;
  view: PaneView;
  /** The core's verdict on a sheet (with the model's registry). */
  check: (sheet: SheetSnapshot) => ParsedSheet;
  messageOf: (finding: Finding) => string;
}

/** The pane's actions, one per control. */
export interface PaneActions {
  validate: () => Promise<void>;
  setFilter: (value: string) => void;
  clear: () => Promise<void>;
  offerFixes: (tickedKeys: readonly string[]) => void;
  cancelFixes: () => void;
  confirmFixes: () => Promise<void>;
  setAuto: (on: boolean) => Promise<void>;
  showTotals: () => Promise<void>;
  loadRegistry: (file: { arrayBuffer: () => Promise<ArrayBuffer> } | null) => Promise<void>;
  newSheet: (township: string, year: string) => Promise<void>;
  select: (cell: string, message: string) => Promise<void>;
}

/** Builds the actions over `env`. */
export function createActions(env: ActionEnv): PaneActions {
  const { state: model, port, view, text, schema } = env;

  async function act(work: () => Promise<void>): Promise<void> {
    view.busy(true);
    view.status(status.infoStatus(text('working')));
    try {
      await work();
    } catch (error) {
      view.status(status.failureStatus(error, text));
    } finally {
      view.busy(false);
    }
  }

  function showFindings(): void {
    const pass = model.last;
    view.fixDialog(null);
    view.findings(
      pass && {
        findings: pass.parsed.findings,
        offers: pass.offers,
        messageOf: env.messageOf,
        text,
        filter: model.filter,
      },
    );
  }

  // One pass at a time; an edit arriving during a pass runs one more after it (issue 8 item 5).
  const passes = createPassScheduler(async (sheetId) => {
    const result = await port.validate(sheetId);
    const parsed = result.outcome;
    model.last = {
      sheet: { name: result.sheet.name, id: result.sheet.id },
      parsed,
      offers: fixOffers(parsed.findings, parsed.normalized),
    };
    showFindings();
    view.status(status.passStatus(result, env.support, text));
  });
  const runPass = (sheetId: string | null = null): Promise<void> => passes.request(sheetId);

  const auto = createAutoCheck({
    port,
    hasTriggerSource: env.support.triggerSource === true,
    pass: (sheetId) =>
      void runPass(sheetId).catch((error: unknown) =>
        view.status(status.autoFailureStatus(error, text)),
      ),
  });

  return {
    validate: () =>
      act(async () => {
        // With 自动校验 on, a sheet checked for the first time starts being listened to as well.
        await auto.follow();
        await runPass();
      }),
    setFilter: (value) => {
      model.filter = value === 'error' || value === 'warning' ? value : 'all';
      view.filter(model.filter);
    },
    clear: () =>
      act(async () => {
        const result = await port.clear();
        // The list described the marks; with them gone it would point at nothing.
        model.last = null;
        showFindings();
        view.status(status.clearStatus(result, text));
      }),
    offerFixes: (keys) => {
      const pass = model.last;
      const offers = pass ? pass.offers.filter((o) => keys.includes(o.key)) : [];
      if (!pass || offers.length === 0) {
        view.status(status.infoStatus(text('fixNone')));
        return;
      }
      model.pendingFixes = { offers, sheet: pass.sheet };
      view.fixDialog(
        offers.map((o) => ({
          cell: o.cell,
          oldValue: o.oldValue ?? '',
          newValue: String(fixValue(o, schema)),
        })),
      );
    },
    cancelFixes: () => {
      model.pendingFixes = null;
      view.fixDialog(null);
      view.status(status.infoStatus(text('fixCancelled')));
    },
    confirmFixes: () =>
      act(async () => {
        const pending = model.pendingFixes;
        model.pendingFixes = null;
        view.fixDialog(null);
        if (!pending) return;
        const fixes = pending.offers.map((o) => ({
          cell: o.cell,
          oldValue: o.oldValue,
          newValue: fixValue(o, schema),
        }));
        const result = await port.fix(pending.sheet, fixes);
        await runPass();
        view.status(status.fixStatus(result, text));
      }),
    setAuto: (on) =>
      act(async () => {
        await auto.set(on);
        if (!on) {
          view.status(status.infoStatus(text('autoOff')));
          return;
        }
        await runPass();
        view.status(status.infoStatus(text('autoOn')));
      }),
    showTotals: () =>
      act(async () => {
        const parsed = env.check(await port.read());
        const { totals, rates } = totalsLines(summarizeSheet(parsed, schema), schema, env.lang);
        view.totals({ totals, rates, errors: countFindings(parsed.findings).errors, text });
        view.status(status.infoStatus(text('totalsShown')));
      }),
    loadRegistry: (file) =>
      act(async () => {
        if (!file) return;
        let grid;
        try {
          grid = splitCsv(decodeText(new Uint8Array(await file.arrayBuffer())));
        } catch (error) {
          view.status(status.registryUnreadableStatus(error, text));
          return;
        }
        const parsed = parseRegistry(grid, schema);
        if (!parsed.ok) {
          model.registry = null;
          view.status(status.registryInvalidStatus(parsed.errors, env.lang, text));
          return;
        }
        const registry = (model.registry = parsed.registry);
        view.townships(registry.townships.map((tw) => tw.name));
        const villages = registry.townships.reduce((n, tw) => n + tw.villages.length, 0);
        view.status(
          status.infoStatus(
            text('registryLoaded', { townships: registry.townships.length, villages }),
          ),
        );
      }),
    newSheet: (townshipValue, yearValue) =>
      act(async () => {
        const township = townshipValue || null;
        const year = Number.parseInt(yearValue, 10);
        const villages =
          model.registry?.townships.find((tw) => tw.name === township)?.villages ?? [];
        const layout = buildTemplateLayout(schema, {
          township,
          year: Number.isFinite(year) ? year : null,
          villages,
        });
        const name = await port.create(layout);
        view.status(status.infoStatus(text('newSheetDone', { name })));
      }),
    select: (cell, message) =>
      act(async () => {
        const pass = model.last;
        if (!pass) return;
        await port.select(pass.sheet, cell);
        view.status(status.selectStatus(cell, message, text));
      }),
  };
}
