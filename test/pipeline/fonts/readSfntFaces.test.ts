import { readFileSync } from 'node:fs';
import { readSfntFaces } from '../../../pipeline/fonts/readSfntFaces';
import { openFaceSubsetter } from '../../../pipeline/fonts/subsetFace';

// The CI image installs fonts-wqy-microhei (.ci/run): a two-face collection with a format 4 and a format 12 cmap.
const wqy = readFileSync('/usr/share/fonts/truetype/wqy/wqy-microhei.ttc');
const cp = (s: string): number[] => [...s].map((c) => c.codePointAt(0)!);

describe('readSfntFaces', () => {
  it('reads both faces of a collection with the family names the renderer matches', () => {
    const faces = readSfntFaces(wqy)!;
    expect(faces.map((f) => f.index)).toEqual([0, 1]);
    expect(faces[0]!.families).toContain('WenQuanYi Micro Hei');
    expect(faces[0]!.families).not.toContain('WenQuanYi Micro Hei Mono');
    expect(faces[1]!.families).toContain('WenQuanYi Micro Hei Mono');
  });

  it('tells which characters have a glyph', () => {
    const [face] = readSfntFaces(wqy)!;
    for (const c of cp('培训人次 2025年 A-z%')) expect([c, face!.maps(c)]).toEqual([c, true]);
    // An emoji, a private-use point and the last code point are not in the font.
    for (const c of [0x1f600, 0xf8ff, 0x10ffff]) expect([c, face!.maps(c)]).toEqual([c, false]);
  });

  it('answers null for bytes that are not a font, and for a cut-off font', () => {
    expect(
      readSfntFaces(new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"/>')),
    ).toBe(null);
    expect(readSfntFaces(wqy.subarray(0, 40))).toBe(null);
  });
});

describe('openFaceSubsetter', () => {
  it('cuts one face to the asked characters and keeps its names', () => {
    const subsetter = openFaceSubsetter(wqy);
    try {
      const cut = subsetter.subset(0, cp('培训'))!;
      expect(cut.length).toBeLessThan(wqy.length / 50);
      const [face, ...more] = readSfntFaces(cut)!;
      expect(more).toEqual([]);
      expect(face!.families).toEqual(readSfntFaces(wqy)![0]!.families);
      expect(cp('培训').map((c) => face!.maps(c))).toEqual([true, true]);
      expect(cp('人次').map((c) => face!.maps(c))).toEqual([false, false]);
    } finally {
      subsetter.dispose();
    }
  });

  it('answers null for a face that hb-subset cannot read', () => {
    const subsetter = openFaceSubsetter(new TextEncoder().encode('not a font at all'));
    try {
      expect(subsetter.subset(0, cp('培'))).toBe(null);
    } finally {
      subsetter.dispose();
    }
  });
});
