/** Where the schema's columns go in the template: letter, width in characters, number format, summed or not. */
import { columnLetters } from '../a1';
import type { ColumnSpec, Schema } from '../types';
import type { TemplateColumn } from './templateLayout';
import { textWidth } from './textWidth';

/** Every schema column in sheet order, placed; a column without a `width` gets one from its header. */
export function placeColumns(schema: Schema): TemplateColumn[] {
  return schema.columns.map((c: ColumnSpec, i) => ({
    index: i + 1,
    letter: columnLetters(i + 1),
    id: c.id,
    header: c.header,
    type: c.type,
    group: c.group,
    width: c.width ?? Math.max(8, Math.ceil(textWidth(c.header) / 2) + 2),
    numFmt: schema.types[c.type].excelFormat,
    sum: c.sum === true,
  }));
}
