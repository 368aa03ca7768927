/** Reads the county registry grid (entry-sheet §6, §7.8): townships, their aliases and villages. */
import { normalizeHeader, normalizeText } from '../normalize/normalizeText';
import type { RegistryError } from './registryMessages';
import { registryError } from './registryMessages';
import { cellText } from '../sheet/cellText';
import type { Grid, Registry, RegistryTownship, Schema } from '../types';

/** Finds the header row: the first row with a township and a village header; returns its 0-based index and column indexes. */
function findHeader(
  grid: Grid,
  schema: Schema,
): { r: number; t: number; v: number; a: number } | null {
  const keys = (list: string[]): Set<string> => new Set(list.map(normalizeHeader));
  const [tk, vk, ak] = [
    keys(schema.registry.townshipHeader),
    keys(schema.registry.villageHeader),
    keys(schema.registry.aliasHeader),
  ];
  for (let r = 0; r < Math.min(grid.length, schema.headerSearchRows); r++) {
    const cells = (grid[r] ?? []).map((c) => normalizeHeader(cellText(c)));
    const t = cells.findIndex((c) => tk.has(c));
    const v = cells.findIndex((c) => vk.has(c));
    if (t >= 0 && v >= 0) return { r, t, v, a: cells.findIndex((c) => ak.has(c)) };
  }
  return null;
}

/** Splits an alias cell on the schema's separators (、 ; ； ,) after normalization. */
function splitAliases(text: string, schema: Schema): string[] {
  let parts = [normalizeText(text)];
  for (const sep of schema.registry.aliasSeparators.map(normalizeText))
    if (sep) parts = parts.flatMap((p) => p.split(sep));
  return parts.filter((p) => p !== '');
}

/**
 * Parses the registry. A blank township cell repeats the township above (merged cells in Excel);
 * the alias cell may repeat on every row. An alias pointing to two townships, or a village listed
 * twice in one township, makes the registry invalid.
 */
export function parseRegistry(
  grid: Grid,
  schema: Schema,
): { ok: true; registry: Registry } | { ok: false; errors: RegistryError[] } {
  const header = findHeader(grid, schema);
  if (!header) {
    const params = {
      township: schema.registry.townshipHeader[0] ?? '',
      village: schema.registry.villageHeader[0] ?? '',
      alias: schema.registry.aliasHeader[0] ?? '',
    };
    return { ok: false, errors: [registryError(schema, 'noHeader', null, params)] };
  }
  const errors: RegistryError[] = [];
  const townships = new Map<string, RegistryTownship & { rows: Map<string, number> }>();
  const owner = new Map<string, string>(); // name or alias → township
  let current: string | null = null;
  for (let r = header.r + 1; r < grid.length; r++) {
    const row = grid[r] ?? [];
    const tRaw = normalizeText(cellText(row[header.t]));
    const vRaw = normalizeText(cellText(row[header.v]));
    const aRaw = header.a >= 0 ? cellText(row[header.a]) : '';
    if (tRaw === '' && vRaw === '' && normalizeText(aRaw) === '') continue;
    const name: string | null = tRaw || current;
    if (name === null || vRaw === '') {
      errors.push(registryError(schema, 'missingName', r + 1, {}));
      continue;
    }
    current = name;
    let t = townships.get(name);
    if (!t) {
      const other = owner.get(name);
      if (other !== undefined && other !== name)
        errors.push(
          registryError(schema, 'aliasClash', r + 1, { alias: name, township: name, other }),
        );
      t = { name, aliases: [], villages: [], rows: new Map() };
      townships.set(name, t);
      owner.set(name, name);
    }
    const seen = t.rows.get(vRaw);
    if (seen !== undefined)
      errors.push(
        registryError(schema, 'duplicateVillage', r + 1, {
          village: vRaw,
          township: name,
          otherRow: seen,
        }),
      );
    else {
      t.rows.set(vRaw, r + 1);
      t.villages.push(vRaw);
    }
    for (const alias of splitAliases(aRaw, schema)) {
      const other = owner.get(alias);
      if (other === undefined) {
        owner.set(alias, name);
        t.aliases.push(alias);
      } else if (other !== name)
        errors.push(registryError(schema, 'aliasClash', r + 1, { alias, township: name, other }));
    }
  }
  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    registry: {
      townships: [...townships.values()].map(({ name, aliases, villages }) => ({
        name,
        aliases,
        villages,
      })),
    },
  };
}
