/** The township step of validateGrid: resolve the name (§7.7), then check the villages against the registry (§6). */
import { makeFinding } from '../findings/makeFinding';
import type { CellPosition } from '../sheet/readMetadata';
import type { DataRow, Finding, Registry, Schema } from '../types';
import { checkVillages } from './checkVillages';
import { resolveTownship } from './resolveTownship';

/** What a sheet says about its township. */
export interface TownshipInput {
  /** 填报单位 as read, and where (null when absent). */
  name: string | null;
  nameAt: CellPosition | undefined;
  fileName: string | null;
  villages: readonly DataRow[];
  /** 1-based village column, undefined when the sheet has none. */
  villageColumn: number | undefined;
  villageWritten: (row: number) => string | null;
}

/** The township (registry name, or the normalized name without a registry) and its findings. */
export function identifyTownship(
  input: TownshipInput,
  registry: Registry | null | undefined,
  schema: Schema,
): { township: string | null; findings: Finding[] } {
  const resolved = resolveTownship(input.name, input.fileName, registry, schema);
  const findings: Finding[] = [];
  if (resolved.finding) {
    // Point the finding at the 填报单位 cell when the name came from there (the add-in marks it).
    const { code, severity: _severity, cell: _cell, ...parts } = resolved.finding;
    const at = input.name !== null ? input.nameAt : undefined;
    findings.push(
      at
        ? makeFinding(schema, code, { ...parts, row: at.row, column: at.column })
        : resolved.finding,
    );
  }
  if (registry && resolved.township !== null && input.villageColumn !== undefined)
    findings.push(
      ...checkVillages(
        input.villages,
        resolved.township,
        input.villageColumn,
        input.villageWritten,
        registry,
        schema,
      ),
    );
  return { township: resolved.township, findings };
}
