/** Bar chart of one total per township, highest first (培训人次, 两癌筛查人数 …). */
import type { EChartsOption } from 'echarts';
import type { SummaryJson } from '../aggregate/summaryTypes';
import {
  barLabel,
  labelledValue,
  baseOption,
  type ChartContext,
  townshipAxis,
  townshipGrid,
  valueAxis,
} from './chartStyle';

/** The option for `field`; null when no township was accepted. `limit`: draw only the top N townships. */
export function buildTownshipBarOption(
  summary: SummaryJson,
  field: string,
  wording: { title: string; axis: string },
  ctx: ChartContext,
  limit?: number,
): EChartsOption | null {
  if (summary.byTownship.length === 0) return null;
  const rows = summary.byTownship
    .map((t) => ({ name: t.township, value: t.totals[field] ?? 0 }))
    .sort((a, b) => b.value - a.value || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .slice(0, limit);
  const many = rows.length > 15;
  return {
    ...baseOption(wording.title, ctx),
    grid: townshipGrid(rows.length),
    xAxis: townshipAxis(
      rows.map((r) => r.name),
      ctx,
    ),
    yAxis: valueAxis(wording.axis, ctx),
    series: [
      {
        type: 'bar',
        name: wording.axis,
        data: rows.map((r) => labelledValue(r.value, ctx)),
        barMaxWidth: 60,
        label: barLabel(many, ctx),
      },
    ],
  };
}
