/** Grouped bars per township: 妇女之家 and 儿童之家 coverage in %. */
import type { EChartsOption } from 'echarts';
import type { SummaryJson } from '../summaryTypes';
import {
  barLabel,
  baseOption,
  type ChartContext,
  type ChartText,
  legend,
  townshipAxis,
  townshipGrid,
  valueAxis,
} from './chartStyle';

/** The option; null when no township was accepted. Townships by women's-home coverage, highest first (the top `limit` when given). */
export function buildHomeCoverageOption(
  summary: SummaryJson,
  text: ChartText['homeCoverage'],
  ctx: ChartContext,
  limit?: number,
): EChartsOption | null {
  if (summary.byTownship.length === 0) return null;
  const percent = (r: number | null | undefined): number => Math.round((r ?? 0) * 1000) / 10;
  const rows = summary.byTownship
    .map((t) => ({
      name: t.township,
      women: percent(t.rates.womensHomeRate),
      children: percent(t.rates.childrensHomeRate),
    }))
    .sort(
      (a, b) =>
        b.women - a.women ||
        b.children - a.children ||
        (a.name < b.name ? -1 : a.name > b.name ? 1 : 0),
    )
    .slice(0, limit);
  const showLabels = rows.length <= 12;
  return {
    ...baseOption(text.title, ctx),
    legend: legend(ctx),
    grid: townshipGrid(rows.length),
    xAxis: townshipAxis(
      rows.map((r) => r.name),
      ctx,
    ),
    yAxis: valueAxis(text.axis, ctx, { min: 0, max: 100, interval: 20 }),
    series: [
      {
        type: 'bar',
        name: text.womensHome,
        data: rows.map((r) => r.women),
        ...(showLabels ? { label: barLabel(false, ctx) } : {}),
      },
      {
        type: 'bar',
        name: text.childrensHome,
        data: rows.map((r) => r.children),
        ...(showLabels ? { label: barLabel(false, ctx) } : {}),
      },
    ],
  };
}
