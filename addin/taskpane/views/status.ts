/** The status line and the busy state (buttons off while an action runs). */
import type { Status } from '../statusText';
import { hook } from './dom';

/** The buttons an action in progress disables. */
const BUSY_BUTTONS = ['validate', 'clear', 'fix', 'new-sheet', 'totals', 'fix-confirm'];

/** Shows `status` in the status line (kind "error" styles it as a failure). */
export function renderStatus(doc: Document, status: Status): void {
  const el = hook(doc, 'status');
  el.textContent = status.message;
  el.dataset.kind = status.kind;
}

/** Disables the action buttons and marks the page busy, or undoes it. */
export function renderBusy(doc: Document, busy: boolean): void {
  for (const id of BUSY_BUTTONS) hook<HTMLButtonElement>(doc, id).disabled = busy;
  doc.body.classList.toggle('busy', busy);
}
