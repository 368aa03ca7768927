/**
 * The task pane's only entry: waits for Office, checks the host (ExcelApi 1.9 at least, else the
 * `unsupported` message pointing to county-rollup validate), then starts the pane with Excel.run.
 */
import { paneLanguage, t } from '../i18n';
import { startPane } from './pane';

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
  startPane(document, {
    run: (batch) => Excel.run(batch),
    lang,
    support: {
      comments: supports('1.10'),
      notes: supports('1.18'),
      triggerSource: supports('1.14'),
    },
  });
}

main();
