/** Rasterises chart SVGs to PNG with resvg, using the CJK font file when there is one. */
import { Resvg } from '@resvg/resvg-js';
import type { CjkFont } from '../fonts/findCjkFont';
import { cutFontForCharts } from '../fonts/cutFontForCharts';

/** PNG bytes of `svg` at its own pixel size on white. With a font file, system fonts are not scanned (fast, reproducible). */
export function renderPng(svg: string, font: CjkFont): Buffer {
  return render(svg, font.file === null ? null : [font.file], font.family);
}

/**
 * PNG bytes of each SVG, the same as renderPng's, with the font cut once for all of them to the
 * characters they draw (fonts/cutFontForCharts): resvg then reads a small face per chart. The cut
 * faces live in `scratchDir` while the PNGs are drawn.
 */
export function renderPngs(svgs: readonly string[], font: CjkFont, scratchDir: string): Buffer[] {
  if (font.file === null || svgs.length === 0) return svgs.map((svg) => renderPng(svg, font));
  const cut = cutFontForCharts(font.file, font.family, svgs, scratchDir);
  try {
    return svgs.map((svg) => render(svg, cut.files, font.family));
  } finally {
    cut.dispose();
  }
}

function render(svg: string, fontFiles: string[] | null, family: string | null): Buffer {
  const resvg = new Resvg(svg, {
    background: '#ffffff',
    font:
      fontFiles === null
        ? { loadSystemFonts: true }
        : {
            fontFiles,
            loadSystemFonts: false,
            ...(family === null ? {} : { defaultFontFamily: family }),
          },
  });
  return resvg.render().asPng();
}
