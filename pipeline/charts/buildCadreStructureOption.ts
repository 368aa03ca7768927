/** Two pies side by side: 专职/兼职, and 进/未进村"两委" (county). */
import type { EChartsOption } from 'echarts';
import type { SummaryJson } from '../aggregate/summaryTypes';
import {
  baseOption,
  type ChartContext,
  type ChartText,
  chartNumber,
  fontSizes,
} from './chartStyle';

/** The option; null when no chair was counted. */
export function buildCadreStructureOption(
  summary: SummaryJson,
  text: ChartText['cadreStructure'],
  ctx: ChartContext,
): EChartsOption | null {
  const c = summary.cadres;
  const chairs = c.fullTime + c.partTime;
  if (chairs === 0 && summary.villages === 0) return null;
  const notIn = Math.max(0, summary.villages - c.inCommittee);
  const pie = (
    name: string,
    x: string,
    data: { name: string; value: number }[],
    colors: string[],
  ): Record<string, unknown> => ({
    type: 'pie',
    name,
    center: [x, '58%'],
    radius: ['0%', '46%'],
    percentPrecision: 1,
    color: colors,
    // Each slice writes its count in the report's number style ({c} would print 1677, not 1,677).
    data: data.map((d) => ({
      ...d,
      label: { formatter: `{b}\n${chartNumber(d.value, ctx)}${text.unit}（{d}%）` },
    })),
    label: {
      fontSize: fontSizes.pieLabel,
      fontFamily: ctx.fontFamily,
      formatter: `{b}\n{c}${text.unit}（{d}%）`,
    },
    labelLine: { length: 20, length2: 20 },
  });
  const subtitle = (label: string, x: string): Record<string, unknown> => ({
    text: label,
    left: x,
    top: 120,
    textAlign: 'center',
    textStyle: { fontSize: fontSizes.legend + 4, fontFamily: ctx.fontFamily, fontWeight: 'bold' },
  });
  const base = baseOption(text.title, ctx);
  return {
    ...base,
    title: [
      base.title as Record<string, unknown>,
      subtitle(text.tenure, '27%'),
      subtitle(text.committee, '73%'),
    ],
    series: [
      pie(
        text.tenure,
        '27%',
        [
          { name: text.fullTime, value: c.fullTime },
          { name: text.partTime, value: c.partTime },
        ],
        ['#c0392b', '#f5b7b1'],
      ),
      pie(
        text.committee,
        '73%',
        [
          { name: text.inCommittee, value: c.inCommittee },
          { name: text.notInCommittee, value: notIn },
        ],
        ['#2e86c1', '#aed6f1'],
      ),
    ] as EChartsOption['series'],
  };
}
