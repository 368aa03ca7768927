import { compileSchema } from '../../../core/schema/compileSchema';
import { loadSchema } from '../../../core/schema/loadSchema';
import { countyFromTitle, parseYear, readMetadata } from '../../../core/sheet/readMetadata';
import type { Cell } from '../../../core/types';

const cs = compileSchema(loadSchema());
const read = (grid: Cell[][]) => readMetadata(grid, grid.length, cs);

describe('readMetadata (entry-sheet §1, §7.6)', () => {
  it('reads key：value in one cell and a key alone with its value in the next non-empty cell', () => {
    const r = read([
      ['示例县乡镇妇联工作统计表（2025年度）'],
      [
        '填报单位：黎岭镇妇联',
        null,
        '年度',
        '',
        '2025',
        '填报人',
        '王芳',
        '联系电话:',
        '138 0000 0000',
        '填报日期：2026-01-10',
      ],
    ]);
    expect(r.metadata).toEqual({
      township: '黎岭镇妇联',
      year: 2025,
      reporter: '王芳',
      phone: '13800000000',
      date: '2026-01-10',
      title: '示例县乡镇妇联工作统计表（2025年度）',
    });
    expect(r.positions).toEqual({
      township: { row: 2, column: 1 },
      year: { row: 2, column: 5 },
      reporter: { row: 2, column: 7 },
      phone: { row: 2, column: 9 },
      date: { row: 2, column: 10 },
    });
  });

  it('splits several pairs in one cell, a value ending where the next key begins', () => {
    const r = read([
      [
        '填报单位：黎岭镇妇联   年度：2025年度　填报人：王芳 联系电话：13800000000 填报日期：2026年1月10日',
      ],
    ]);
    expect(r.metadata).toMatchObject({
      township: '黎岭镇妇联',
      year: 2025,
      reporter: '王芳',
      phone: '13800000000',
      date: '2026年1月10日',
      title: null,
    });
  });

  it('reads aliases and Traditional keys', () => {
    expect(read([['填報單位：黎嶺鎮', '統計年度：２０２５年']]).metadata).toMatchObject({
      township: '黎岭镇',
      year: 2025,
    });
    expect(
      read([['乡镇名称', '黎岭镇', '年份', 2025, '电话', '123', '日期', '2026-01-10']]).metadata,
    ).toMatchObject({ township: '黎岭镇', year: 2025, phone: '123', date: '2026-01-10' });
    expect(read([['单位：黎岭镇']]).metadata.township).toBe('黎岭镇');
  });

  it('does not take a title that merely contains 乡镇 for a key', () => {
    const r = read([['乡镇妇联工作统计表'], ['填报单位：黎岭镇']]);
    expect(r.metadata).toMatchObject({ township: '黎岭镇', title: '乡镇妇联工作统计表' });
  });

  it('takes the first occurrence of a key', () => {
    expect(read([['填报单位：甲镇'], ['填报单位：乙镇']]).metadata.township).toBe('甲镇');
  });

  it('leaves absent keys null', () => {
    expect(read([]).metadata).toEqual({
      township: null,
      year: null,
      reporter: null,
      phone: null,
      date: null,
      title: null,
    });
  });
});

describe('parseYear', () => {
  it.each([
    [2025, 2025],
    ['2025', 2025],
    ['2025年', 2025],
    ['2025年度', 2025],
    ['２０２５年度', 2025],
    [' 2025 ', 2025],
    // Regression: a year in Chinese digits was not read, so --year never caught a wrong year.
    ['二〇二五', 2025],
    ['二零二五年度', 2025],
    ['二〇二五年', 2025],
    ['二〇二', null],
    ['两千零二十五', null],
    ['', null],
    [null, null],
    [2025.5, null],
    [true, null],
  ] as [Cell, number | null][])('%p → %p', (value, year) => {
    expect(parseYear(value)).toBe(year);
  });
});

describe('countyFromTitle', () => {
  it.each([
    ['示例县乡镇妇联工作统计表（2025年度）', '示例县'],
    ['示例縣鄉鎮婦聯工作統計表', '示例县'],
    ['城关区妇联统计表', '城关区'],
    ['示例旗乡镇妇联', '示例旗'],
    // A blank template's placeholder county is no county.
    ['XX县乡镇妇联工作统计表（____年度）', null],
    ['××县乡镇妇联工作统计表', null],
    ['xx县乡镇妇联工作统计表', null],
    ['ＸＸ县乡镇妇联工作统计表', null],
    ['____县乡镇妇联工作统计表', null],
    ['＿＿县乡镇妇联工作统计表', null],
    ['某某县乡镇妇联工作统计表', null],
    ['某某区妇联统计表', null],
    ['XX县（示例县）统计表', null],
    ['乡镇妇联工作统计表', null],
    ['县妇联统计表', null],
    [null, null],
  ])('%p → %p', (title, county) => {
    expect(countyFromTitle(title)).toBe(county);
  });
});
