/** The pane's fixed texts and its toolbar (校验, 自动校验, 修正, 清除标记, 本表合计, the filter). */
import type { PaneLang, TextKey } from '../../i18n';
import { hook, type Texts } from './dom';
import { tickedKeys } from './findingsList';

/** What the controls report (pane.ts hands each to an action). */
export interface ControlEvents {
  validate: () => void;
  filter: (value: string) => void;
  clear: () => void;
  /** 修正 with the keys of the ticked offers. */
  fix: (tickedKeys: string[]) => void;
  auto: (on: boolean) => void;
  totals: () => void;
}

/** The static texts in `lang` (the page ships Chinese), and this year in the year field. */
export function renderStaticTexts(doc: Document, lang: PaneLang, text: Texts, year: number): void {
  doc.documentElement.lang = lang === 'en' ? 'en' : 'zh-CN';
  doc.title = text('appTitle');
  doc.querySelectorAll<HTMLElement>('[data-text]').forEach((el) => {
    el.textContent = text(el.dataset.text as TextKey);
  });
  hook<HTMLInputElement>(doc, 'year').value = String(year);
}

/** Attaches `on` to the toolbar's controls (call once per document). */
export function bindControls(doc: Document, on: ControlEvents): void {
  const click = (id: string, handler: () => void): void =>
    hook(doc, id).addEventListener('click', () => handler());
  const auto = hook<HTMLInputElement>(doc, 'auto-toggle');
  const filter = hook<HTMLSelectElement>(doc, 'filter');
  click('validate', on.validate);
  click('clear', on.clear);
  click('fix', () => on.fix(tickedKeys(doc)));
  click('totals', on.totals);
  filter.addEventListener('change', () => on.filter(filter.value));
  auto.addEventListener('change', () => on.auto(auto.checked));
}
