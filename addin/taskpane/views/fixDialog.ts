/** The 修正 confirmation: the cells and their old → new values, shown until confirmed or cancelled. */
import { hook, make } from './dom';

/** One line of the confirmation. */
export interface FixLine {
  cell: string;
  oldValue: string;
  newValue: string;
}

/** What the dialog's buttons do. */
export interface FixDialogEvents {
  confirm: () => void;
  cancel: () => void;
}

const wired = new WeakSet<Document>();

/** Shows the dialog with `lines` (null hides it). The buttons' handlers are attached once per document. */
export function renderFixDialog(
  doc: Document,
  lines: readonly FixLine[] | null,
  on?: FixDialogEvents,
): void {
  const dialog = hook(doc, 'fix-dialog');
  if (on && !wired.has(doc)) {
    wired.add(doc);
    hook(doc, 'fix-confirm').addEventListener('click', () => on.confirm());
    hook(doc, 'fix-cancel').addEventListener('click', () => on.cancel());
  }
  if (!lines) {
    dialog.hidden = true;
    return;
  }
  hook(doc, 'fix-list').replaceChildren(
    ...lines.map((l) => {
      const li = make(doc, 'li', 'fix-line');
      li.append(
        make(doc, 'span', 'cell', l.cell),
        make(doc, 'span', 'old', l.oldValue),
        make(doc, 'span', 'arrow', ' → '),
        make(doc, 'span', 'new', l.newValue),
      );
      return li;
    }),
  );
  dialog.hidden = false;
  hook<HTMLButtonElement>(doc, 'fix-confirm').focus();
}
