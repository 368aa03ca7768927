/** Identifies a sheet's township (entry-sheet §7.7): 填报单位 else the file name, matched against the registry. */
import { makeFinding } from '../findings/makeFinding';
import { normalizeText } from '../normalize/normalizeText';
import type { Finding, Registry, Schema } from '../types';
import { nearestName } from './nearestName';

/** The township name and, when it is not in the registry, the E_UNKNOWN_TOWNSHIP finding. */
export interface TownshipResolution {
  township: string | null;
  finding: Finding | null;
}

/** The file's base name without its extension. */
function stem(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? '';
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(0, dot) : base;
}

/** Removes one trailing organisation suffix (妇女联合会, 妇联). */
function stripOrganisation(name: string, schema: Schema): string {
  for (const s of schema.township.stripSuffixes)
    if (name.length > s.length && name.endsWith(s)) return name.slice(0, -s.length);
  return name;
}

/** Name or alias → registry township name. */
function lookupTable(registry: Registry): Map<string, string> {
  const m = new Map<string, string>();
  for (const t of registry.townships)
    for (const k of [t.name, ...t.aliases])
      if (!m.has(normalizeText(k))) m.set(normalizeText(k), t.name);
  return m;
}

/** The one township matching `name` with one trailing 镇/乡/街道 removed, or (when it has none) added; null when none or several. */
function matchLevelSuffix(name: string, table: Map<string, string>, schema: Schema): string | null {
  const suffixes = [...schema.township.levelSuffixes].sort((a, b) => b.length - a.length);
  const ending = suffixes.find((s) => name.length > s.length && name.endsWith(s));
  if (ending !== undefined) return table.get(name.slice(0, -ending.length)) ?? null;
  const found = new Set(
    suffixes.map((s) => table.get(name + s)).filter((t): t is string => t !== undefined),
  );
  return found.size === 1 ? ([...found][0] ?? null) : null;
}

/** The one township whose name or alias (or name without its 镇/乡/街道) the file name contains; null when none or several. */
function matchContained(text: string, registry: Registry, schema: Schema): string | null {
  const found = new Set<string>();
  for (const t of registry.townships)
    for (const k of [t.name, ...t.aliases].map(normalizeText)) {
      const short = schema.township.levelSuffixes.find(
        (s) => k.length > s.length + 1 && k.endsWith(s),
      );
      if (text.includes(k) || (short !== undefined && text.includes(k.slice(0, -short.length))))
        found.add(t.name);
    }
  return found.size === 1 ? ([...found][0] ?? null) : null;
}

/**
 * Without a registry, the township a file name names: the first run of Chinese characters ending in
 * 镇/乡/街道 (附件2-青石镇妇联工作统计表 → 青石镇, 黎岭镇2025年统计表 → 黎岭镇), else the whole name.
 * Without it, a file named like that would count as a township of its own (§6: the townships found
 * are the expected set), and two files of one township would not be seen as duplicates.
 */
function townshipInFileName(name: string, schema: Schema): string {
  const endings = [...schema.township.levelSuffixes].sort((a, b) => b.length - a.length).join('|');
  // Two or more characters before the ending, so 乡镇统计表 alone does not yield 乡镇.
  const m = new RegExp(`[\\u3400-\\u9fff]{2,8}?(?:${endings})`, 'u').exec(name);
  return m ? m[0] : name;
}

/** Resolves the township per §7.7; without a registry the normalized name itself (null when there is none). */
export function resolveTownship(
  name: string | null,
  fileName: string | null,
  registry: Registry | null | undefined,
  schema: Schema,
): TownshipResolution {
  const fromFile = name === null || normalizeText(name) === '';
  const source = (fromFile ? stem(fileName ?? '') : name).trim();
  const full = normalizeText(source);
  const n = stripOrganisation(full, schema);
  if (!registry)
    return { township: (fromFile ? townshipInFileName(n, schema) : n) || null, finding: null };
  const table = lookupTable(registry);
  const township =
    (n === '' ? null : (table.get(n) ?? matchLevelSuffix(n, table, schema))) ??
    (fromFile && full !== '' ? matchContained(full, registry, schema) : null);
  if (township !== null) return { township, finding: null };
  const candidates = registry.townships.flatMap((t) =>
    [t.name, ...t.aliases].map((k) => ({ key: normalizeText(k), name: t.name })),
  );
  const suggestion = n === '' ? null : nearestName(n, candidates);
  return {
    township: null,
    finding: makeFinding(schema, 'E_UNKNOWN_TOWNSHIP', {
      value: source === '' ? null : source,
      suggestion,
    }),
  };
}
