/** Grouped bars per township: 妇女之家 and 儿童之家 coverage in %. */
import type { EChartsOption } from 'echarts';
import type { SummaryJson } from '../aggregate/summaryTypes';
import { buildPairedBarOption } from './buildPairedBarOption';
import type { ChartContext, ChartText } from './chartStyle';

/** A rate (0–1) as a percentage with one decimal; a missing rate counts as 0. */
const percent = (r: number | null | undefined): number => Math.round((r ?? 0) * 1000) / 10;

/** The option; null when no township was accepted. Townships by women's-home coverage, highest first (the top `limit` when given). */
export function buildHomeCoverageOption(
  summary: SummaryJson,
  text: ChartText['homeCoverage'],
  ctx: ChartContext,
  limit?: number,
): EChartsOption | null {
  return buildPairedBarOption(
    summary,
    {
      title: text.title,
      axis: text.axis,
      axisExtra: { min: 0, max: 100, interval: 20 },
      seriesNames: [text.womensHome, text.childrensHome],
      values: (t) => [percent(t.rates.womensHomeRate), percent(t.rates.childrensHomeRate)],
    },
    ctx,
    limit,
  );
}
