/** Registry CSV in the pane: decoding (UTF-8, BOMs, GB18030) and the CSV splitter. */
import iconv from 'iconv-lite';
import { decodeText, detectDelimiter, splitCsv } from '../../../addin/taskpane/registryFile';
import { loadSchema, parseRegistry } from '../../../core';

const CSV =
  '乡镇,村（社区）,乡镇别名\r\n黎岭镇,东村,黎岭乡\r\n黎岭镇,"西村,新区",\r\n青石镇,"说""好""村",\r\n';

describe('decodeText', () => {
  it('reads UTF-8, UTF-8 with BOM, UTF-16 LE with BOM and GBK bytes to the same text', () => {
    const utf8 = new TextEncoder().encode(CSV);
    expect(decodeText(utf8)).toBe(CSV);
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8]))).toBe(CSV);
    expect(decodeText(new Uint8Array(iconv.encode(CSV, 'utf-16le', { addBOM: true })))).toBe(CSV);
    expect(decodeText(new Uint8Array(iconv.encode(CSV, 'gbk')))).toBe(CSV);
  });
});

describe('splitCsv', () => {
  it('splits quoted fields, doubled quotes and CRLF; trailing blank cells dropped (the readers grid)', () => {
    expect(splitCsv(CSV)).toEqual([
      ['乡镇', '村（社区）', '乡镇别名'],
      ['黎岭镇', '东村', '黎岭乡'],
      ['黎岭镇', '西村,新区'],
      ['青石镇', '说"好"村'],
    ]);
    expect(splitCsv('a,,b\n')).toEqual([['a', null, 'b']]);
  });

  it('decodeText refuses bytes that are no text (the pane reports it) instead of mojibake', () => {
    expect(() =>
      decodeText(new Uint8Array([0x43, 0x61, 0x66, 0xe9, 0x2c, 0x5a, 0x6f, 0xeb])),
    ).toThrow(/编码无法识别/u);
    expect(() => decodeText(new Uint8Array(0))).toThrow(/空/u);
  });

  it('keeps line breaks inside quotes and detects tab and semicolon delimiters', () => {
    expect(splitCsv('a,"x\ny"\nb,c')).toEqual([
      ['a', 'x\ny'],
      ['b', 'c'],
    ]);
    expect(detectDelimiter('乡镇\t村\n')).toBe('\t');
    expect(splitCsv('乡镇;村\n黎岭镇;东村')).toEqual([
      ['乡镇', '村'],
      ['黎岭镇', '东村'],
    ]);
  });

  it('feeds the core registry parser', () => {
    const parsed = parseRegistry(splitCsv(CSV), loadSchema());
    expect(parsed.ok && parsed.registry.townships.map((t) => [t.name, t.villages])).toEqual([
      ['黎岭镇', ['东村', '西村,新区']],
      ['青石镇', ['说好村']], // the core compares names without quote marks (entry-sheet §7.4)
    ]);
  });
});
