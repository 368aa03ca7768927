// Generates the add-in's ribbon and catalog icons (addin/assets/icon-{16,32,64,80}.png) from SVG
// with @resvg/resvg-js. The PNGs are committed; rerun after changing the drawing:
//   node scripts/make-icons.mjs
// 32 px and up show the character 妇 over a small bar chart; 16 px is too small for a CJK glyph,
// so it shows the bar chart alone.
import { Resvg } from '@resvg/resvg-js';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const FONT = '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc';
const SIZES = [16, 32, 64, 80];
const RED = '#C62F2F';

/** The icon drawn on a 100×100 canvas; `withGlyph` adds the character. */
function drawIcon(withGlyph) {
  const bars = withGlyph
    ? // short bars along the bottom edge, under the character
      '<rect x="24" y="80" width="12" height="8" rx="1.5" fill="#fff"/>' +
      '<rect x="44" y="74" width="12" height="14" rx="1.5" fill="#fff"/>' +
      '<rect x="64" y="68" width="12" height="20" rx="1.5" fill="#fff"/>'
    : // tall bars filling the tile, readable at 16 px
      '<rect x="18" y="52" width="16" height="30" rx="2" fill="#fff"/>' +
      '<rect x="42" y="34" width="16" height="48" rx="2" fill="#fff"/>' +
      '<rect x="66" y="18" width="16" height="64" rx="2" fill="#fff"/>';
  const glyph = withGlyph
    ? '<text x="50" y="58" text-anchor="middle" font-family="WenQuanYi Micro Hei" font-size="54" fill="#fff">妇</text>'
    : '';
  return (
    '<svg xmlns="http://www.w3.org/2000/svg" width="100" height="100" viewBox="0 0 100 100">' +
    `<rect x="2" y="2" width="96" height="96" rx="18" fill="${RED}"/>` +
    glyph +
    bars +
    '</svg>'
  );
}

/** Renders one size to PNG bytes. */
function renderIcon(size) {
  const withGlyph = size >= 32;
  if (withGlyph && !existsSync(FONT))
    throw new Error(`font missing: ${FONT} (apt-get install fonts-wqy-microhei)`);
  const resvg = new Resvg(drawIcon(withGlyph), {
    fitTo: { mode: 'width', value: size },
    font: {
      fontFiles: withGlyph ? [FONT] : [],
      loadSystemFonts: false,
      defaultFontFamily: 'WenQuanYi Micro Hei',
    },
    shapeRendering: 2,
    textRendering: 1,
  });
  return resvg.render().asPng();
}

const outDir = join('addin', 'assets');
mkdirSync(outDir, { recursive: true });
for (const size of SIZES) {
  const file = join(outDir, `icon-${size}.png`);
  writeFileSync(file, renderIcon(size));
  console.log(`wrote ${file}`);
}
