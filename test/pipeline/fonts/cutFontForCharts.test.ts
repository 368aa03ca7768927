import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  cutFontForCharts,
  pickFaces,
  svgCodePoints,
  svgFamilyLists,
} from '../../../pipeline/fonts/cutFontForCharts';
import type { SfntFace } from '../../../pipeline/fonts/readSfntFaces';
import { readSfntFaces } from '../../../pipeline/fonts/readSfntFaces';

const wqy = '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc';

/** A face with these families mapping exactly the characters of `chars`. */
const face = (index: number, families: string[], chars: string): SfntFace => ({
  index,
  families,
  maps: (c) => [...chars].some((ch) => ch.codePointAt(0) === c),
});
const points = (s: string): Set<number> => new Set([...s].map((c) => c.codePointAt(0)!));

describe('pickFaces', () => {
  const faces = [face(0, ['A JP'], 'ab培'), face(1, ['A SC'], 'ab培'), face(2, ['B'], 'ab')];

  it('keeps only the face each list reaches first when it maps every character', () => {
    expect(pickFaces(faces, [['A SC', 'A JP', 'sans-serif'], ['A SC']], points('a培'))).toEqual([
      1,
    ]);
    expect(pickFaces(faces, [['Missing', 'A JP'], ['B']], points('ab'))).toEqual([0, 2]);
  });

  it('gives up (null: keep every face) when resvg could look elsewhere', () => {
    // The chosen face lacks a character: resvg falls back through the other faces.
    expect(pickFaces(faces, [['B']], points('a培'))).toBe(null);
    // A generic family before any named one: resvg maps it to a configured name.
    expect(pickFaces(faces, [['sans-serif', 'A JP']], points('a'))).toBe(null);
    // No family of the list is in the font.
    expect(pickFaces(faces, [['Missing']], points('a'))).toBe(null);
  });
});

describe('svgFamilyLists and svgCodePoints', () => {
  const svg =
    '<svg><text style="font-size:22px;font-family:\'WenQuanYi Micro Hei\', &quot;Noto&quot;, sans-serif;">培&#x8bad;&#20154;\n</text>' +
    '<text font-family="Other">x</text></svg>';

  it('reads each distinct font-family list, unquoted', () => {
    expect(svgFamilyLists([svg, svg])).toEqual([
      ['WenQuanYi Micro Hei', 'Noto', 'sans-serif'],
      ['Other'],
    ]);
    expect(svgFamilyLists(['<text style="font:12px Foo">x</text>'])).toBe(null);
  });

  it('collects the characters with entities decoded, line ends left out', () => {
    const got = svgCodePoints([svg]);
    for (const c of '培训人x<') expect(got.has(c.codePointAt(0)!)).toBe(true);
    expect(got.has(0x0a)).toBe(false);
  });
});

describe('cutFontForCharts', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'cut-font-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('cuts the face the charts ask for and removes it on dispose', () => {
    expect(existsSync(wqy)).toBe(true);
    const svg =
      '<svg><text style="font-family:\'WenQuanYi Micro Hei\', sans-serif;">培训人次 2025</text></svg>';
    const cut = cutFontForCharts(wqy, 'WenQuanYi Micro Hei', [svg], dir);
    try {
      expect(cut.files).toHaveLength(1);
      const [only] = readSfntFaces(readFileSync(cut.files[0]!))!;
      expect(only!.families).toContain('WenQuanYi Micro Hei');
      expect(only!.maps('训'.codePointAt(0)!)).toBe(true);
    } finally {
      cut.dispose();
    }
    expect(existsSync(cut.files[0]!)).toBe(false);
  });

  it('keeps every face, cut, when a text asks for a family the font lacks', () => {
    const svg = '<svg><text style="font-family:Nowhere, serif;">培</text></svg>';
    const cut = cutFontForCharts(wqy, null, [svg], dir);
    try {
      expect(cut.files.map((f) => readSfntFaces(readFileSync(f))![0]!.families[0])).toEqual(
        readSfntFaces(readFileSync(wqy))!.map((f) => f.families[0]),
      );
    } finally {
      cut.dispose();
    }
  });

  it('hands over the whole file when it is not a font read here', () => {
    const cut = cutFontForCharts(__filename, null, ['<svg/>'], dir);
    expect(cut.files).toEqual([__filename]);
    cut.dispose();
    expect(existsSync(__filename)).toBe(true);
  });
});
