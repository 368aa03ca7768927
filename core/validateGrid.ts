/** The core's entry point: a plain grid in, the parsed sheet and its findings out (entry-sheet §1–§7). */
import { sortFindings } from './findings/sortFindings';
import { identifyTownship } from './registry/identifyTownship';
import { compileSchema } from './schema/compileSchema';
import { checkHasVillages } from './sheet/checkHasVillages';
import { checkYear } from './sheet/checkYear';
import { detectHeader } from './sheet/detectHeader';
import { noDataRows, readDataRows } from './sheet/readDataRows';
import { countyFromTitle, readMetadata } from './sheet/readMetadata';
import type { Grid, ParsedSheet, ValidateOptions } from './types';

/** Validates a sheet grid: header, metadata, rows, rules, township and registry. Pure and deterministic; data problems are findings, never exceptions. */
export function validateGrid(grid: Grid, options: ValidateOptions): ParsedSheet {
  const { schema } = options;
  const cs = compileSchema(schema);
  const header = detectHeader(grid, cs);
  const metaEnd = header.headerRow === null ? schema.headerSearchRows : header.headerRow - 1;
  const { metadata, positions } = readMetadata(grid, metaEnd, cs);
  const data =
    header.headerRow === null
      ? noDataRows()
      : readDataRows(grid, header.headerRow, header.columns, cs);
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
  const yearFindings = checkYear(metadata.year, positions.year, options.year, schema);
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
      ...data.findings,
      ...townshipFindings,
      ...yearFindings,
      ...checkHasVillages(header.headerRow, data.villages, schema),
    ]),
    normalized: data.normalized,
    // stand-in until H1: the year from 年度 only; no hidden rows left out.
    year: metadata.year,
    yearSource: metadata.year === null ? null : 'metadata',
    excludedRows: [],
  };
}
