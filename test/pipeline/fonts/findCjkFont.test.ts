import {
  findCjkFont,
  fontFamilyList,
  parseFcList,
  type FontProbe,
} from '../../../pipeline/fonts/findCjkFont';

function probe(
  files: string[],
  fcList: string | null = null,
  family: string | null = null,
): FontProbe {
  return { readable: (f) => files.includes(f), fcList: () => fcList, familyOf: () => family };
}

describe('findCjkFont', () => {
  it('uses --font first, with its family from fc-scan', () => {
    expect(
      findCjkFont(
        '/x/MyFont.ttf',
        probe(['/x/MyFont.ttf', '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc'], null, 'My Font'),
      ),
    ).toEqual({
      font: { file: '/x/MyFont.ttf', family: 'My Font', source: 'option' },
      warnings: [],
    });
  });

  it('warns about an unreadable --font and falls back to a known path', () => {
    const result = findCjkFont(
      '/nope.ttf',
      probe(['/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc']),
    );
    expect(result.font).toEqual({
      file: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc',
      family: 'Noto Sans CJK SC',
      source: 'known',
    });
    expect(result.warnings).toHaveLength(1);
    expect(result.warnings[0]).toContain('/nope.ttf');
    expect(result.warnings[0]).toContain('--font');
  });

  it('prefers the first known path', () => {
    const files = [
      '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc',
      '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc',
    ];
    expect(findCjkFont(undefined, probe(files)).font.family).toBe('WenQuanYi Micro Hei');
  });

  it('falls back to fc-list, proportional faces before Mono', () => {
    const out = '/f/zmono.ttf: Zed Mono,等宽\n/f/zh.otf: Zed Sans,泽黑\n';
    expect(findCjkFont(undefined, probe(['/f/zmono.ttf', '/f/zh.otf'], out))).toEqual({
      font: { file: '/f/zh.otf', family: 'Zed Sans', source: 'fc-list' },
      warnings: [],
    });
  });

  it('warns once, in Chinese and English, saying how to fix it, when nothing is found', () => {
    const result = findCjkFont(undefined, probe([], null));
    expect(result.font).toEqual({ file: null, family: null, source: 'none' });
    expect(result.warnings).toHaveLength(1);
    expect(result.warnings[0]).toMatch(/未找到中文字体/);
    expect(result.warnings[0]).toMatch(/No CJK font found/);
    expect(result.warnings[0]).toContain('apt install fonts-wqy-microhei');
    expect(result.warnings[0]).toContain('--font <');
  });
});

describe('parseFcList', () => {
  it('reads "file: family,alias" lines and skips junk', () => {
    expect(parseFcList('junk\n/a.ttc: A Mono,甲\n/b.ttc: B Sans\n\n')).toEqual([
      { file: '/b.ttc', family: 'B Sans' },
      { file: '/a.ttc', family: 'A Mono' },
    ]);
  });
});

describe('fontFamilyList', () => {
  it('puts the found family first, single-quoted (ECharts does not escape double quotes), no duplicates', () => {
    const list = fontFamilyList({ file: '/w.ttc', family: 'WenQuanYi Micro Hei', source: 'known' });
    expect(list.startsWith("'WenQuanYi Micro Hei', 'Noto Sans CJK SC'")).toBe(true);
    expect(list.endsWith('sans-serif')).toBe(true);
    expect(list).not.toContain('"');
    expect(list.match(/WenQuanYi Micro Hei/g)).toHaveLength(1);
  });
});
