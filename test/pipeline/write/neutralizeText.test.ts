import { neutralizeText } from '../../../pipeline/write/neutralizeText';

describe('neutralizeText', () => {
  test.each([
    ['=HYPERLINK("http://x","点我")', `'=HYPERLINK("http://x","点我")`],
    ['+1+cmd|calc', `'+1+cmd|calc`],
    ['-2+3', `'-2+3`],
    ['@SUM(A1)', `'@SUM(A1)`],
    ['\t=1', `'\t=1`],
    ['\r=1', `'\r=1`],
    ['-', `'-`],
  ])('dangerous start %j is prefixed', (input, output) => {
    expect(neutralizeText(input)).toBe(output);
  });
  test.each(['-5', '+3.5', '-0.25', '1e5', '-1E-3', '黎岭镇', 'a=b', ''])(
    'plain numbers and harmless text stay: %j',
    (text) => {
      expect(neutralizeText(text)).toBe(text);
    },
  );
});
