/**
 * The charts worker (bundled to dist/chartsWorker.js, run by startChartDrawer's one-thread pool).
 * The pool loads this module when it starts, before intake: ECharts, resvg and hb-subset are then
 * loaded on the second core while the main thread reads the files. One task draws one summary.
 */
import type { SummaryJson } from '../aggregate/summaryTypes';
import type { ChartContext } from './chartStyle';
import { compileSubsetter } from '../fonts/subsetFace';
import { drawCharts, type DrawnCharts } from './drawCharts';

/** One task: the summary and what drawCharts needs besides it. */
export interface ChartsTask {
  summary: SummaryJson;
  lang: ChartContext['lang'];
  fontFile?: string;
  scratchDir: string;
}

compileSubsetter();

/** The pool's handler: the summary's charts (PNG bytes arrive on the main thread as Uint8Array). */
export default function draw(task: ChartsTask): DrawnCharts {
  return drawCharts(task.summary, {
    lang: task.lang,
    scratchDir: task.scratchDir,
    ...(task.fontFile === undefined ? {} : { fontFile: task.fontFile }),
  });
}
