import { readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { startChartDrawer } from '../../../pipeline/charts/startChartDrawer';
import { buildSummary } from '../report/summaryBuilder';

const scratchDirs = (): string[] =>
  readdirSync(tmpdir()).filter((name) => name.startsWith('county-rollup-charts-'));

describe('startChartDrawer (from source: on this thread)', () => {
  it('draws every chart and removes its scratch folder on close', async () => {
    const before = scratchDirs();
    const drawer = await startChartDrawer({ lang: 'zh' });
    try {
      const drawn = await drawer.draw(buildSummary({ previous: true }));
      expect(drawn.warnings).toEqual([]);
      expect(drawn.charts.map((c) => c.name)).toEqual([
        'training-attendance',
        'cancer-screening',
        'cadre-education',
        'cadre-structure',
        'home-coverage',
        'disputes',
        'year-over-year',
      ]);
      // PNG signature.
      for (const c of drawn.charts) expect([...c.png.subarray(0, 4)]).toEqual([137, 80, 78, 71]);
    } finally {
      await drawer.close();
    }
    expect(scratchDirs().filter((d) => !before.includes(d))).toEqual([]);
  });
});
