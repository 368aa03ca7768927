/** The core's entry point: a plain grid in, the parsed sheet and its findings out (entry-sheet §1–§7). */
import { sortFindings } from './findings/sortFindings';
import { identifyTownship } from './registry/identifyTownship';
import { compileSchema } from './schema/compileSchema';
import { checkHasVillages } from './sheet/checkHasVillages';
import { checkYear, sheetYear } from './sheet/checkYear';
import { makeFinding } from './findings/makeFinding';
import { toA1 } from './a1';
import { detectHeader } from './sheet/detectHeader';
import { noDataRows, readDataRows } from './sheet/readDataRows';
import { countyFromTitle, readMetadata } from './sheet/readMetadata';
import type {
  ColumnMapping,
  Finding,
  Grid,
  Normalization,
  ParsedSheet,
  Schema,
  SheetInfo,
  ValidateOptions,
} from './types';

/** One W_HIDDEN_COLUMNS for the known columns that sit in hidden columns (they are read). */
function hiddenColumnFindings(
  columns: readonly ColumnMapping[],
  headerRow: number | null,
  sheet: SheetInfo | null | undefined,
  schema: Schema,
): Finding[] {
  const hidden = sheet?.hiddenColumns;
  if (!hidden || hidden.length === 0 || headerRow === null) return [];
  const set = new Set(hidden);
  const known = columns.filter((c) => set.has(c.column)).sort((a, b) => a.column - b.column);
  if (known.length === 0) return [];
  const list = known.map((c) => `${toA1(headerRow, c.column).replace(/\d+$/, '')}「${c.header}」`);
  return [
    makeFinding(schema, 'W_HIDDEN_COLUMNS', {
      row: headerRow,
      params: { columns: list.join('、') },
    }),
  ];
}

/** Validates a sheet grid: header, metadata, rows, rules, township and registry. Pure and deterministic; data problems are findings, never exceptions. */
export function validateGrid(grid: Grid, options: ValidateOptions): ParsedSheet {
  const { schema } = options;
  const cs = compileSchema(schema);
  const sheet = options.sheet ?? null;
  const header = detectHeader(grid, cs, sheet);
  const metaEnd =
    header.headerRow === null
      ? schema.headerSearchRows
      : (header.headerTop ?? header.headerRow) - 1;
  const { metadata, positions, titleYear } = readMetadata(grid, metaEnd, cs);
  const data =
    header.headerRow === null
      ? noDataRows()
      : readDataRows(grid, header.headerRow, header.columns, cs, {
          dataStart: header.dataStart,
          sheet,
        });
  const villageColumn = header.columns.find((c) => c.field === 'village')?.column;
  const { township, findings: townshipFindings } = identifyTownship(
    {
      name: metadata.township,
      nameAt: positions.township,
      fileName: options.fileName ?? null,
      villages: data.villages,
      villageColumn,
      villageWritten: data.villageWritten,
    },
    options.registry,
    schema,
  );
  const year = sheetYear(metadata.year, positions.year, titleYear, options.fileName);
  const yearFindings = checkYear(year, options.year, schema, sheet?.name);
  // Only these two are captured by the accessor below (not the grid: the result must not keep it alive).
  const cells = data.normalized;
  let normalized: Normalization[] | null = null;
  return {
    metadata,
    county: countyFromTitle(metadata.title),
    headerRow: header.headerRow,
    columns: [...header.columns].sort((a, b) => a.column - b.column),
    unknownColumns: header.unknownColumns,
    villages: data.villages,
    levelRow: data.levelRow,
    totalRow: data.totalRow,
    township,
    findings: sortFindings([
      ...header.findings,
      ...hiddenColumnFindings(header.columns, header.headerRow, sheet, schema),
      ...data.findings,
      ...townshipFindings,
      ...yearFindings,
      ...checkHasVillages(header.headerRow, data.villages, schema),
    ]),
    // Made on first read (the batch pipeline never reads it), then kept: a plain value to JSON, spread and structuredClone.
    get normalized(): Normalization[] {
      return (normalized ??= cells === null ? [] : cells.list());
    },
    set normalized(list: Normalization[]) {
      normalized = list;
    },
    year: year?.year ?? null,
    yearSource: year?.source ?? null,
    yearAt:
      year && year.row !== null && year.column !== null
        ? { row: year.row, column: year.column }
        : null,
    excludedRows: data.excludedRows,
  };
}
