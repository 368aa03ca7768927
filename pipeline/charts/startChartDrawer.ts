/**
 * Draws the charts beside the main thread: merge starts a one-thread piscina pool before intake
 * (its worker loads ECharts, resvg and hb-subset meanwhile) and hands it the summary as soon as
 * there is one, then writes the tables and the workbook while the charts are drawn. In-process
 * when the bundled worker is absent (running from source, e.g. under jest): the same drawCharts.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { onInterrupt } from '../cli/interrupt';
import type { SummaryJson } from '../aggregate/summaryTypes';
import type { ChartContext } from './chartStyle';
import type { ChartsTask } from './chartsWorker';
import { makeChartScratch } from './chartScratch';
import type { DrawnCharts } from './drawCharts';

/** A started drawer: `draw` once per run, `close` always (it ends the worker and removes the scratch folder). */
export interface ChartDrawer {
  draw(summary: SummaryJson): Promise<DrawnCharts>;
  close(): Promise<void>;
}

/** The bundled worker beside the bundled CLI. */
const WORKER_FILE = join(__dirname, 'chartsWorker.js');

/** Starts the drawer for a run's language and --font. */
export async function startChartDrawer(options: {
  lang: ChartContext['lang'];
  fontFile?: string;
}): Promise<ChartDrawer> {
  const { dir: scratchDir, remove: removeScratch } = makeChartScratch();
  // An interrupted run leaves no cut font behind (the scratch folder is not output: false).
  const forget = onInterrupt(() => {
    removeScratch();
    return false;
  });
  const task = { ...options, scratchDir };
  const finish = (): void => {
    forget();
    removeScratch();
  };
  if (!existsSync(WORKER_FILE))
    return {
      draw: async (summary) => (await import('./drawCharts')).drawCharts(summary, task),
      close: () => Promise.resolve(finish()),
    };
  const { Piscina } = await import('piscina');
  const pool = new Piscina<ChartsTask, DrawnCharts>({
    filename: WORKER_FILE,
    minThreads: 1,
    maxThreads: 1,
    // The main thread awaits file writes meanwhile: no blocking atomics wait.
    atomics: 'disabled',
  });
  return {
    // The charts read neither findings nor inputs (up to one entry per file each, hundreds of MB
    // on a nation-sized run): not copied to the worker. test/pipeline/e2e/chartsWorker compares.
    draw: (summary) => pool.run({ ...task, summary: { ...summary, findings: [], inputs: [] } }),
    close: async () => {
      try {
        await pool.destroy();
      } finally {
        finish();
      }
    },
  };
}
