/** Writes charts/*.svg + *.png, report.html and summary-draft.docx for a summary into a (temporary) output folder. */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SummaryJson } from '../aggregate/summaryTypes';
import { buildCharts } from '../charts/buildCharts';
import { chartSize, type ChartContext } from '../charts/chartStyle';
import { findCjkFont, fontFamilyList, type FontProbe, systemFontProbe } from '../fonts/findCjkFont';
import { buildSummaryDocx, type DocxChart } from './buildSummaryDocx';
import { fillText } from '../../core/text/fillText';
import { phrasesFor } from '../presentation/phrases';
import type { ReturnsIndex } from '../write/writeReturns';
import { renderReportHtml, type InlineChart } from './renderReportHtml';
import { readRunDate, type RunDate } from './runDate';

/** Options of writeDocuments; `fontProbe` is for tests. */
export interface WriteDocumentsOptions {
  charts: boolean;
  fontFile?: string;
  lang: 'zh' | 'en';
  stderr: (s: string) => void;
  fontProbe?: FontProbe;
  /** The date the documents carry; default: COUNTY_ROLLUP_DATE (YYYY-MM-DD) when set, else today. */
  date?: RunDate;
  /** returns/ as written (report.html links to it). */
  returns?: ReturnsIndex | null;
}

/**
 * Writes the documents; returns the chart files written (relative to outDir, e.g. "charts/disputes.svg")
 * and the warnings, each already printed once to `stderr` (the caller need not print them again).
 */
export async function writeDocuments(
  summary: SummaryJson,
  outDir: string,
  options: WriteDocumentsOptions,
): Promise<{ charts: string[]; warnings: string[] }> {
  const warnings: string[] = [];
  const files: string[] = [];
  const inline: InlineChart[] = [];
  const pictures: DocxChart[] = [];
  let date = options.date;
  if (date === undefined) {
    const read = readRunDate(process.env);
    date = read.date;
    if (read.invalid !== null) {
      const w = fillText(phrasesFor(options.lang).dateInvalid, { value: read.invalid });
      warnings.push(w);
      options.stderr(w + '\n');
    }
  }
  if (options.charts) {
    const search = findCjkFont(options.fontFile, options.fontProbe ?? systemFontProbe);
    for (const w of search.warnings) {
      warnings.push(w);
      options.stderr(w + '\n');
    }
    const ctx: ChartContext = {
      lang: options.lang,
      fontFamily: fontFamilyList(search.font),
      year: summary.year === null ? '' : String(summary.year),
      previousYear: summary.previous?.year == null ? null : String(summary.previous.year),
    };
    await mkdir(join(outDir, 'charts'), { recursive: true });
    // echarts and resvg are loaded only when charts are drawn (not with --no-charts).
    const { renderSvg } = await import('../charts/renderSvg');
    const { renderPngs } = await import('../charts/renderPng');
    const charts = buildCharts(summary, ctx).map((chart) => ({
      ...chart,
      svg: renderSvg(chart.option, chartSize),
    }));
    // One font cut for all the charts (renderPngs), not a whole CJK font parsed per chart.
    const pngs = renderPngs(
      charts.map((c) => c.svg),
      search.font,
    );
    for (const [i, chart] of charts.entries()) {
      const png = pngs[i]!;
      await writeFile(join(outDir, 'charts', `${chart.name}.svg`), chart.svg, 'utf8');
      await writeFile(join(outDir, 'charts', `${chart.name}.png`), png);
      files.push(`charts/${chart.name}.svg`, `charts/${chart.name}.png`);
      inline.push({ name: chart.name, title: chart.title, svg: chart.svg });
      pictures.push({ title: chart.title, png, ...chartSize });
    }
  }
  await writeFile(
    join(outDir, 'report.html'),
    renderReportHtml(summary, inline, options.lang, date, options.returns ?? null),
    'utf8',
  );
  await writeFile(
    join(outDir, 'summary-draft.docx'),
    await buildSummaryDocx(summary, pictures, options.lang, date),
  );
  return { charts: files, warnings };
}
