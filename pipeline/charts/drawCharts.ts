/** Draws a summary's charts on this thread: the CJK font search, the ECharts SVGs, then every PNG from one font cut. */
import type { SummaryJson } from '../aggregate/summaryTypes';
import { findCjkFont, fontFamilyList, type FontProbe, systemFontProbe } from '../fonts/findCjkFont';
import { buildCharts } from './buildCharts';
import { chartSize, type ChartContext } from './chartStyle';
import { makeChartScratch } from './chartScratch';
import { renderPngs } from './renderPng';
import { renderSvg } from './renderSvg';

/** One drawn chart: file stem, caption, SVG text and PNG bytes. */
export interface DrawnChart {
  name: string;
  title: string;
  svg: string;
  png: Uint8Array;
}

/** The charts in report order and the font warnings (each zh + en), not yet printed. */
export interface DrawnCharts {
  charts: DrawnChart[];
  warnings: string[];
}

/** What drawing needs besides the summary; `fontProbe` is for tests. */
export interface DrawOptions {
  lang: ChartContext['lang'];
  fontFile?: string;
  fontProbe?: FontProbe;
  /** A folder the caller owns, for the cut font while the PNGs are drawn. */
  scratchDir: string;
}

/** Every chart the summary has data for, as SVG and PNG. */
export function drawCharts(summary: SummaryJson, options: DrawOptions): DrawnCharts {
  const search = findCjkFont(options.fontFile, options.fontProbe ?? systemFontProbe);
  const ctx: ChartContext = {
    lang: options.lang,
    fontFamily: fontFamilyList(search.font),
    year: summary.year === null ? '' : String(summary.year),
    previousYear: summary.previous?.year == null ? null : String(summary.previous.year),
  };
  const specs = buildCharts(summary, ctx);
  const svgs = specs.map((chart) => renderSvg(chart.option, chartSize));
  const pngs = renderPngs(svgs, search.font, options.scratchDir);
  return {
    charts: specs.map((chart, i) => ({
      name: chart.name,
      title: chart.title,
      svg: svgs[i]!,
      png: pngs[i]!,
    })),
    warnings: search.warnings,
  };
}

/** drawCharts with a scratch folder of its own, removed when the charts are drawn. */
export function drawChartsHere(
  summary: SummaryJson,
  options: Omit<DrawOptions, 'scratchDir'>,
): DrawnCharts {
  const scratch = makeChartScratch();
  try {
    return drawCharts(summary, { ...options, scratchDir: scratch.dir });
  } finally {
    scratch.remove();
  }
}
