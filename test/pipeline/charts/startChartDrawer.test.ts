import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import type * as Os from 'node:os';
import { join } from 'node:path';
import { startChartDrawer } from '../../../pipeline/charts/startChartDrawer';
import { ALL_CHART_NAMES, buildSummary } from '../report/summaryBuilder';

// A temporary folder of this test's own (the drawer's tmpdir() points there), so drawers of other
// test files running in parallel are not counted. The mock's tmpdir reads mockTmp only when called.
const mockTmp = mkdtempSync(
  join(jest.requireActual<typeof Os>('node:os').tmpdir(), 'drawer-test-'),
);
jest.mock('node:os', () => ({
  ...jest.requireActual<typeof Os>('node:os'),
  tmpdir: (): string => mockTmp,
}));
afterAll(() => rmSync(mockTmp, { recursive: true, force: true }));

const scratchDirs = (): string[] =>
  readdirSync(tmpdir()).filter((name) => name.startsWith('county-rollup-charts-'));

describe('startChartDrawer (from source: on this thread)', () => {
  it('draws every chart and removes its scratch folder on close', async () => {
    expect(tmpdir()).toBe(mockTmp);
    const drawer = await startChartDrawer({ lang: 'zh' });
    try {
      const drawn = await drawer.draw(buildSummary({ previous: true }));
      expect(drawn.warnings).toEqual([]);
      expect(drawn.charts.map((c) => c.name)).toEqual(ALL_CHART_NAMES);
      // PNG signature.
      for (const c of drawn.charts) expect([...c.png.subarray(0, 4)]).toEqual([137, 80, 78, 71]);
      // The cut font lives in one scratch folder while the drawer is open.
      expect(scratchDirs()).toHaveLength(1);
    } finally {
      await drawer.close();
    }
    expect(scratchDirs()).toEqual([]);
  });
});
