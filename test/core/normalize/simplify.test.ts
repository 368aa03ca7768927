import fc from 'fast-check';
import * as OpenCC from 'opencc-js/t2cn';
import {
  conversionStarts,
  convertToSimplified,
  openccToSimplified,
} from '../../../core/normalize/simplify';

// Every key of the t→cn dictionaries, to build texts where matches overlap and compete.
const keys: string[] = (() => {
  const config = OpenCC.Locale?.configs?.t2s;
  const dicts = [...(config?.normalizationChain ?? []), ...(config?.conversionChain ?? [])].flat(2);
  return dicts.flatMap((d) =>
    typeof d === 'string'
      ? d.split('|').map((line) => line.split(' ')[0] ?? '')
      : Array.isArray(d)
        ? [String((d as unknown[])[0])]
        : [],
  );
})();

describe('convertToSimplified: the same as opencc-js', () => {
  it('reads the dictionaries (a changed opencc-js shape would fall back to opencc-js, slowly)', () => {
    expect(keys.length).toBeGreaterThan(4000);
    expect(keys.filter((k) => k.length > 1).length).toBeGreaterThan(200);
  });

  it('on every BMP character alone, and a character it does not list as a start is left as is', () => {
    const starts = conversionStarts();
    for (let c = 0; c < 0x10000; c++) {
      const ch = String.fromCharCode(c);
      const expected = openccToSimplified(ch);
      if (convertToSimplified(ch) !== expected) throw new Error(`U+${c.toString(16)}`);
      if (starts[c] === 0 && expected !== ch) throw new Error(`start missing: U+${c.toString(16)}`);
    }
  });

  it('on every key, alone and between other keys', () => {
    keys.forEach((k, i) => {
      const next = keys[(i * 7919) % keys.length]!;
      for (const text of [k, `${k}${next}`, `村${k}区`, `${next}${k}${next}`, k.slice(0, -1)])
        expect(convertToSimplified(text)).toBe(openccToSimplified(text));
    });
  });

  it('on texts of key parts, names and odd characters', () => {
    const parts = [
      ...keys.filter((k) => k.length > 1),
      ...'社區鄉鎮黎嶺村乾隆髮發干裡里臺灣台',
      '𠀾',
      '⿰木木',
      '\ud800',
      'a',
      ' ',
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...parts), { maxLength: 8 }), fc.nat(), (list, cut) => {
        const joined = list.join('');
        const text = joined.slice(cut % (joined.length + 1));
        expect(convertToSimplified(text)).toBe(openccToSimplified(text));
      }),
      { numRuns: 3000 },
    );
  });
});
