/** The list of charts for a summary: file name (ASCII) and ECharts option, in report order (pure). */
import type { EChartsOption } from 'echarts';
import { fillText } from '../../core/text/fillText';
import type { SummaryJson } from '../aggregate/summaryTypes';
import layout from '../presentation/reportLayout.json';
import { buildCadreStructureOption } from './buildCadreStructureOption';
import { buildDisputesOption } from './buildDisputesOption';
import { buildEducationPieOption } from './buildEducationPieOption';
import { buildHomeCoverageOption } from './buildHomeCoverageOption';
import { buildTownshipBarOption } from './buildTownshipBarOption';
import { buildYearOverYearOption } from './buildYearOverYearOption';
import { type ChartContext, chartTextFor, fillChartText } from './chartStyle';

/** One chart to render: `name` is the file stem (charts/<name>.svg), `title` its caption. */
export interface ChartSpec {
  name: string;
  title: string;
  option: EChartsOption;
}

/** A chart's file stem, caption and option (null when the summary has no data for it). */
type Candidate = [string, string, EChartsOption | null];

/** Every chart the summary has data for; charts without data (e.g. no previous year) are left out. */
export function buildCharts(summary: SummaryJson, ctx: ChartContext): ChartSpec[] {
  const t = chartTextFor(ctx.lang);
  // A nation-sized batch would make unreadable bars: above chartTopAbove townships only the top chartTopCount are drawn.
  const limit = summary.byTownship.length > layout.chartTopAbove ? layout.chartTopCount : undefined;
  const suffix = limit === undefined ? '' : fillText(t.topSuffix, { top: limit });
  const title = (s: string): string => fillChartText(s, ctx);
  const topTitle = (s: string): string => title(s) + suffix;
  // One bar per township; the chart-text key is the totals field it draws.
  const townshipBar = (name: string, field: 'trainingAttendance' | 'cancerScreened'): Candidate => {
    const wording = { title: topTitle(t[field].title), axis: t[field].axis };
    return [name, wording.title, buildTownshipBarOption(summary, field, wording, ctx, limit)];
  };
  const candidates: Candidate[] = [
    townshipBar('training-attendance', 'trainingAttendance'),
    townshipBar('cancer-screening', 'cancerScreened'),
    [
      'cadre-education',
      t.cadreEducation.title,
      buildEducationPieOption(summary, t.cadreEducation.title, t.cadreEducation.unit, ctx),
    ],
    [
      'cadre-structure',
      t.cadreStructure.title,
      buildCadreStructureOption(summary, t.cadreStructure, ctx),
    ],
    [
      'home-coverage',
      t.homeCoverage.title + suffix,
      buildHomeCoverageOption(
        summary,
        { ...t.homeCoverage, title: t.homeCoverage.title + suffix },
        ctx,
        limit,
      ),
    ],
    [
      'disputes',
      t.disputes.title + suffix,
      buildDisputesOption(summary, { ...t.disputes, title: t.disputes.title + suffix }, ctx, limit),
    ],
    [
      'year-over-year',
      t.yearOverYear.title,
      buildYearOverYearOption(summary, layout.yearOverYearTotals, t.yearOverYear, ctx),
    ],
  ];
  return candidates.flatMap(([name, chartTitle, option]) =>
    option === null ? [] : [{ name, title: chartTitle, option }],
  );
}
