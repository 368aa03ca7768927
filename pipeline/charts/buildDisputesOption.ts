/** Grouped bars per township: 调处纠纷 against 化解纠纷. */
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

/** The option; null when no township was accepted. Townships by disputes handled, most first (the top `limit` when given). */
export function buildDisputesOption(
  summary: SummaryJson,
  text: ChartText['disputes'],
  ctx: ChartContext,
  limit?: number,
): EChartsOption | null {
  if (summary.byTownship.length === 0) return null;
  const rows = summary.byTownship
    .map((t) => ({
      name: t.township,
      handled: t.totals.disputesHandled ?? 0,
      resolved: t.totals.disputesResolved ?? 0,
    }))
    .sort(
      (a, b) =>
        b.handled - a.handled ||
        b.resolved - a.resolved ||
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
    yAxis: valueAxis(text.axis, ctx, { minInterval: 1 }),
    series: [
      {
        type: 'bar',
        name: text.handled,
        data: rows.map((r) => r.handled),
        ...(showLabels ? { label: barLabel(false, ctx) } : {}),
      },
      {
        type: 'bar',
        name: text.resolved,
        data: rows.map((r) => r.resolved),
        ...(showLabels ? { label: barLabel(false, ctx) } : {}),
      },
    ],
  };
}
