/** Rasterises a chart SVG to PNG with resvg, using the CJK font file when there is one. */
import { Resvg } from '@resvg/resvg-js';
import type { CjkFont } from '../fonts/findCjkFont';

/** PNG bytes of `svg` at its own pixel size on white. With a font file, system fonts are not scanned (fast, reproducible). */
export function renderPng(svg: string, font: CjkFont): Buffer {
  const resvg = new Resvg(svg, {
    background: '#ffffff',
    font:
      font.file === null
        ? { loadSystemFonts: true }
        : {
            fontFiles: [font.file],
            loadSystemFonts: false,
            ...(font.family === null ? {} : { defaultFontFamily: font.family }),
          },
  });
  return resvg.render().asPng();
}
