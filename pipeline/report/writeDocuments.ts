/** Writes charts/*.svg + *.png, report.html and summary-draft.docx for a summary into a (temporary) output folder. */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SummaryJson } from '../aggregate/summaryTypes';
import { chartSize } from '../charts/chartStyle';
import type { DrawnCharts } from '../charts/drawCharts';
import type { FontProbe } from '../fonts/findCjkFont';
import type { DocxChart } from './buildSummaryDocx';
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
  /** The charts, already being drawn (merge starts them on a worker before the tables); else drawn here. */
  drawing?: Promise<DrawnCharts>;
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
  // docx loads now, while the charts may still be drawn on the worker (this thread waits for them).
  const docx = import('./buildSummaryDocx');
  // A failure is thrown where the draft awaits it, not as an unhandled rejection before that.
  docx.catch(() => undefined);
  if (options.charts) {
    const drawn = await (options.drawing ?? drawHere(summary, options));
    for (const w of drawn.warnings) {
      warnings.push(w);
      options.stderr(w + '\n');
    }
    await mkdir(join(outDir, 'charts'), { recursive: true });
    for (const chart of drawn.charts) {
      const png = Buffer.from(chart.png.buffer, chart.png.byteOffset, chart.png.byteLength);
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
  const { buildSummaryDocx } = await docx;
  await writeFile(
    join(outDir, 'summary-draft.docx'),
    await buildSummaryDocx(summary, pictures, options.lang, date),
  );
  return { charts: files, warnings };
}

/** The charts drawn on this thread (echarts and resvg loaded only now: not with --no-charts). */
async function drawHere(
  summary: SummaryJson,
  options: WriteDocumentsOptions,
): Promise<DrawnCharts> {
  const { drawChartsHere } = await import('../charts/drawCharts');
  return drawChartsHere(summary, {
    lang: options.lang,
    ...(options.fontFile === undefined ? {} : { fontFile: options.fontFile }),
    ...(options.fontProbe === undefined ? {} : { fontProbe: options.fontProbe }),
  });
}
