/** Small multiples, one per key total: last year's bar beside this year's (needs summary.previous). */
import type { EChartsOption } from 'echarts';
import { fillText } from '../../core/text/fillText';
import type { SummaryJson } from '../aggregate/summaryTypes';
import { round2 } from '../aggregate/compareWithPrevious';
import { fieldName } from '../presentation/fieldLabel';
import { formatPercent } from '../presentation/formatNumber';
import { phrasesFor } from '../presentation/phrases';
import {
  baseOption,
  type ChartContext,
  chartNumber,
  labelledValue,
  type ChartText,
  fillChartText,
  fontSizes,
} from './chartStyle';

const columns = 4;

/** The option; null without a previous year, without accepted townships, or when none of `fields` has a change. */
export function buildYearOverYearOption(
  summary: SummaryJson,
  fields: readonly string[],
  text: ChartText['yearOverYear'],
  ctx: ChartContext,
): EChartsOption | null {
  // Like for like: over the townships present in both years when last year's summary has them.
  const comparable = summary.previous?.comparable;
  const change = (comparable ?? summary.previous)?.change.totals;
  // Nothing accepted this year: a comparison would only show zeros.
  if (!change || summary.byTownship.length === 0) return null;
  const items = fields
    .filter((id) => change[id] !== undefined)
    .map((id) => {
      const delta = change[id] ?? 0;
      const base = comparable?.previous.totals[id];
      const previous = base ?? round2((summary.totals[id] ?? 0) - delta);
      return {
        id,
        label: fieldName(id, ctx.lang),
        current: round2(previous + delta),
        previous,
      };
    });
  if (items.length === 0) return null;
  const number = phrasesFor(ctx.lang).number;
  const valueLabel = (value: number): { value: number; label: { formatter: string } } =>
    labelledValue(value, ctx);
  const changeText = (item: { current: number; previous: number }): string => {
    const delta = item.current - item.previous;
    if (item.previous <= 0 || delta === 0) return '';
    return `${delta > 0 ? '▲' : '▼'} ${formatPercent(Math.abs(delta) / item.previous, number, '')}`;
  };
  const previousName =
    ctx.previousYear === null ? text.previousFallback : fillChartText(text.previous, ctx);
  const currentName = ctx.year === '' ? text.currentFallback : fillChartText(text.current, ctx);
  const rows = Math.ceil(items.length / columns);
  const cellWidth = 100 / columns;
  const cellHeight = 78 / rows; // % of the height below the title block
  const base = baseOption(text.title, ctx);
  const differs =
    comparable !== undefined && comparable.onlyLastYear.length + comparable.onlyThisYear.length > 0;
  if (differs)
    Object.assign(base.title as Record<string, unknown>, {
      subtext: fillText(text.comparable, { townships: chartNumber(comparable.townships, ctx) }),
      itemGap: 10,
      subtextStyle: { fontSize: fontSizes.legend, fontFamily: ctx.fontFamily, color: '#59636e' },
    });
  const at = (i: number): { left: number; top: number } => ({
    left: (i % columns) * cellWidth,
    top: 18 + Math.floor(i / columns) * cellHeight,
  });
  return {
    ...base,
    title: [
      base.title as Record<string, unknown>,
      ...items.map((item, i) => ({
        text: item.label,
        left: `${at(i).left + cellWidth / 2}%`,
        top: `${at(i).top}%`,
        textAlign: 'center' as const,
        textStyle: {
          fontSize: fontSizes.legend,
          fontFamily: ctx.fontFamily,
          fontWeight: 'bold' as const,
        },
        subtext: changeText(item),
        itemGap: 6,
        subtextStyle: {
          fontSize: fontSizes.dataLabel,
          fontFamily: ctx.fontFamily,
          color: item.current >= item.previous ? '#1a7f37' : '#b03a2e',
        },
      })),
    ],
    grid: items.map((_, i) => ({
      left: `${at(i).left + 3}%`,
      width: `${cellWidth - 6}%`,
      top: `${at(i).top + 11}%`,
      height: `${cellHeight - 21}%`,
    })),
    xAxis: items.map((_, i) => ({
      type: 'category',
      gridIndex: i,
      data: [previousName, currentName],
      axisTick: { show: false },
      axisLabel: { fontSize: fontSizes.axis, fontFamily: ctx.fontFamily, color: '#222222' },
    })),
    yAxis: items.map((_, i) => ({ type: 'value', gridIndex: i, show: false, min: 0 })),
    series: items.map((item, i) => ({
      type: 'bar',
      name: item.label,
      xAxisIndex: i,
      yAxisIndex: i,
      barWidth: '45%',
      data: [
        { ...valueLabel(item.previous), itemStyle: { color: '#9aa5b1' } },
        { ...valueLabel(item.current), itemStyle: { color: '#c0392b' } },
      ],
      label: {
        show: true,
        position: 'top',
        fontSize: fontSizes.dataLabel,
        fontFamily: ctx.fontFamily,
        color: '#222222',
      },
    })),
  };
}
