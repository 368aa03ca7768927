import { buildTownshipTable } from '../../../pipeline/report/townshipTable';
import { buildSummary } from './summaryBuilder';

describe('buildTownshipTable', () => {
  it('ranks townships by training attendance with formatted cells and a county row', () => {
    const s = buildSummary({ townships: 3 });
    expect(buildTownshipTable(s, 'zh')).toEqual({
      header: [
        '排名',
        '乡镇（街道）',
        '村（社区）数',
        '培训期数',
        '培训人次',
        '两癌筛查人数',
        '最美家庭户数',
        '调处纠纷件数',
        '纠纷化解率',
        '妇女之家覆盖率',
        '儿童之家覆盖率',
      ],
      rows: [
        ['1', '青石镇', '12', '4', '456', '256', '7', '6', '66.7%', '83.3%', '75.0%'],
        ['2', '白沙乡', '13', '5', '305', '309', '8', '13', '100.0%', '100.0%', '69.2%'],
        ['3', '黎岭镇', '11', '3', '231', '203', '6', '10', '90.0%', '90.9%', '81.8%'],
      ],
      total: ['', '全县', '36', '12', '992', '768', '21', '29', '89.7%', '91.7%', '75.0%'],
      numeric: [true, false, true, true, true, true, true, true, true, true, true],
      omitted: 0,
      moreNote: '',
      caption: '按培训人次从高到低排列',
    });
  });

  it('takes the rank from the summary when it has one, and shares ranks on ties', () => {
    const s = buildSummary({ townships: 3 });
    s.byTownship[0]!.ranks = { trainingAttendance: 9 };
    s.byTownship[2]!.totals.trainingAttendance = 456;
    const rows = buildTownshipTable(s, 'en').rows.map((r) => r.slice(0, 2));
    expect(rows).toEqual([
      ['1', '白沙乡'],
      ['1', '青石镇'],
      ['9', '黎岭镇'],
    ]);
  });

  it('keeps the top maxRows townships and says where the others are', () => {
    const table = buildTownshipTable(buildSummary({ townships: 3 }), 'zh', 2);
    expect([
      table.rows.map((r) => r.slice(0, 2)),
      table.omitted,
      table.moreNote,
      table.caption,
    ]).toEqual([
      [
        ['1', '青石镇'],
        ['2', '白沙乡'],
      ],
      1,
      '其余 1 个乡镇（街道）见 county-summary.xlsx「分乡镇」表',
      '按培训人次从高到低排列，列出前 2 名',
    ]);
  });
});
