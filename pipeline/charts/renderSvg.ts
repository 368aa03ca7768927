/** Renders an ECharts option to an SVG string on the server (no DOM, no canvas). */
import * as echarts from 'echarts';
import type { EChartsOption } from 'echarts';

/** SVG text of `option` at `size`; animation is forced off so the first frame is the final one. */
export function renderSvg(option: EChartsOption, size: { width: number; height: number }): string {
  const chart = echarts.init(null, null, {
    renderer: 'svg',
    ssr: true,
    width: size.width,
    height: size.height,
  });
  try {
    chart.setOption({ ...option, animation: false });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

/** Renumbers zrender's process-wide ids (zr3-cls-17, zr3-c2 …) by first appearance, so two renders compare equal. */
export function normalizeSvgIds(svg: string): string {
  const seen = new Map<string, string>();
  return svg.replace(/\bzr\d+-([A-Za-z-]*?)\d+\b/g, (id, kind: string) => {
    let renamed = seen.get(id);
    if (renamed === undefined) {
      renamed = `zr-${kind}${seen.size}`;
      seen.set(id, renamed);
    }
    return renamed;
  });
}
