import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildCharts } from '../../../pipeline/charts/buildCharts';
import { chartSize, type ChartContext } from '../../../pipeline/charts/chartStyle';
import { renderPng, renderPngs } from '../../../pipeline/charts/renderPng';
import { renderSvg } from '../../../pipeline/charts/renderSvg';
import type { CjkFont } from '../../../pipeline/fonts/findCjkFont';
import { buildSummary } from '../report/summaryBuilder';
import { decodePng, pixelSpread } from './decodePng';

const ctx: ChartContext = {
  lang: 'zh',
  fontFamily: "'WenQuanYi Micro Hei', sans-serif",
  year: '2025',
  previousYear: '2024',
};
const wqy = '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc';

describe('renderPng', () => {
  const svg = renderSvg(buildCharts(buildSummary(), ctx)[0]!.option, chartSize);

  it('renders at the SVG size, on white, not blank (no font: system fonts)', () => {
    const png = decodePng(renderPng(svg, { file: null, family: null, source: 'none' }));
    expect([png.width, png.height]).toEqual([1600, 900]);
    expect(Array.from(png.pixels.subarray(0, png.channels))).toEqual(
      png.channels === 4 ? [255, 255, 255, 255] : [255, 255, 255],
    );
    expect(pixelSpread(png)).toBeGreaterThan(20);
  });

  it('decodes a blank SVG as blank (the spread measure works)', () => {
    const blank =
      '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20" viewBox="0 0 40 20"></svg>';
    const png = decodePng(renderPng(blank, { file: null, family: null, source: 'none' }));
    expect([png.width, png.height, pixelSpread(png)]).toEqual([40, 20, 0]);
  });

  // The CI image installs fonts-wqy-microhei (.ci/run); the test states its precondition instead of skipping.
  it('draws Chinese glyphs with the CJK font file (more ink than without it)', () => {
    expect(existsSync(wqy)).toBe(true);
    const font: CjkFont = { file: wqy, family: 'WenQuanYi Micro Hei', source: 'known' };
    const title =
      '<svg xmlns="http://www.w3.org/2000/svg" width="400" height="80" viewBox="0 0 400 80"><text x="10" y="50" style="font-size:40px;font-family:\'WenQuanYi Micro Hei\', sans-serif;">培训人次</text></svg>';
    const withFont = decodePng(renderPng(title, font));
    expect(pixelSpread(withFont)).toBeGreaterThan(30);
  });

  // The font is cut once per run to the charts' characters: the PNGs must not change by a byte.
  it.each(['zh', 'en'] as const)(
    'renderPngs draws every chart byte for byte as renderPng does from the whole font (%s)',
    (lang) => {
      const font: CjkFont = { file: wqy, family: 'WenQuanYi Micro Hei', source: 'known' };
      const svgs = buildCharts(buildSummary({ previous: true }), {
        ...ctx,
        lang,
        fontFamily: "'WenQuanYi Micro Hei', 'Noto Sans CJK SC', sans-serif",
      }).map((c) => renderSvg(c.option, chartSize));
      expect(svgs).toHaveLength(7);
      const scratch = mkdtempSync(join(tmpdir(), 'render-pngs-'));
      let each: Buffer[];
      try {
        each = renderPngs(svgs, font, scratch);
        // The cut faces are removed once drawn.
        expect(readdirSync(scratch)).toEqual([]);
      } finally {
        rmSync(scratch, { recursive: true, force: true });
      }
      expect(each).toHaveLength(7);
      svgs.forEach((svg, i) => expect(each[i]!.equals(renderPng(svg, font))).toBe(true));
    },
  );
});
