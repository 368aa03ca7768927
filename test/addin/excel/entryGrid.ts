/** Entry-sheet grids for the add-in tests, made by code: a clean village row and a few kinds of mistakes. */
import { loadSchema } from '../../../core';
import type { Cell } from '../../../core/types';

const schema = loadSchema();

/** One village row; `mistake` picks a kind of error or warning, by row number. */
export function villageRow(i: number, mistake: boolean): Cell[] {
  const row: Cell[] = [
    i,
    `第${i}村`,
    `张${i}`,
    '女',
    40,
    '高中（中专）',
    '专职',
    '是',
    1200,
    '是',
    '是',
    2,
    40,
    1,
    10,
    0,
    0,
    3,
    5,
    2,
    2,
    0,
    1,
    0,
    1,
    2,
    2,
    1,
    30,
    null,
  ];
  if (mistake) {
    const kind = i % 4;
    if (kind === 0) row[12] = 'abc'; // E_NOT_NUMBER in 培训人次
    if (kind === 1) row[28] = '１５０余'; // W_APPROX
    if (kind === 2) row[4] = 95; // E_AGE_RANGE
    if (kind === 3) row[3] = '男'; // W_MALE_CADRE
  }
  return row;
}

/** A sheet with title, metadata, header and `rows` village rows, every third one with a mistake. */
export function entryGrid(rows: number): Cell[][] {
  return [
    ['示例县乡镇妇联工作统计表（2025年度）'],
    ['填报单位：黎岭镇妇联', null, '年度：2025'],
    [],
    schema.columns.map((c) => c.header),
    ...Array.from({ length: rows }, (_, i) => villageRow(i + 1, (i + 1) % 3 === 0)),
  ];
}

export { schema };
