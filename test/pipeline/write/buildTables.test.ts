import { loadSchema } from '../../../core';
import type { SummaryJson } from '../../../pipeline/aggregate/summaryTypes';
import {
  buildFindingsTable,
  buildSummaryTable,
  buildTownshipsTable,
} from '../../../pipeline/write/buildTables';
import type { TableCell } from '../../../pipeline/write/outputTable';
import { csvLines } from '../../../pipeline/write/writeCsv';
import { buildSummary } from '../report/summaryBuilder';

const schema = loadSchema();

/** The summary with a like-for-like comparison: 黎岭镇 was counted last year only. */
function withComparable(): SummaryJson {
  const s = buildSummary({ previous: true });
  s.previous!.comparable = {
    townships: 30,
    villages: { current: s.villages, previous: s.villages },
    onlyLastYear: ['旧乡'],
    onlyThisYear: [],
    previous: { totals: { trainingAttendance: 10000 }, rates: {} },
    change: {
      totals: { trainingAttendance: 800, reliefYuan: -12.5 },
      rates: { fullTimeRate: 0.047, committeeRate: -0.008 },
    },
  };
  s.townships.misnamed = [{ township: '未报镇', file: '未抱镇统计表.csv', written: '未抱镇' }];
  return s;
}

const rowsOf = (t: { rows: () => Iterable<TableCell[]> }): TableCell[][] => [...t.rows()];
const rowNamed = (rows: TableCell[][], label: string): TableCell[] | undefined =>
  rows.find((r) => r[0] === label);

describe('汇总', () => {
  const table = buildSummaryTable(withComparable(), schema, { date: '2026年1月15日' });
  const rows = rowsOf(table);

  test('ends with the cadre figures of the schema: its labels, counts, means, one row per band', () => {
    const c = withComparable().cadres;
    const n = (value: number) => ({ value, kind: 'count' });
    const from = rows.findIndex((r) => r[0] === '妇联主席：女');
    expect(rows[from - 1]![0]).toBe('实事完成率');
    expect(rows.slice(from)).toEqual([
      ['妇联主席：女', n(c.female), null],
      ['妇联主席：男', n(c.male), null],
      ['专职', n(c.fullTime), null],
      ['兼职', n(c.partTime), null],
      ['进村两委', n(c.inCommittee), null],
      ['未领取报酬', n(c.noPay), null],
      ['平均年龄（岁）', { value: c.averageAge, kind: 'decimal' }, null],
      ['平均年报酬（元）', { value: c.averageAnnualPay, kind: 'money' }, null],
      ...Object.entries(c.ageBands).map(([band, x]) => [`年龄 ${band}`, n(x), null]),
      ...Object.entries(c.education).map(([level, x]) => [`文化程度：${level}`, n(x), null]),
    ]);
  });

  test('has a title row naming county, year and the generated date', () => {
    expect(table.title).toBe('示例县2025年度妇联工作统计汇总　生成日期：2026年1月15日');
  });

  test('changes are like for like, rate changes in 个百分点 (points, never a percentage)', () => {
    expect(table.columns[2]!.label).toBe('比上年增减（同口径）');
    expect(rowNamed(rows, '专职率')![2]).toEqual({ value: 4.7, kind: 'points' });
    expect(rowNamed(rows, '进村两委比例')![2]).toEqual({ value: -0.8, kind: 'points' });
    expect(rowNamed(rows, '培训人次')![2]).toEqual({ value: 800, kind: 'countChange' });
    expect(rowNamed(rows, '慰问金物折款（元）')![2]).toEqual({ value: -12.5, kind: 'moneyChange' });
  });

  test('states the basis and names the townships left out, the misnamed file beside its township', () => {
    expect(rowNamed(rows, '同口径比较的乡镇数（两年都纳入统计）')![1]).toEqual({
      value: 30,
      kind: 'count',
    });
    expect(rowNamed(rows, '上年纳入、本年未纳入的乡镇')![1]).toBe('旧乡');
    expect(rowNamed(rows, '退回的乡镇')![1]).toBe('坏文件镇');
    expect(rowNamed(rows, '未报送乡镇')![1]).toBe(
      '未报镇（可能是文件《未抱镇统计表.csv》，名称有误）',
    );
  });
});

describe('分乡镇 / townships.csv', () => {
  const summary = buildSummary({ townships: 4 });

  test('in the registry order, with a last 全县 row', () => {
    const order = ['西山乡', '黎岭镇', '东湖街道', '白沙乡', '青石镇'];
    const names = rowsOf(buildTownshipsTable(summary, schema, order)).map((r) => r[0]);
    expect(names).toEqual(['黎岭镇', '东湖街道', '白沙乡', '青石镇', '全县']);
  });

  test('without a registry, by rank of training attendances (highest first)', () => {
    const table = buildTownshipsTable(summary, schema);
    const rows = rowsOf(table).slice(0, -1);
    const column = table.columns.findIndex((c) => c.label === '培训人次');
    const values = rows.map((r) => r[column] as number);
    expect(values).toEqual([...values].sort((a, b) => b - a));
  });

  test('the 全县 row holds the county totals and rates; the CSV writes rates as percentages', () => {
    const table = buildTownshipsTable(summary, schema);
    const county = rowsOf(table).at(-1)!;
    expect(county.slice(0, 2)).toEqual(['全县', summary.villages]);
    const lines = [...csvLines(table)];
    expect(lines).toHaveLength(1 + 4 + 1);
    expect(lines.at(-1)).toContain(`${((summary.rates.fullTimeRate ?? 0) * 100).toFixed(1)}%`);
    expect(lines.join('')).not.toMatch(/0\.\d{5,}/); // no 0.42857142857142855
  });
});

describe('问题清单', () => {
  test('the finding code is the last column, outside the printed columns', () => {
    const table = buildFindingsTable(buildSummary(), schema);
    expect(table.columns.at(-1)!.label).toBe('代码');
    expect(table.printColumns).toBe(table.columns.findIndex((c) => c.label === '说明') + 1);
    const first = rowsOf(table)[0]!;
    expect(first.at(-1)).toMatch(/^[EW]_/);
    const printed = first.slice(0, table.printColumns).filter((c) => typeof c === 'string');
    expect(printed.join(' ')).not.toMatch(/\b[EW]_[A-Z_]+\b/);
  });
});
