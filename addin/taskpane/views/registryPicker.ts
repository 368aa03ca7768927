/** The township picker of 新建填报表, filled from the registry CSV. */
import { hook, make, type Texts } from './dom';

/** Fills the township select: "no villages" first, then each township of the registry. */
export function renderTownships(
  doc: Document,
  model: { townships: readonly string[]; text: Texts },
): void {
  const first = make(doc, 'option', undefined, model.text('townshipNone'));
  first.value = '';
  hook<HTMLSelectElement>(doc, 'township').replaceChildren(
    first,
    ...model.townships.map((name) => {
      const o = make(doc, 'option', undefined, name);
      o.value = name;
      return o;
    }),
  );
}
