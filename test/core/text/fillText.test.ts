import { fillText, placeholderNames } from '../../../core/text/fillText';

describe('fillText', () => {
  it('fills every placeholder, repeated ones and dotted names too; numbers as text', () => {
    expect(fillText('{a}、{b.c}、{a}', { a: 'x', 'b.c': 2 })).toBe('x、2、x');
  });

  it('a value is never read again: braces in a value stay as they are', () => {
    expect(fillText('《{file}》：{errors}', { file: '{errors}.csv', errors: 3 })).toBe(
      '《{errors}.csv》：3',
    );
  });

  it('throws on a placeholder without a value, naming it and the template', () => {
    expect(() => fillText('第 {row} 行：{message}', { row: 3 })).toThrow(
      'fillText: no value for {message} in “第 {row} 行：{message}”',
    );
    // An inherited property is not a value.
    expect(() => fillText('{constructor}', {})).toThrow('no value for {constructor}');
  });

  it('a caller keeps or empties a placeholder by passing that value; other braces are text', () => {
    expect(fillText('{year}年{county}', { year: '{year}', county: '' })).toBe('{year}年');
    expect(fillText('{ not a name } {}', {})).toBe('{ not a name } {}');
  });

  it('placeholderNames lists the names in order, with repeats', () => {
    expect(placeholderNames('{sheet}年度为 {value}{from}，{value}')).toEqual([
      'sheet',
      'value',
      'from',
      'value',
    ]);
    expect(placeholderNames('没有占位')).toEqual([]);
  });
});
