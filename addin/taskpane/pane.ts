/**
 * The task pane's wiring: the schema and texts, the model, the Excel port, the views on the
 * document, and each control handed to its action (actions.ts). Every text goes in through
 * textContent (cell text is data, never markup). Excel is reached only through `host.run`
 * (Excel.run in main.ts), so the pane itself has no Office globals.
 */
import { loadSchema, renderFinding, validateGrid } from '../../core';
import type { Finding, Grid, ParsedSheet, SheetInfo } from '../../core/types';
import { createActions, createPaneState, type PaneView } from './actions';
import { createExcelPort, type PaneHost } from './excelPort';
import { bindControls, renderStaticTexts } from './views/controls';
import { textsOf } from './views/dom';
import { applyFilter, renderFindings } from './views/findingsList';
import { renderFixDialog } from './views/fixDialog';
import { renderRegistryPicker } from './views/registryPicker';
import { renderBusy, renderStatus } from './views/status';
import { renderTotals } from './views/totalsPanel';

export type { PaneHost } from './excelPort';

/** Sets up the pane in `doc`; returns nothing, everything happens on user actions. */
export function startPane(doc: Document, host: PaneHost): void {
  const { lang, support } = host;
  const schema = loadSchema();
  const text = textsOf(lang);
  renderStaticTexts(doc, lang, text, new Date().getFullYear());

  const state = createPaneState();
  const messageOf = (f: Finding): string => {
    const r = renderFinding(f, schema);
    return lang === 'en' ? r.message_en : r.message_zh;
  };
  // No file name in Excel: the township comes from 填报单位 (entry-sheet §7.7). The reader's
  // SheetInfo (hidden rows/columns, merges, name, typed cells) goes to the core (issue 7).
  const check = (sheet: { grid: Grid; info?: SheetInfo }): ParsedSheet =>
    validateGrid(sheet.grid, {
      schema,
      registry: state.registry,
      fileName: null,
      sheet: sheet.info ?? null,
    });
  const port = createExcelPort(host, check, messageOf);

  const fixDialogEvents = {
    confirm: () => void actions.confirmFixes(),
    cancel: () => actions.cancelFixes(),
  };
  const pickerEvents = {
    registryFile: (file: File | null) => void actions.loadRegistry(file),
    newSheet: (township: string, year: string) => void actions.newSheet(township, year),
  };
  const view: PaneView = {
    findings: (model) =>
      renderFindings(doc, model, {
        select: (cell, message) => void actions.select(cell, message),
      }),
    filter: (filter) => applyFilter(doc, filter),
    fixDialog: (lines) => renderFixDialog(doc, lines, fixDialogEvents),
    totals: (model) => renderTotals(doc, model),
    townships: (townships) => renderRegistryPicker(doc, { townships, text }, pickerEvents),
    status: (status) => renderStatus(doc, status),
    busy: (busy) => renderBusy(doc, busy),
  };
  const actions = createActions({
    schema,
    lang,
    text,
    support,
    state,
    port,
    view,
    check,
    messageOf,
  });

  // Each view wires its controls once; the first render shows the empty pane.
  view.fixDialog(null);
  view.townships([]);
  bindControls(doc, {
    validate: () => void actions.validate(),
    filter: (value) => actions.setFilter(value),
    clear: () => void actions.clear(),
    fix: (keys) => actions.offerFixes(keys),
    auto: (on) => void actions.setAuto(on),
    totals: () => void actions.showTotals(),
  });
}
