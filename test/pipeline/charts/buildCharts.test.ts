import { buildCharts } from '../../../pipeline/charts/buildCharts';
import { fillChartText, type ChartContext } from '../../../pipeline/charts/chartStyle';
import { buildSummary, townshipNames, townshipTotals } from '../report/summaryBuilder';

const ctx: ChartContext = {
  lang: 'zh',
  fontFamily: "'WenQuanYi Micro Hei', sans-serif",
  year: '2025',
  previousYear: '2024',
};

/** [name, value] of the 30 built townships for one total, highest first, ties by name. */
function expectedRanking(field: string): [string, number][] {
  return townshipNames
    .map((name, i): [string, number] => [name, townshipTotals(i + 1)[field] ?? 0])
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
}

/** The parts of an option the tests read (ECharts' own types are unions too wide to index). */
interface SeriesView {
  name?: string;
  data: unknown[];
  label: { rotate: number };
}
interface AxisView {
  data: string[];
  axisLabel: { interval: number; rotate: number; fontSize: number };
}
interface OptionView {
  animation: boolean;
  title: { text: string } & { text: string; subtext?: string }[];
  xAxis: AxisView & AxisView[];
  yAxis: Record<string, unknown>;
  series: SeriesView[];
}

function chart(
  name: string,
  summary = buildSummary({ previous: true }),
  context = ctx,
): OptionView {
  const found = buildCharts(summary, context).find((c) => c.name === name);
  if (!found) throw new Error(`no chart ${name}`);
  return found.option as unknown as OptionView;
}

/** The numbers of a series' data (items carry their formatted value label). */
function values(data: unknown): number[] {
  return (data as ({ value: number } | number)[]).map((d) => (typeof d === 'number' ? d : d.value));
}

describe('buildCharts', () => {
  it('lists the seven charts with ASCII file names when a previous year exists', () => {
    expect(
      buildCharts(buildSummary({ previous: true }), ctx).map((c) => [c.name, c.title]),
    ).toEqual([
      ['training-attendance', '2025年各乡镇培训妇女人次'],
      ['cancer-screening', '2025年各乡镇“两癌”筛查人数'],
      ['cadre-education', '村（社区）妇联主席文化程度'],
      ['cadre-structure', '村（社区）妇联主席任职方式与进村“两委”情况'],
      ['home-coverage', '各乡镇“妇女之家”“儿童之家”覆盖率'],
      ['disputes', '各乡镇调处与化解纠纷件数'],
      ['year-over-year', '主要指标与上年对比'],
    ]);
  });

  it('leaves out the year-over-year chart without a previous year, and township charts without townships', () => {
    expect(buildCharts(buildSummary(), ctx).map((c) => c.name)).not.toContain('year-over-year');
    expect(buildCharts(buildSummary({ townships: 0 }), ctx).map((c) => c.name)).toEqual([]);
  });

  it('sorts training attendance by township, highest first, names rotated for 30 townships', () => {
    const option = chart('training-attendance');
    const ranking = expectedRanking('trainingAttendance');
    expect(option.xAxis.data).toEqual(ranking.map((r) => r[0]));
    expect(values(option.series[0]!.data)).toEqual(ranking.map((r) => r[1]));
    // Value labels in the report's number style: digit groups from 1,000 on, as in the text.
    expect(option.series[0]!.data).toEqual(
      ranking.map((r) => ({ value: r[1], label: { formatter: r[1].toLocaleString('en-US') } })),
    );
    expect(option.xAxis.axisLabel).toMatchObject({ interval: 0, rotate: 45 });
    expect(option.xAxis.axisLabel.fontSize).toBeGreaterThanOrEqual(14);
    expect(option.animation).toBe(false);
    expect(option.title.text).toBe('2025年各乡镇培训妇女人次');
  });

  it('keeps names level and values horizontal for a few townships', () => {
    const option = chart('cancer-screening', buildSummary({ townships: 3 }));
    expect(option.xAxis.axisLabel.rotate).toBe(0);
    expect(option.series[0]!.label.rotate).toBe(0);
    expect(values(option.series[0]!.data)).toEqual(
      expectedRanking('cancerScreened')
        .filter((r) => townshipNames.slice(0, 3).includes(r[0]))
        .map((r) => r[1]),
    );
  });

  it('builds the education pie from the county cadre counts', () => {
    const slices = chart('cadre-education').series[0]!.data as {
      name: string;
      value: number;
      label: { formatter: string };
    }[];
    expect(slices[1]!.label.formatter).toBe('{b}\n180人（{d}%）');
    expect(slices.map(({ name, value }) => ({ name, value }))).toEqual([
      { name: '小学及以下', value: 30 },
      { name: '初中', value: 180 },
      { name: '高中（中专）', value: 90 },
      { name: '大专', value: 30 },
      { name: '本科及以上', value: 30 },
    ]);
  });

  it('builds the 专职/兼职 and 两委 pies', () => {
    const s = buildSummary();
    const option = chart('cadre-structure', s);
    expect(
      option.series.map((x) =>
        (x.data as { name: string; value: number }[]).map(({ name, value }) => ({ name, value })),
      ),
    ).toEqual([
      [
        { name: '专职', value: s.cadres.fullTime },
        { name: '兼职', value: s.cadres.partTime },
      ],
      [
        { name: '已进“两委”', value: s.cadres.inCommittee },
        { name: '未进“两委”', value: s.villages - s.cadres.inCommittee },
      ],
    ]);
  });

  it('gives home coverage in percent with one decimal, by township', () => {
    const s = buildSummary({ townships: 4 });
    const option = chart('home-coverage', s);
    const rows = s.byTownship
      .map(
        (t) =>
          [
            t.township,
            Math.round((t.rates.womensHomeRate ?? 0) * 1000) / 10,
            Math.round((t.rates.childrensHomeRate ?? 0) * 1000) / 10,
          ] as const,
      )
      .sort((a, b) => b[1] - a[1] || b[2] - a[2] || (a[0] < b[0] ? -1 : 1));
    expect(option.xAxis.data).toEqual(rows.map((r) => r[0]));
    expect(option.series.map((x) => values(x.data))).toEqual([
      rows.map((r) => r[1]),
      rows.map((r) => r[2]),
    ]);
    expect(option.yAxis).toMatchObject({ min: 0, max: 100 });
  });

  it('pairs disputes handled and resolved per township', () => {
    const option = chart('disputes', buildSummary({ townships: 5 }));
    const rows = [1, 2, 3, 4, 5]
      .map(
        (i) =>
          [
            townshipNames[i - 1]!,
            townshipTotals(i).disputesHandled!,
            townshipTotals(i).disputesResolved!,
          ] as const,
      )
      .sort((a, b) => b[1] - a[1] || b[2] - a[2] || (a[0] < b[0] ? -1 : 1));
    expect(option.series.map((x) => [x.name, values(x.data)])).toEqual([
      ['调处纠纷', rows.map((r) => r[1])],
      ['化解纠纷', rows.map((r) => r[2])],
    ]);
  });

  it('compares this year with last year (current minus change) for the key totals', () => {
    const s = buildSummary({ previous: true });
    const option = chart('year-over-year', s);
    expect(option.xAxis[0]!.data).toEqual(['2024年', '2025年']);
    const training = s.totals.trainingAttendance!;
    const change = s.previous!.change.totals.trainingAttendance!;
    expect(option.series[0]!.name).toBe('培训人次');
    expect(option.series[0]!.data.map((d) => (d as { value: number }).value)).toEqual([
      training - change,
      training,
    ]);
    expect(option.series).toHaveLength(8);
    expect(option.series[0]!.data).toEqual([
      { value: 9720, label: { formatter: '9,720' }, itemStyle: { color: '#9aa5b1' } },
      { value: 10800, label: { formatter: '10,800' }, itemStyle: { color: '#c0392b' } },
    ]);
    const titles = option.title;
    expect([titles[1]!.text, titles[1]!.subtext]).toEqual(['培训人次', '▲ 11.1%']);
  });

  it('writes English titles and labels with lang en', () => {
    const en = { ...ctx, lang: 'en' as const };
    const names = buildCharts(buildSummary({ previous: true }), en).map((c) => c.title);
    expect(names[0]).toBe('Women trained by township, 2025 (attendances)');
    expect(chart('cadre-education', buildSummary(), en).series[0]!.data[0]).toMatchObject({
      name: 'Primary or less',
      value: 30,
    });
    expect(chart('year-over-year', buildSummary({ previous: true }), en).series[0]!.name).toBe(
      'Training attendances',
    );
  });
});

describe('fillChartText', () => {
  it('fills the year, or leaves it out with its 年 / comma when unknown', () => {
    expect(fillChartText('{year}年各乡镇培训妇女人次', ctx)).toBe('2025年各乡镇培训妇女人次');
    expect(fillChartText('{year}年各乡镇培训妇女人次', { ...ctx, year: '' })).toBe(
      '各乡镇培训妇女人次',
    );
    expect(fillChartText('Women trained, {year} (attendances)', { ...ctx, year: '' })).toBe(
      'Women trained (attendances)',
    );
    expect(fillChartText('{previousYear}年', { ...ctx, previousYear: null })).toBe('');
  });
});
