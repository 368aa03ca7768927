/** Grouped bars per township: two values side by side, townships by the first value, most first. */
import type { EChartsOption } from 'echarts';
import type { SummaryJson, TownshipSummary } from '../aggregate/summaryTypes';
import {
  barLabel,
  labelledValue,
  baseOption,
  type ChartContext,
  legend,
  townshipAxis,
  townshipGrid,
  valueAxis,
} from './chartStyle';

/** What a paired bar chart draws: the title, value-axis name and options, and the two series. */
export interface PairedBars {
  title: string;
  axis: string;
  axisExtra: Record<string, unknown>;
  seriesNames: readonly [string, string];
  /** The two values of one township, in series order. */
  values: (township: TownshipSummary) => readonly [number, number];
}

/** The option; null when no township was accepted. Sorted by the first value, then the second, then name (the top `limit` when given). */
export function buildPairedBarOption(
  summary: SummaryJson,
  bars: PairedBars,
  ctx: ChartContext,
  limit?: number,
): EChartsOption | null {
  if (summary.byTownship.length === 0) return null;
  const rows = summary.byTownship
    .map((t) => {
      const [first, second] = bars.values(t);
      return { name: t.township, first, second };
    })
    .sort(
      (a, b) =>
        b.first - a.first ||
        b.second - a.second ||
        (a.name < b.name ? -1 : a.name > b.name ? 1 : 0),
    )
    .slice(0, limit);
  // Above 12 townships (24 bars) value labels would overlap; the axis carries the values then.
  const label = rows.length <= 12 ? { label: barLabel(false, ctx) } : {};
  return {
    ...baseOption(bars.title, ctx),
    legend: legend(ctx),
    grid: townshipGrid(rows.length),
    xAxis: townshipAxis(
      rows.map((r) => r.name),
      ctx,
    ),
    yAxis: valueAxis(bars.axis, ctx, bars.axisExtra),
    series: [
      {
        type: 'bar',
        name: bars.seriesNames[0],
        data: rows.map((r) => labelledValue(r.first, ctx)),
        ...label,
      },
      {
        type: 'bar',
        name: bars.seriesNames[1],
        data: rows.map((r) => labelledValue(r.second, ctx)),
        ...label,
      },
    ],
  };
}
