import { escapeXml } from '../../../pipeline/write/writeWorkbook';

describe('escapeXml', () => {
  test.each([
    ['黎岭镇', '黎岭镇'],
    ['a & b <c> "d"', 'a &amp; b &lt;c&gt; &quot;d&quot;'],
    ['line1\r\nline2', 'line1_x000D_\nline2'],
    ['bell\u0007', 'bell_x0007_'],
    ['tab\there', 'tab\there'],
    ['_x0041_ stays literal', '_x005F_x0041_ stays literal'],
    ['_x plain', '_x plain'],
  ])('%j → %j', (input, output) => {
    expect(escapeXml(input)).toBe(output);
  });
});
