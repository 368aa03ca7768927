import fc from 'fast-check';
import iconv from 'iconv-lite';
import type { TextEncoding } from '../../readers/decode';
import { decode } from '../../readers/decode';
import {
  csvGbk,
  csvUtf8,
  csvUtf8Bom,
  makeSheet,
  sheetText,
  unicodeText,
  utf16beText,
} from '../fixtures/sheets';

const bytes = (...values: number[]): Uint8Array => Uint8Array.from(values);

/** The bytes a decoded text stands for, BOM included: decode must be lossless. */
function encodeAs(text: string, encoding: TextEncoding): Buffer {
  switch (encoding) {
    case 'utf-8':
      return Buffer.from(text, 'utf8');
    case 'utf-8-bom':
      return Buffer.concat([bytes(0xef, 0xbb, 0xbf), Buffer.from(text, 'utf8')]);
    case 'gb18030':
      return iconv.encode(text, 'gb18030');
    case 'utf-16le':
      return Buffer.from(text, 'utf16le');
    case 'utf-16be':
      return Buffer.from(text, 'utf16le').swap16();
  }
}

describe('decode: the sheet in every accepted encoding', () => {
  const sheet = makeSheet();
  const text = sheetText(sheet);

  it.each([
    ['UTF-8', csvUtf8(sheet), 'utf-8', text],
    ['UTF-8 with BOM', csvUtf8Bom(sheet), 'utf-8-bom', text],
    ['GBK', csvGbk(sheet), 'gb18030', text],
    [
      'UTF-16 LE Unicode text',
      unicodeText(sheet),
      'utf-16le',
      sheetText(sheet, { delimiter: '\t', pad: true }),
    ],
    ['UTF-16 BE with BOM', utf16beText(sheet), 'utf-16be', sheetText(sheet, { delimiter: '\t' })],
  ] as const)('%s', (_name, input, encoding, expected) => {
    expect(decode(input)).toEqual({ ok: true, text: expected, encoding });
  });

  it('reads GB18030 four-byte characters (rare name characters) as gb18030', () => {
    const withRare = `${text}东山村,䶮丽\r\n`;
    expect(decode(iconv.encode(withRare, 'gb18030'))).toEqual({
      ok: true,
      text: withRare,
      encoding: 'gb18030',
    });
  });

  it('reads GBK with Traditional headers (characters outside GB2312) as gb18030', () => {
    const traditional = sheetText(makeSheet({ traditional: true }));
    expect(decode(iconv.encode(traditional, 'gbk'))).toEqual({
      ok: true,
      text: traditional,
      encoding: 'gb18030',
    });
  });

  it('reads UTF-16 LE and BE without BOM when the NUL pattern is unambiguous', () => {
    const tsv = sheetText(sheet, { delimiter: '\t' });
    expect(decode(Buffer.from(tsv, 'utf16le'))).toEqual({
      ok: true,
      text: tsv,
      encoding: 'utf-16le',
    });
    expect(decode(Buffer.from(tsv, 'utf16le').swap16())).toEqual({
      ok: true,
      text: tsv,
      encoding: 'utf-16be',
    });
  });
});

describe('decode: edge cases', () => {
  it.each([
    ['no bytes', bytes()],
    ['whitespace only', Buffer.from(' \r\n\t\u3000\r\n', 'utf8')],
    ['a UTF-8 BOM only', bytes(0xef, 0xbb, 0xbf)],
    ['a UTF-16 LE BOM and spaces', bytes(0xff, 0xfe, 0x20, 0x00, 0x0a, 0x00)],
  ])('%s is E_EMPTY_FILE', (_name, input) => {
    expect(decode(input)).toEqual({ ok: false, code: 'E_EMPTY_FILE' });
  });

  it.each([
    [
      'Latin-1 text with a comma after an accent',
      Buffer.from('Café,Zoë\r\nJosé,Añejo\r\n', 'latin1'),
    ],
    [
      'Latin-1 text that is valid GBK byte by byte',
      Buffer.from('Müller;Größe;Übung\r\n', 'latin1'),
    ],
    ['random binary with NULs', bytes(0x00, 0x13, 0xff, 0x80, 0x00, 0x00, 0x7f, 0x01, 0xfe)],
    ['valid UTF-8 holding control characters', Buffer.from('序号,村名\u0001\u0002\r\n', 'utf8')],
    ['NUL bytes only', bytes(0, 0, 0, 0)],
    ['a UTF-8 BOM followed by invalid UTF-8', bytes(0xef, 0xbb, 0xbf, 0x41, 0xc3, 0x28)],
    [
      'a truncated UTF-16 LE file (odd length)',
      Buffer.concat([bytes(0xff, 0xfe), Buffer.from('序号\t村名', 'utf16le'), bytes(0x51)]),
    ],
    ['UTF-16 LE with a lone surrogate', bytes(0xff, 0xfe, 0x41, 0x00, 0x00, 0xd8, 0x41, 0x00)],
    ['GBK user-defined area (private use)', bytes(0xaa, 0xa1, 0xaa, 0xa2, 0x2c, 0xaa, 0xa3)],
    [
      'a GBK lead byte cut at the end',
      Buffer.concat([iconv.encode('序号,村名', 'gbk'), bytes(0xb4)]),
    ],
  ])('%s is E_ENCODING', (_name, input) => {
    expect(decode(input)).toEqual({ ok: false, code: 'E_ENCODING' });
  });

  it('prefers UTF-8 for bytes valid in both UTF-8 and GBK (short strings), and the text is then exact UTF-8', () => {
    // The GBK text that UTF-8 "中文" turns into when misread is, byte for byte, UTF-8 "中文".
    const gbkText = iconv.decode(Buffer.from('中文', 'utf8'), 'gbk');
    expect(gbkText).toHaveLength(3);
    const ambiguous = iconv.encode(gbkText, 'gbk');
    expect(Array.from(ambiguous)).toEqual([0xe4, 0xb8, 0xad, 0xe6, 0x96, 0x87]);
    expect(decode(ambiguous)).toEqual({ ok: true, text: '中文', encoding: 'utf-8' });
  });

  it('reads a real GBK sheet as gb18030, never as UTF-8 mojibake', () => {
    const result = decode(
      iconv.encode('序号,村（社区）名称,妇联主席姓名\r\n1,东山村,王芳\r\n', 'gbk'),
    );
    expect(result).toEqual({
      ok: true,
      text: '序号,村（社区）名称,妇联主席姓名\r\n1,东山村,王芳\r\n',
      encoding: 'gb18030',
    });
  });
});

describe('decode: properties', () => {
  it('never throws on arbitrary bytes, gives the same result twice, and is lossless when it accepts', () => {
    // Found by an earlier random run: a UTF-16LE BOM followed by one valid code unit.
    expect(decode(bytes(0xff, 0xfe, 0x00, 0x01))).toEqual({
      ok: true,
      text: '\u0100',
      encoding: 'utf-16le',
    });
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (input) => {
        const first = decode(input);
        expect(decode(input)).toEqual(first);
        if (!first.ok) return;
        // A UTF-16 file may come with or without its BOM (encodeAs writes none for UTF-16).
        const bom =
          (first.encoding === 'utf-16le' && input[0] === 0xff && input[1] === 0xfe) ||
          (first.encoding === 'utf-16be' && input[0] === 0xfe && input[1] === 0xff);
        const body = Buffer.from(bom ? input.subarray(2) : input);
        expect(Buffer.compare(encodeAs(first.text, first.encoding), body)).toBe(0);
      }),
      { numRuns: 2000 },
    );
  });

  it('is lossless and stable on arbitrary text in arbitrary accepted encodings', () => {
    const cjk = fc.integer({ min: 0x4e00, max: 0x9fa5 }).map((c) => String.fromCharCode(c));
    const ascii = fc.constantFrom('a', '1', ',', '\t', '\r\n', ' ', '"', '（', '）');
    const text = fc
      .array(fc.oneof(cjk, ascii), { minLength: 1, maxLength: 60 })
      .map((parts) => parts.join(''));
    const encoding = fc.constantFrom<TextEncoding>(
      'utf-8',
      'utf-8-bom',
      'gb18030',
      'utf-16le',
      'utf-16be',
    );
    fc.assert(
      fc.property(text, encoding, (t, enc) => {
        const input =
          enc === 'utf-16le'
            ? Buffer.concat([bytes(0xff, 0xfe), encodeAs(t, enc)])
            : enc === 'utf-16be'
              ? Buffer.concat([bytes(0xfe, 0xff), encodeAs(t, enc)])
              : encodeAs(t, enc);
        const result = decode(input);
        if (result.ok)
          expect(
            Buffer.compare(
              encodeAs(result.text, result.encoding),
              input.subarray(result.encoding.startsWith('utf-16') ? 2 : 0),
            ),
          ).toBe(0);
        else expect(['E_EMPTY_FILE', 'E_ENCODING']).toContain(result.code);
        if (t.trim() !== '' && enc !== 'gb18030')
          expect(result).toEqual({ ok: true, text: t, encoding: enc });
      }),
      { numRuns: 500 },
    );
  });
});
