/** The list of charts for a summary: file name (ASCII) and ECharts option, in report order (pure). */
import type { EChartsOption } from 'echarts';
import type { SummaryJson } from '../summaryTypes';
import layout from '../report/reportLayout.json';
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

/** Every chart the summary has data for; charts without data (e.g. no previous year) are left out. */
export function buildCharts(summary: SummaryJson, ctx: ChartContext): ChartSpec[] {
  const t = chartTextFor(ctx.lang);
  const title = (s: string): string => fillChartText(s, ctx);
  const candidates: [string, string, EChartsOption | null][] = [
    [
      'training-attendance',
      title(t.trainingAttendance.title),
      buildTownshipBarOption(
        summary,
        'trainingAttendance',
        { title: title(t.trainingAttendance.title), axis: t.trainingAttendance.axis },
        ctx,
      ),
    ],
    [
      'cancer-screening',
      title(t.cancerScreened.title),
      buildTownshipBarOption(
        summary,
        'cancerScreened',
        { title: title(t.cancerScreened.title), axis: t.cancerScreened.axis },
        ctx,
      ),
    ],
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
    ['home-coverage', t.homeCoverage.title, buildHomeCoverageOption(summary, t.homeCoverage, ctx)],
    ['disputes', t.disputes.title, buildDisputesOption(summary, t.disputes, ctx)],
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
