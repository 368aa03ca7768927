/** The template's metadata row (乡镇, 年度, 填报人 …): labels and value cells placed so both stay readable. */
import { columnLetters } from '../a1';
import type { MetadataKey, Schema } from '../types';
import type { TemplateColumn, TemplateMetadataCell, TemplateOptions } from './templateLayout';
import { textWidth } from './textWidth';

/** Room a metadata value needs, in characters, so the next label does not cover it. */
const VALUE_ROOM: Record<MetadataKey['id'], number> = {
  township: 12,
  year: 6,
  reporter: 10,
  phone: 14,
  date: 12,
};

/**
 * Label and value cells of the metadata row. A label sits in its own cell and its value in the
 * first cell to the right that leaves the label room to show, so both stay readable without merges
 * (readers then see each key once, with its value in the next non-empty cell, entry-sheet §7.6).
 */
export function placeMetadata(
  schema: Schema,
  columns: TemplateColumn[],
  options: TemplateOptions,
): TemplateMetadataCell[] {
  const values: Record<MetadataKey['id'], string | number | null> = {
    township: options.township ? `${options.township}${schema.template.townshipSuffix}` : null,
    year: options.year ?? null,
    reporter: null,
    phone: null,
    date: null,
  };
  const widthOf = (col: number): number => columns[col - 1]?.width ?? 8;
  const advance = (from: number, need: number): number => {
    let col = from;
    let room = 0;
    while (room < need) room += widthOf(col++);
    return col;
  };
  const cells: TemplateMetadataCell[] = [];
  // Start in the village column: 序号 is too narrow for a label.
  let col = Math.min(2, columns.length);
  for (const key of schema.metadata) {
    const label = `${key.key}${schema.template.labelSuffix}`;
    cells.push({
      key: key.id,
      part: 'label',
      address: `${columnLetters(col)}2`,
      column: col,
      value: label,
    });
    const valueCol = advance(col, textWidth(label));
    const value = values[key.id];
    cells.push({
      key: key.id,
      part: 'value',
      address: `${columnLetters(valueCol)}2`,
      column: valueCol,
      value,
    });
    const room = Math.max(VALUE_ROOM[key.id], value === null ? 0 : textWidth(String(value)) + 2);
    col = advance(valueCol, room);
  }
  return cells;
}
