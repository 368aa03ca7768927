/** Registry checks of a sheet's villages (entry-sheet §6): unknown villages and registry villages without a row. */
import { makeFinding } from '../findings/makeFinding';
import { normalizeText } from '../normalize/normalizeText';
import type { DataRow, Finding, Registry, Schema } from '../types';
import { valueOf } from '../sheet/rowValues';
import { nearestName } from './nearestName';

/** W_UNKNOWN_VILLAGE per village row not in the township's list (with the nearest name), W_MISSING_VILLAGE per listed village without a row. */
export function checkVillages(
  villages: readonly DataRow[],
  township: string,
  column: number,
  written: (row: number) => string | null,
  registry: Registry,
  schema: Schema,
): Finding[] {
  const entry = registry.townships.find((t) => t.name === township);
  if (!entry) return [];
  const listed = new Map(entry.villages.map((v) => [normalizeText(v), v]));
  const candidates = entry.villages.map((v) => ({ key: normalizeText(v), name: v }));
  const seen = new Set<string>();
  const findings: Finding[] = [];
  for (const v of villages) {
    const name = valueOf(v, 'village');
    if (typeof name !== 'string') continue;
    if (listed.has(name)) seen.add(name);
    else
      findings.push(
        makeFinding(schema, 'W_UNKNOWN_VILLAGE', {
          row: v.row,
          column,
          field: 'village',
          value: written(v.row) ?? name,
          suggestion: nearestName(name, candidates),
          params: { township },
        }),
      );
  }
  for (const [key, name] of listed)
    if (!seen.has(key))
      findings.push(
        makeFinding(schema, 'W_MISSING_VILLAGE', {
          field: 'village',
          value: name,
          params: { township },
        }),
      );
  return findings;
}
