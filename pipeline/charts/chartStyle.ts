/** Shared look of every chart: print-legible sizes, palette, fonts, and the township category axis. */
import type { EChartsOption } from 'echarts';
import { fillText } from '../../core/text/fillText';
import type { Lang } from '../../core/types';
import { formatDecimal } from '../presentation/formatNumber';
import { phrasesFor } from '../presentation/phrases';
import chartText from './chartText.json';

/** Pixel size of every chart (16:9; prints legibly across an A4 page). */
export const chartSize = { width: 1600, height: 900 } as const;

/** Font sizes in px at chartSize; the smallest text stays ≥ 16 px. */
export const fontSizes = {
  title: 38,
  axis: 22,
  axisName: 22,
  dataLabel: 18,
  legend: 24,
  pieLabel: 24,
} as const;

/** Colours that stay distinct in greyscale print (dark/light alternation). */
export const palette = [
  '#c0392b',
  '#2e86c1',
  '#f39c12',
  '#27ae60',
  '#8e44ad',
  '#7f8c8d',
  '#d35400',
  '#16a085',
];

/** Beyond this many townships the names are rotated and bar values turned upright. */
export const rotateAbove = 8;

/** Chart wording of one language. */
export type ChartText = (typeof chartText)['zh'];

/** What every chart builder needs besides the summary. */
export interface ChartContext {
  lang: Lang;
  /** CSS font-family list (see fontFamilyList). */
  fontFamily: string;
  year: string;
  previousYear: string | null;
}

/** The chart wording for `lang`. */
export function chartTextFor(lang: Lang): ChartText {
  return chartText[lang];
}

/** Fills {year}, {previousYear} in a chart title; an unknown year is left out with its 年 or leading comma. */
export function fillChartText(template: string, ctx: ChartContext): string {
  const values = { year: ctx.year, previousYear: ctx.previousYear ?? '' };
  let text = template;
  for (const [key, value] of Object.entries(values))
    if (value === '') text = text.replace(new RegExp(`(,\\s*)?\\{${key}\\}年?`, 'g'), '');
  return fillText(text, values);
}

/** The parts every option shares: white background, no animation, fonts, palette, centred title. */
export function baseOption(title: string, ctx: ChartContext): EChartsOption {
  return {
    animation: false,
    backgroundColor: '#ffffff',
    color: palette,
    textStyle: { fontFamily: ctx.fontFamily, fontSize: fontSizes.axis, color: '#222222' },
    title: {
      text: title,
      left: 'center',
      top: 24,
      textStyle: { fontSize: fontSizes.title, fontWeight: 'bold', fontFamily: ctx.fontFamily },
    },
  };
}

/** A category axis of township names: all names shown, rotated 45° when there are many. */
export function townshipAxis(names: string[], ctx: ChartContext): EChartsOption['xAxis'] {
  return {
    type: 'category',
    data: names,
    axisTick: { alignWithLabel: true },
    axisLabel: {
      interval: 0,
      rotate: names.length > rotateAbove ? 45 : 0,
      fontSize: fontSizes.axis,
      fontFamily: ctx.fontFamily,
      color: '#222222',
    },
  };
}

/** A value axis with a unit name above it. */
export function valueAxis(
  name: string,
  ctx: ChartContext,
  extra: Record<string, unknown> = {},
): EChartsOption['yAxis'] {
  return {
    type: 'value',
    name,
    nameTextStyle: { fontSize: fontSizes.axisName, fontFamily: ctx.fontFamily, align: 'left' },
    axisLabel: { fontSize: fontSizes.axis, fontFamily: ctx.fontFamily, color: '#222222' },
    splitLine: { lineStyle: { color: '#d0d0d0' } },
    ...extra,
  };
}

/** The plot area for township charts: room at the bottom for rotated names. */
export function townshipGrid(count: number): EChartsOption['grid'] {
  return { left: 120, right: 60, top: 150, bottom: count > rotateAbove ? 160 : 90 };
}

/** A legend under the title. */
export function legend(ctx: ChartContext): EChartsOption['legend'] {
  return {
    top: 84,
    left: 'center',
    itemWidth: 36,
    itemHeight: 20,
    textStyle: { fontSize: fontSizes.legend, fontFamily: ctx.fontFamily },
  };
}

/** Value labels on bars: upright above each bar when many bars, else horizontal. */
export function barLabel(
  many: boolean,
  ctx: ChartContext,
  formatter?: string,
): Record<string, unknown> {
  return {
    show: true,
    position: 'top',
    distance: 8,
    rotate: many ? 90 : 0,
    align: many ? 'left' : 'center',
    verticalAlign: 'middle',
    fontSize: fontSizes.dataLabel,
    fontFamily: ctx.fontFamily,
    color: '#222222',
    ...(formatter === undefined ? {} : { formatter }),
  };
}

/** A number as the report and the draft write it (one style everywhere: 44,757 and 1,677 alike). */
export function chartNumber(value: number, ctx: ChartContext): string {
  return formatDecimal(value, 2, phrasesFor(ctx.lang).number);
}

/** A bar's data item whose value label is written in the report's number style (ECharts' own label has no digit groups). */
export function labelledValue(
  value: number,
  ctx: ChartContext,
): { value: number; label: { formatter: string } } {
  return { value, label: { formatter: chartNumber(value, ctx) } };
}
