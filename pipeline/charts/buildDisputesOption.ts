/** Grouped bars per township: 调处纠纷 against 化解纠纷. */
import type { EChartsOption } from 'echarts';
import type { SummaryJson } from '../aggregate/summaryTypes';
import { buildPairedBarOption } from './buildPairedBarOption';
import type { ChartContext, ChartText } from './chartStyle';

/** The option; null when no township was accepted. Townships by disputes handled, most first (the top `limit` when given). */
export function buildDisputesOption(
  summary: SummaryJson,
  text: ChartText['disputes'],
  ctx: ChartContext,
  limit?: number,
): EChartsOption | null {
  return buildPairedBarOption(
    summary,
    {
      title: text.title,
      axis: text.axis,
      axisExtra: { minInterval: 1 },
      seriesNames: [text.handled, text.resolved],
      values: (t) => [t.totals.disputesHandled ?? 0, t.totals.disputesResolved ?? 0],
    },
    ctx,
    limit,
  );
}
