import fc from 'fast-check';
import {
  foldWidth,
  isSpaceCode,
  normalizeHeader,
  normalizeText,
} from '../../../core/normalize/normalizeText';
import { openccToSimplified } from '../../../core/normalize/simplify';
import { parseChineseNumeral } from '../../../core/normalize/parseChineseNumeral';

describe('normalizeText (entry-sheet §7.4)', () => {
  it.each([
    ['填報單位', '填报单位'],
    ['村（社區）名稱', '村(社区)名称'],
    ['１２３，：', '123,:'],
    ['a b\u3000c\u00a0d\ne\r\tf', 'abcdef'],
    ['“两癌”筛查人数', '两癌筛查人数'],
    ['"x" \'y\' ‘z’', 'xyz'],
    ['', ''],
    ['12345', '12345'],
  ])('%p → %p', (input, output) => {
    expect(normalizeText(input)).toBe(output);
  });

  it('folds width only where asked', () => {
    expect(foldWidth('（１）\u3000')).toBe('(1) ');
  });

  it('lower-cases headers', () => {
    expect(normalizeHeader('YES ')).toBe('yes');
  });
});

// The straightforward form normalizeText's one pass replaces: fold, strip by regex, opencc on anything non-ASCII, strip again.
const DROPPED = /\s|\u200d|[\u200b\u200c\ufeff"'“”‘’]/gu;
function reference(text: string): string {
  const out = foldWidth(text).replace(DROPPED, '');
  return /[\u0080-\uffff]/.test(out) ? openccToSimplified(out).replace(DROPPED, '') : out;
}

describe('normalizeText equals the regex-and-opencc form', () => {
  it('on every BMP character, alone and inside a name', () => {
    for (let c = 0; c < 0x10000; c++) {
      const ch = String.fromCharCode(c);
      for (const text of [ch, `黎${ch}嶺`])
        if (normalizeText(text) !== reference(text)) throw new Error(`U+${c.toString(16)}`);
    }
  });

  it('on random mixes of width, space, quote, Traditional and plain characters', () => {
    const unit = fc.constantFrom(
      ...'社區鄉鎮黎嶺村乾隆髮發干裡里臺灣台東岗 \u3000\u00a0\u200b\u200d\ufeff"＂＇\'“”‘’１２Ａｚ（）：aZ9\t\n',
      '𠀾',
      '\ud800',
      '⿰',
    );
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 12 }), (list) => {
        const text = list.join('');
        expect(normalizeText(text)).toBe(reference(text));
      }),
      { numRuns: 5000 },
    );
  });
});

describe('isSpaceCode', () => {
  it("is JavaScript's \\s on every BMP code unit", () => {
    const differ: number[] = [];
    for (let c = 0; c <= 0xffff; c++)
      if (isSpaceCode(c) !== /\s/.test(String.fromCharCode(c))) differ.push(c);
    expect(differ).toEqual([]);
  });
});

describe('parseChineseNumeral', () => {
  it.each([
    ['五', 5],
    ['十', 10],
    ['十二', 12],
    ['二十', 20],
    ['一百零五', 105],
    ['两千三百', 2300],
    ['两千零三', 2003],
    ['九千九百九十九', 9999],
    ['零', 0],
    ['三五', null],
    ['百', null],
    ['十十', null],
    ['五千五千', null],
    ['abc', null],
    ['', null],
  ])('%p → %p', (text, value) => {
    expect(parseChineseNumeral(text)).toBe(value);
  });
});
