/** DOM helpers of the pane's views: hooks by data-testid, elements with text (never markup). */
import type { PaneLang, TextKey } from '../../i18n';
import { t } from '../../i18n';

/** Finds an element by its data-testid; a missing hook is a bug in taskpane.html. */
export function hook<T extends HTMLElement>(doc: Document, id: string): T {
  const el = doc.querySelector<T>(`[data-testid="${id}"]`);
  if (!el) throw new Error(`taskpane.html lacks data-testid="${id}"`);
  return el;
}

/** An element with an optional class and text (textContent: cell text is data, never markup). */
export function make<K extends keyof HTMLElementTagNameMap>(
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

/** The pane's texts in one language. */
export type Texts = (key: TextKey, params?: Record<string, string | number>) => string;

/** The texts of `lang`. */
export function textsOf(lang: PaneLang): Texts {
  return (key, params) => t(lang, key, params);
}
