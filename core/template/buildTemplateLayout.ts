/** Builds the entry-sheet template layout (core/template/templateLayout.ts) from the schema: pure and deterministic. */
import { columnLetters } from '../a1';
import { fillText } from '../text/fillText';
import type { Schema } from '../types';
import { buildValidations } from './buildValidations';
import { placeColumns } from './placeColumns';
import { placeMetadata } from './placeMetadata';
import type {
  TemplateCell,
  TemplateColumn,
  TemplateLayout,
  TemplateOptions,
  TemplateRow,
  TemplateTotal,
} from './templateLayout';
import { textWidth } from './textWidth';

const HEADER_ROW = 4;
const FIRST_DATA_ROW = HEADER_ROW + 1;
const BLANK_ROWS_ALONE = 30;
const BLANK_ROWS_AFTER_VILLAGES = 3;
const TITLE_HEIGHT = 30;
const LINE_HEIGHT = 14;

/** Builds the template layout for a township (villages pre-filled) or a blank one. Pure and deterministic. */
export function buildTemplateLayout(schema: Schema, options: TemplateOptions = {}): TemplateLayout {
  const columns = placeColumns(schema);
  const count = columns.length;
  const lastColumn = columnLetters(count);
  const villages = options.villages ?? [];
  const blankRows =
    options.blankRows ?? (villages.length > 0 ? BLANK_ROWS_AFTER_VILLAGES : BLANK_ROWS_ALONE);
  if (!Number.isInteger(blankRows) || blankRows < 0)
    throw new Error(`blankRows must be a whole number ≥ 0, got ${blankRows}`);

  const villageCol = columnOf(columns, 'village');
  const seqCol = columns.find((c) => c.id === 'seq') ?? null;
  const firstRow = FIRST_DATA_ROW;
  const lastSpareRow = firstRow + villages.length + blankRows - 1;
  const levelRow = lastSpareRow + 1;
  const totalRow = levelRow + 1;
  const blockRange = (col: TemplateColumn, last: number): string =>
    `${col.letter}${firstRow}:${col.letter}${last}`;

  const title = fillText(schema.title.zh, {
    county: options.county ?? schema.template.unknownCounty,
    year: options.year ?? schema.template.unknownYear,
  });
  const metadata = placeMetadata(schema, columns, options);
  const levelLabel = levelRowLabel(schema, options.township ?? null);
  const totalLabel = schema.specialRows.total[0] ?? '合计';

  const emptyRow = (): TemplateCell[] => new Array<TemplateCell>(count).fill(null);
  const rows: TemplateRow[] = [];
  const titleCells = emptyRow();
  titleCells[0] = title;
  rows.push({ row: 1, kind: 'title', cells: titleCells, height: TITLE_HEIGHT });
  const metaCells = emptyRow();
  for (const m of metadata) metaCells[m.column - 1] = m.value;
  rows.push({ row: 2, kind: 'metadata', cells: metaCells, height: null });
  rows.push({ row: 3, kind: 'gap', cells: emptyRow(), height: null });
  const headerHeight = headerRowHeight(columns);
  rows.push({
    row: HEADER_ROW,
    kind: 'header',
    cells: columns.map((c) => c.header),
    height: headerHeight,
  });
  villages.forEach((name, i) => {
    const cells = emptyRow();
    if (seqCol) cells[seqCol.index - 1] = i + 1;
    cells[villageCol.index - 1] = name;
    rows.push({ row: firstRow + i, kind: 'village', cells, height: null });
  });
  for (let r = firstRow + villages.length; r <= lastSpareRow; r++) {
    // Spare rows stay entirely blank: a 序号 alone would make a "row without village" (E_VILLAGE_BLANK).
    rows.push({ row: r, kind: 'spare', cells: emptyRow(), height: null });
  }
  const levelCells = emptyRow();
  levelCells[villageCol.index - 1] = levelLabel;
  rows.push({ row: levelRow, kind: 'level', cells: levelCells, height: null });

  const totals: TemplateTotal[] = [];
  const totalCells = emptyRow();
  totalCells[villageCol.index - 1] = totalLabel;
  for (const col of columns) {
    if (!col.sum) continue;
    // The range runs through the 本级 row, so rows inserted above it are summed too (entry-sheet §7.1).
    const formula = `SUM(${blockRange(col, levelRow)})`;
    totals.push({ field: col.id, address: `${col.letter}${totalRow}`, formula });
    totalCells[col.index - 1] = { formula, result: 0 };
  }
  rows.push({ row: totalRow, kind: 'total', cells: totalCells, height: null });

  const cadre = columns.filter((c) => c.group === 'cadre');
  const greyRange =
    cadre.length > 0
      ? `${cadre[0]!.letter}${levelRow}:${cadre[cadre.length - 1]!.letter}${levelRow}`
      : '';

  return {
    sheetName: schema.sheetName,
    columnCount: count,
    lastColumn,
    title: { row: 1, text: title, range: `A1:${lastColumn}1`, height: TITLE_HEIGHT },
    metadata: { row: 2, cells: metadata },
    header: {
      row: HEADER_ROW,
      range: `A${HEADER_ROW}:${lastColumn}${HEADER_ROW}`,
      height: headerHeight,
    },
    columns,
    rows,
    dataBlock: { firstRow, lastRow: levelRow, range: `A${firstRow}:${lastColumn}${levelRow}` },
    villageRows: { firstRow, count: villages.length },
    level: {
      row: levelRow,
      label: levelLabel,
      range: `A${levelRow}:${lastColumn}${levelRow}`,
      greyRange,
    },
    total: {
      row: totalRow,
      label: totalLabel,
      range: `A${totalRow}:${lastColumn}${totalRow}`,
      formulas: totals,
    },
    formats: columns.map((c) => ({ range: blockRange(c, totalRow), numFmt: c.numFmt })),
    validations: buildValidations(schema, columns, firstRow, lastSpareRow, levelRow),
    freeze: {
      rows: HEADER_ROW,
      columns: villageCol.index,
      topLeftCell: `${columnLetters(villageCol.index + 1)}${firstRow}`,
    },
    print: {
      paper: 'A4',
      orientation: 'landscape',
      area: `A1:${lastColumn}${totalRow}`,
      titleRows: `${HEADER_ROW}:${HEADER_ROW}`,
      titleColumns: `A:${columnLetters(villageCol.index)}`,
      scale: 85,
      footer: schema.template.footer,
    },
  };
}

function columnOf(columns: TemplateColumn[], id: string): TemplateColumn {
  const col = columns.find((c) => c.id === id);
  if (!col) throw new Error(`schema has no column "${id}"`);
  return col;
}

/** The 本级 row's label that matches the township's level (镇本级, 乡本级, 街道本级), else 本级. */
function levelRowLabel(schema: Schema, township: string | null): string {
  const words = schema.specialRows.level;
  // The bare word is the one that does not end with another (本级, not 镇本级).
  const plain = words.find((w) => words.every((o) => o === w || !w.endsWith(o))) ?? '本级';
  if (!township) return plain;
  for (const suffix of schema.township.levelSuffixes) {
    const word = `${suffix}${plain}`;
    if (township.endsWith(suffix) && words.includes(word)) return word;
  }
  return plain;
}

/** Header height in points: enough lines for the longest wrapped header. */
function headerRowHeight(columns: TemplateColumn[]): number {
  const lines = Math.max(
    1,
    ...columns.map((c) => Math.ceil(textWidth(c.header) / Math.max(1, c.width - 1))),
  );
  return lines * LINE_HEIGHT + 6;
}
