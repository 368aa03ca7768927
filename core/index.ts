/** The rule core's public API: pure functions over plain grids, driven by the schema file. */
export type * from './types';
export { columnLetters, toA1 } from './a1';
export { loadSchema, validateSchema, SchemaError } from './schema/loadSchema';
export { compileSchema } from './schema/compileSchema';
export type { CompiledSchema } from './schema/compileSchema';
export { normalizeText, normalizeHeader, foldWidth } from './normalize/normalizeText';
export { parseCell, isBlankCell, round2 } from './normalize/parseCell';
export type { CellResult } from './normalize/parseCell';
export { parseChineseNumeral } from './normalize/parseChineseNumeral';
export { parseYear, countyFromTitle } from './sheet/readMetadata';
export { validateGrid } from './validateGrid';
export { fieldPositions, valueOf, valuesByField } from './sheet/rowValues';
export { yearMismatchFinding, sheetYear } from './sheet/checkYear';
export type { SheetYear } from './sheet/checkYear';
export { yearInText } from './sheet/readMetadata';
export { detectHeader, findHeaderRow } from './sheet/detectHeader';
export type { HeaderResult } from './sheet/detectHeader';
export { buildTemplateLayout } from './template/buildTemplateLayout';
export type {
  TemplateOptions,
  TemplateCell,
  TemplateFormula,
  TemplateRowKind,
  TemplateRow,
  TemplateColumn,
  TemplateRule,
  TemplateValidation,
  TemplateFormat,
  TemplateMetadataCell,
  TemplateTotal,
  TemplateLayout,
} from './template/templateLayout';
export { parseRegistry } from './registry/parseRegistry';
export type { RegistryError } from './registry/registryMessages';
export { resolveTownship } from './registry/resolveTownship';
export type { TownshipResolution } from './registry/resolveTownship';
export { editDistance, nearestName } from './registry/nearestName';
export { makeFinding } from './findings/makeFinding';
export type { FindingParts } from './findings/makeFinding';
export { renderFinding, formatMessage } from './findings/renderFinding';
export { fillText, placeholderNames } from './text/fillText';
export type { Lang } from './findings/renderFinding';
export { sortFindings } from './findings/sortFindings';
export { redactFinding } from './findings/redactFinding';
export { summarizeSheet } from './summarizeSheet';
export type { SheetCadres, SheetRates, SheetSummary } from './summarizeSheet';
export { listFigures, tallyRows, finishFigures } from './figures';
export type { FigureList, Figures, Tally, TallyTerm, CadreFigure, RateFigure } from './figures';
export { columnChecks, rowRules } from './checks';
