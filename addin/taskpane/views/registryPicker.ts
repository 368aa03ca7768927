/** The 新建填报表 section: the registry CSV, the township picker filled from it, the year, the button. */
import { hook, make, type Texts } from './dom';

/** What the section shows: the registry's townships (none before a registry is loaded). */
export interface RegistryPickerModel {
  townships: readonly string[];
  text: Texts;
}

/** What the section reports. */
export interface RegistryPickerEvents {
  /** A registry file was picked (null: the choice was cleared). */
  registryFile: (file: File | null) => void;
  /** 新建填报表 with the chosen township ("" for none) and the year as typed. */
  newSheet: (township: string, year: string) => void;
}

const wired = new WeakSet<Document>();

/**
 * Fills the township select: "no villages" first, then each township of the registry. The
 * controls' handlers are attached once per document (on the first call with `on`).
 */
export function renderRegistryPicker(
  doc: Document,
  model: RegistryPickerModel,
  on?: RegistryPickerEvents,
): void {
  const township = hook<HTMLSelectElement>(doc, 'township');
  if (on && !wired.has(doc)) {
    wired.add(doc);
    const file = hook<HTMLInputElement>(doc, 'registry-file');
    file.addEventListener('change', () => on.registryFile(file.files?.[0] ?? null));
    hook(doc, 'new-sheet').addEventListener('click', () =>
      on.newSheet(township.value, hook<HTMLInputElement>(doc, 'year').value),
    );
  }
  const first = make(doc, 'option', undefined, model.text('townshipNone'));
  first.value = '';
  township.replaceChildren(
    first,
    ...model.townships.map((name) => {
      const o = make(doc, 'option', undefined, name);
      o.value = name;
      return o;
    }),
  );
}
