/**
 * The task pane's only entry: waits for Office, checks the host (ExcelApi 1.9 at least, else the
 * `unsupported` message pointing to county-rollup validate), then starts the pane with Excel.run.
 */
import { detectFeatures } from '../excel/hostFeatures';
import { paneLanguage, t } from '../i18n';
import { startPane } from './pane';

// The script runs: the CSS fallback ("this Excel is too old", shown by itself after 6 s when the
// bundle never runs) must not flash on a slow but supported start (issue 8 item 12).
document.documentElement.classList.add('script-ran');

/** The requirement set the pane needs (getCellProperties/setCellProperties, change details). */
const MINIMUM_EXCEL_API = '1.9';

function showUnsupported(message: string): void {
  const box = document.querySelector<HTMLElement>('[data-testid="unsupported"]');
  const app = document.getElementById('app');
  if (app) app.hidden = true;
  if (box) {
    box.textContent = message;
    box.hidden = false;
    box.classList.add('now');
  }
}

/** Starts when Office.js is there; without it (blocked CDN, missing self-hosted copy) says so. */
function main(): void {
  if (typeof Office === 'undefined') {
    showUnsupported(t(paneLanguage(navigator.language), 'officeMissing'));
    return;
  }
  void Office.onReady(onReady);
}

function onReady(info: { host: Office.HostType | null }): void {
  const lang = paneLanguage(Office.context.displayLanguage);
  if (info.host !== Office.HostType.Excel) {
    showUnsupported(t(lang, 'notExcel'));
    return;
  }
  const supports = (version: string): boolean =>
    Office.context.requirements.isSetSupported('ExcelApi', version);
  if (!supports(MINIMUM_EXCEL_API)) {
    showUnsupported(t(lang, 'unsupported'));
    return;
  }
  const unsupported = document.querySelector<HTMLElement>('[data-testid="unsupported"]');
  if (unsupported) unsupported.hidden = true;
  const app = document.getElementById('app');
  if (app) app.hidden = false;
  // Feature-detect each API on the loaded office.js too: a self-hosted npm copy lacks the notes
  // API while the host reports ExcelApi 1.18 (issue 8 item 2).
  const features = detectFeatures(supports, Excel);
  startPane(document, {
    // delayForCellEdit: a batch waits while the user is typing in a cell instead of failing
    // (Excel.RunOptions); mergeUndoGroup (1.20): one undo step per batch.
    run: (batch) =>
      Excel.run(
        { delayForCellEdit: true, ...(features.undoGroup ? { mergeUndoGroup: true } : {}) },
        batch,
      ),
    lang,
    support: features,
  });
}

main();
