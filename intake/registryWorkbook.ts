/** The county registry from a workbook the readers read (any format): the first visible sheet that is a registry (a 说明 sheet may come first), else the first sheet's errors. Node-free: the CLI's --registry and the check page's registry picker share it. */
import { parseRegistry } from '../core';
import type { Registry, RegistryError, Schema } from '../core';
import type { WorkbookModel } from '../readers';

/** The registry, or the errors of the first sheet tried. */
export type RegistryParse =
  { ok: true; registry: Registry } | { ok: false; errors: RegistryError[] };

/** Tries the visible sheets in order, then the hidden ones. */
export function registryFromWorkbook(workbook: WorkbookModel, schema: Schema): RegistryParse {
  const { sheets } = workbook;
  const ordered = [...sheets.filter((s) => s.visible), ...sheets.filter((s) => !s.visible)];
  let first: RegistryError[] | null = null;
  for (const sheet of ordered) {
    const parsed = parseRegistry(sheet.grid, schema);
    if (parsed.ok) return { ok: true, registry: parsed.registry };
    first ??= parsed.errors;
  }
  return { ok: false, errors: first ?? [] };
}
