import { foldWidth, normalizeHeader, normalizeText } from '../../../core/normalize/normalizeText';
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
