/**
 * End to end: the bundled CLI draws the charts on its worker (dist/chartsWorker.js through piscina)
 * while it writes the tables; the SVGs and PNGs are byte for byte those drawn on one thread.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { drawCharts } from '../../../pipeline/charts/drawCharts';
import { normalizeSvgIds } from '../../../pipeline/charts/renderSvg';
import type { SummaryJson } from '../../../pipeline/aggregate/summaryTypes';
import { bundleCli, type CliBundle, ROOT, runCli } from './cliProcess';

const EXAMPLES = join(ROOT, 'examples');

describe('charts on the worker', () => {
  let bundle: CliBundle;
  beforeAll(async () => {
    bundle = await bundleCli();
  }, 120_000);
  afterAll(() => bundle.dispose());

  const merge = (out: string) =>
    runCli(bundle.launcher, [
      'merge',
      join(EXAMPLES, 'townships'),
      '--registry',
      join(EXAMPLES, 'registry.csv'),
      '--previous',
      join(EXAMPLES, 'previous', 'summary.json'),
      '--out',
      out,
    ]);

  it('writes the charts drawn on one thread, byte for byte', () => {
    const out = join(bundle.dir, 'out');
    const run = merge(out);
    expect(run.status).toBe(1);
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')) as SummaryJson;
    const scratchDir = mkdtempSync(join(tmpdir(), 'charts-worker-'));
    try {
      const here = drawCharts(summary, { lang: 'zh', scratchDir });
      expect(here.charts).toHaveLength(7);
      for (const chart of here.charts) {
        const png = readFileSync(join(out, 'charts', `${chart.name}.png`));
        const svg = readFileSync(join(out, 'charts', `${chart.name}.svg`), 'utf8');
        expect({ chart: chart.name, png: png.equals(chart.png) }).toEqual({
          chart: chart.name,
          png: true,
        });
        expect(normalizeSvgIds(svg)).toBe(normalizeSvgIds(chart.svg));
      }
    } finally {
      rmSync(scratchDir, { recursive: true, force: true });
    }
  }, 120_000);

  it('really draws them on the worker (a broken worker fails the run)', () => {
    const worker = join(bundle.dir, 'dist', 'chartsWorker.js');
    const saved = readFileSync(worker);
    writeFileSync(worker, 'throw new Error("charts worker loaded");');
    try {
      const broken = merge(join(bundle.dir, 'out-broken'));
      expect(broken.status).toBe(2);
      expect(broken.stderr).toContain('charts worker loaded');
    } finally {
      writeFileSync(worker, saved);
    }
  }, 120_000);
});
