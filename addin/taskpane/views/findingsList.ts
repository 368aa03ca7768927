/** The findings list and the silent normalizations, with their 修正 checkboxes. */
import type { Finding } from '../../../core/types';
import {
  countFindings,
  groupFindings,
  matchesFilter,
  type FindingFilter,
  type FixOffer,
} from '../paneModel';
import { hook, make, type Texts } from './dom';

/** What the list shows: the last pass's findings and offers (null: nothing checked yet). */
export interface FindingsModel {
  findings: readonly Finding[];
  offers: readonly FixOffer[];
  messageOf: (f: Finding) => string;
  text: Texts;
  filter: FindingFilter;
}

/** What the list reports back. */
export interface FindingsEvents {
  /** A finding with a cell was clicked (or Enter pressed on it). */
  select: (cell: string, message: string) => void;
}

function fixChoice(doc: Document, text: Texts, offer: FixOffer, label: string): HTMLElement {
  const wrap = make(doc, 'label', 'fix-choice');
  const box = make(doc, 'input');
  box.type = 'checkbox';
  box.setAttribute('data-testid', 'fix-select');
  box.dataset.key = offer.key;
  box.title = text('tick');
  wrap.append(box, make(doc, 'span', 'suggestion', label));
  return wrap;
}

/** Renders the counts, the grouped findings and the normalizations; `model` null empties them. */
export function renderFindings(
  doc: Document,
  model: FindingsModel | null,
  on: FindingsEvents,
): void {
  const findingsEl = hook(doc, 'findings');
  const normalizedList = hook(doc, 'normalized-list');
  const normalizedSection = hook(doc, 'normalized-section');
  findingsEl.replaceChildren();
  normalizedList.replaceChildren();
  const { errors, warnings } = countFindings(model?.findings ?? []);
  hook(doc, 'count-errors').textContent = String(errors);
  hook(doc, 'count-warnings').textContent = String(warnings);
  normalizedSection.hidden = true;
  if (!model) return;
  const { text, messageOf } = model;
  const offerOf = new Map(model.offers.map((o) => [o.key, o]));
  if (model.findings.length === 0) findingsEl.append(make(doc, 'p', 'empty', text('noFindings')));
  for (const group of groupFindings(model.findings, messageOf)) {
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
      if (offer)
        li.append(fixChoice(doc, text, offer, text('suggestion', { value: offer.suggestion })));
      if (f.cell) {
        li.tabIndex = 0;
        li.classList.add('selectable');
        const cell = f.cell;
        li.addEventListener('click', (event) => {
          if ((event.target as HTMLElement).closest('label')) return;
          on.select(cell, item.message);
        });
        li.addEventListener('keydown', (event) => {
          if (event.key === 'Enter') li.click();
        });
      }
      list.append(li);
    }
    section.append(head, list);
    findingsEl.append(section);
  }
  const normalized = model.offers.filter((o) => o.key.startsWith('n'));
  normalizedSection.hidden = normalized.length === 0;
  for (const offer of normalized) {
    const li = make(doc, 'li', 'normalized');
    li.setAttribute('data-testid', 'normalized');
    li.dataset.cell = offer.cell;
    li.append(
      fixChoice(
        doc,
        text,
        offer,
        text('normalizedItem', {
          cell: offer.cell,
          value: offer.oldValue ?? '',
          suggestion: offer.suggestion,
        }),
      ),
    );
    normalizedList.append(li);
  }
  applyFilter(doc, model.filter);
}

/** Shows only the findings of the chosen severity (a group with none shown is hidden). */
export function applyFilter(doc: Document, filter: FindingFilter): void {
  hook(doc, 'findings')
    .querySelectorAll<HTMLElement>('section.group')
    .forEach((section) => {
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

/** The keys of the ticked 修正 checkboxes. */
export function tickedKeys(doc: Document): string[] {
  return [...doc.querySelectorAll<HTMLInputElement>('[data-testid="fix-select"]:checked')].map(
    (b) => b.dataset.key ?? '',
  );
}
