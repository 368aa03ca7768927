/** Pie of the village chairs' education levels (county). */
import type { EChartsOption } from 'echarts';
import type { SummaryJson } from '../aggregate/summaryTypes';
import { educationLabel } from '../presentation/fieldLabel';
import { baseOption, type ChartContext, chartNumber, fontSizes, legend } from './chartStyle';

/** The option; null when no chair was counted. */
export function buildEducationPieOption(
  summary: SummaryJson,
  title: string,
  unit: string,
  ctx: ChartContext,
): EChartsOption | null {
  const data = Object.entries(summary.cadres.education).map(([level, value]) => ({
    name: educationLabel(level, ctx.lang),
    value,
  }));
  if (data.every((d) => d.value === 0)) return null;
  return {
    ...baseOption(title, ctx),
    legend: legend(ctx),
    series: [
      {
        type: 'pie',
        center: ['50%', '57%'],
        radius: ['0%', '55%'],
        percentPrecision: 1,
        // Each slice writes its count in the report's number style ({c} would print 1677, not 1,677).
        data: data
          .filter((d) => d.value > 0)
          .map((d) => ({
            ...d,
            label: { formatter: `{b}\n${chartNumber(d.value, ctx)}${unit}（{d}%）` },
          })),
        label: {
          fontSize: fontSizes.pieLabel,
          fontFamily: ctx.fontFamily,
          formatter: `{b}\n{c}${unit}（{d}%）`,
        },
        labelLine: { length: 24, length2: 24 },
      },
    ],
  };
}
