/** 本表合计: the sums and rates the county will see, and how to save the file for it. */
import { hook, make, type Texts } from './dom';

/** What the panel shows. */
export interface TotalsModel {
  totals: readonly { label: string; value: string }[];
  rates: readonly { label: string; value: string }[];
  /** Errors in the sheet (the totals are then not final). */
  errors: number;
  text: Texts;
}

function table(
  doc: Document,
  caption: string,
  lines: readonly { label: string; value: string }[],
): HTMLTableElement {
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
}

/** Renders the panel and shows it. */
export function renderTotals(doc: Document, model: TotalsModel): void {
  const { text } = model;
  const panel = hook(doc, 'totals-panel');
  const parts: HTMLElement[] = [make(doc, 'h2', undefined, text('totalsTitle'))];
  if (model.errors > 0)
    parts.push(make(doc, 'p', 'totals-warning', text('totalsHasErrors', { errors: model.errors })));
  parts.push(
    table(doc, text('totalsSums'), model.totals),
    table(doc, text('totalsRates'), model.rates),
    make(doc, 'p', 'save-reminder', text('saveReminder')),
  );
  panel.replaceChildren(...parts);
  panel.hidden = false;
}
