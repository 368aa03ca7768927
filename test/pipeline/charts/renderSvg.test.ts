import { buildCharts } from '../../../pipeline/charts/buildCharts';
import { chartSize, type ChartContext } from '../../../pipeline/charts/chartStyle';
import { normalizeSvgIds, renderSvg } from '../../../pipeline/charts/renderSvg';
import { buildSummary } from '../report/summaryBuilder';

const ctx: ChartContext = {
  lang: 'zh',
  fontFamily: "'WenQuanYi Micro Hei', sans-serif",
  year: '2025',
  previousYear: '2024',
};

describe('renderSvg', () => {
  const charts = buildCharts(buildSummary({ previous: true }), ctx);

  it.each(charts.map((c) => [c.name, c]))(
    'renders %s with its Chinese title at 1600×900',
    (_name, c) => {
      const svg = renderSvg(c.option, chartSize);
      expect(svg.startsWith('<svg')).toBe(true);
      expect(svg).toContain('viewBox="0 0 1600 900"');
      expect(svg).toContain(`>${c.title.replace(/“/g, '“')}</text>`);
      expect(svg).not.toMatch(/font-family:"/); // a double quote inside style="…" would break the XML
    },
  );

  it('gives identical SVG for the same option once zrender ids are normalised', () => {
    const option = charts[0]!.option;
    const a = renderSvg(option, chartSize);
    const b = renderSvg(option, chartSize);
    expect(a).not.toBe(b); // zrender numbers its instances
    expect(normalizeSvgIds(a)).toBe(normalizeSvgIds(b));
  });

  it('escapes township names that look like markup', () => {
    const summary = buildSummary({
      townships: 2,
      names: ['<img src=x onerror=alert(1)>', '黎岭镇&<b>'],
    });
    const svg = renderSvg(buildCharts(summary, ctx)[0]!.option, chartSize);
    expect(svg).not.toContain('<img');
    expect(svg).not.toContain('<b>');
    expect(svg).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  it('puts the Chinese axis names in the text', () => {
    const svg = renderSvg(charts[0]!.option, chartSize);
    expect(svg).toContain('>双龙镇</text>');
    expect(svg).toContain('>人次</text>');
  });
});
