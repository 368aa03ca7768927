/**
 * Bytes → text for township CSV/TXT files: BOM sniffing, strict UTF-8, verified GB18030, UTF-16;
 * never mojibake. Only TextDecoder (strict, fatal): runs in Node and in browsers alike.
 */

/** The text encodings the readers accept (summary.json `inputs[].encoding`, minus 'xlsx'). */
export type TextEncoding = 'utf-8' | 'utf-8-bom' | 'gb18030' | 'utf-16le' | 'utf-16be';

/** What decode returns: the text and the encoding it was read in, or the finding code that rejects the file. */
export type DecodeResult =
  | { ok: true; text: string; encoding: TextEncoding }
  | { ok: false; code: 'E_ENCODING' | 'E_EMPTY_FILE' };

const ENCODING_ERROR = { ok: false, code: 'E_ENCODING' } as const;
const EMPTY_FILE = { ok: false, code: 'E_EMPTY_FILE' } as const;

/** Decodes a file's bytes: BOM, else BOM-less UTF-16 when unambiguous, else strict UTF-8, else verified GB18030. */
export function decode(bytes: Uint8Array): DecodeResult {
  if (bytes.length === 0) return EMPTY_FILE;
  const bom = decodeWithBom(bytes);
  if (bom !== undefined) return bom === null ? ENCODING_ERROR : checkText(bom.text, bom.encoding);

  // Before UTF-8: ASCII in UTF-16 is valid UTF-8 full of NULs, which no text encoding of a sheet has.
  const utf16 = sniffUtf16(bytes);
  if (utf16 !== null) {
    const text = decodeUtf16(bytes, utf16);
    return text === null ? ENCODING_ERROR : checkText(text, utf16);
  }

  const utf8 = decodeStrict('utf-8', bytes);
  if (utf8 !== null) return checkText(utf8, 'utf-8');

  const gb = decodeGb18030(bytes);
  return gb === null ? ENCODING_ERROR : checkText(gb, 'gb18030');
}

/** undefined: no BOM; null: a BOM whose body does not decode; else the decoded body. */
function decodeWithBom(
  bytes: Uint8Array,
): { text: string; encoding: TextEncoding } | null | undefined {
  const [b0, b1, b2] = bytes;
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) {
    const text = decodeStrict('utf-8', bytes.subarray(3));
    return text === null ? null : { text, encoding: 'utf-8-bom' };
  }
  if (b0 === 0xff && b1 === 0xfe) {
    const text = decodeUtf16(bytes.subarray(2), 'utf-16le');
    return text === null ? null : { text, encoding: 'utf-16le' };
  }
  if (b0 === 0xfe && b1 === 0xff) {
    const text = decodeUtf16(bytes.subarray(2), 'utf-16be');
    return text === null ? null : { text, encoding: 'utf-16be' };
  }
  return undefined;
}

function decodeStrict(label: 'utf-8' | 'utf-16le', bytes: Uint8Array): string | null {
  try {
    // ignoreBOM: the BOM was already taken off; a second one stays visible rather than silently vanishing.
    return new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

function decodeUtf16(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be'): string | null {
  // An odd length is a truncated file: the last character lost a byte.
  if (bytes.length % 2 !== 0) return null;
  if (encoding === 'utf-16le') return decodeStrict('utf-16le', bytes);
  // Swap to LE ourselves: utf-16be in TextDecoder depends on Node's ICU build.
  const swapped = new Uint8Array(bytes.length);
  for (let i = 0; i < bytes.length; i += 2) {
    swapped[i] = bytes[i + 1] ?? 0;
    swapped[i + 1] = bytes[i] ?? 0;
  }
  return decodeStrict('utf-16le', swapped);
}

/**
 * UTF-16 without a BOM, only when the NUL pattern leaves no doubt: NULs on at least a third of one
 * parity's positions (the ASCII delimiters, digits and line breaks of a sheet) and hardly any on the other.
 */
function sniffUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  if (bytes.length < 4 || bytes.length % 2 !== 0) return null;
  let evenNuls = 0;
  let oddNuls = 0;
  for (let i = 0; i < bytes.length; i += 2) {
    if (bytes[i] === 0) evenNuls++;
    if (bytes[i + 1] === 0) oddNuls++;
  }
  const pairs = bytes.length / 2;
  // A few NULs on the other parity are characters U+xx00 (e.g. 一 U+4E00); text has no NUL of its own.
  if (oddNuls * 3 >= pairs && evenNuls * 20 <= oddNuls) return 'utf-16le';
  if (evenNuls * 3 >= pairs && oddNuls * 20 <= evenNuls) return 'utf-16be';
  return null;
}

/**
 * GB18030 through a strict (fatal) TextDecoder, which both Node (full ICU) and browsers have: the
 * result counts only if no byte sequence is invalid, no lone 0x80 (which WHATWG decodes to € but no
 * GBK editor writes) stands where a character starts, it holds no private-use characters, and it
 * looks like Chinese text (see looksLikeGbText). Latin-1 or binary bytes fail one of these and give
 * E_ENCODING instead of mojibake.
 */
function decodeGb18030(bytes: Uint8Array): string | null {
  let text: string;
  try {
    text = new TextDecoder('gb18030', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
  if (hasUnstableBytes(bytes)) return null;
  if (/[\uE000-\uF8FF]/u.test(text)) return null;
  return looksLikeGbText(bytes) ? text : null;
}

/**
 * Two-byte codes that decoders disagree on: the 18 whose character GB18030-2022 changed (vertical
 * punctuation A6D9–A6DF, A6EC–A6ED, A6F3 and eight ideographs FE59…FEA0: private-use in 2005, real
 * characters in 2022), and A3A0. A file holding one is not read (as under the 2005 table, where
 * they are private-use characters); no statistics sheet writes them.
 */
const CHANGED_IN_2022 = new Set([
  0xa6d9, 0xa6da, 0xa6db, 0xa6dc, 0xa6dd, 0xa6de, 0xa6df, 0xa6ec, 0xa6ed, 0xa6f3, 0xfe59, 0xfe61,
  0xfe66, 0xfe67, 0xfe6d, 0xfe7e, 0xfe90, 0xfea0,
  // A3A0: U+E5E5 (private use) in the 2005 table, U+3000 in the WHATWG index.
  0xa3a0,
]);

/**
 * Whether a 0x80 byte starts a character (GBK has no such character; WHATWG maps it to U+20AC), or
 * a two-byte code of CHANGED_IN_2022 occurs: bytes whose decoding is not the same everywhere.
 */
function hasUnstableBytes(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length;) {
    const lead = bytes[i] ?? 0;
    const trail = bytes[i + 1] ?? 0;
    if (lead < 0x80) i++;
    else if (lead === 0x80) return true;
    else if (trail >= 0x30 && trail <= 0x39) i += 4;
    else if (CHANGED_IN_2022.has(lead * 256 + trail)) return true;
    else i += 2;
  }
  return false;
}

/**
 * Whether GB18030 bytes look like Chinese text: in Chinese (Simplified, or Traditional typed in GBK)
 * most double-byte characters have a trail byte of 0x80 or more, while Latin-1 text misread as GBK
 * pairs an accented letter with the ASCII letter after it. Measured: sheets ≥ 85 %, Latin-1 ≤ 25 %.
 */
function looksLikeGbText(bytes: Uint8Array): boolean {
  let multi = 0;
  let highTrail = 0;
  for (let i = 0; i < bytes.length;) {
    const lead = bytes[i] ?? 0;
    if (lead < 0x80) {
      i++;
      continue;
    }
    const trail = bytes[i + 1] ?? 0;
    multi++;
    if (trail >= 0x30 && trail <= 0x39) {
      highTrail++; // four-byte GB18030 sequence (rare characters): never formed by Latin-1 text
      i += 4;
      continue;
    }
    if (trail >= 0x80) highTrail++;
    i += 2;
  }
  return highTrail * 5 >= multi * 3;
}

/**
 * Rejects decoded text that a spreadsheet never holds (NUL and other control characters, C1 controls,
 * non-characters): the sign of a binary file or a wrong guess. Whitespace-only text is an empty file.
 */
function checkText(text: string, encoding: TextEncoding): DecodeResult {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what we look for
  if (/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]/u.test(text))
    return ENCODING_ERROR;
  if (text.replace(/^\uFEFF/u, '').trim() === '') return EMPTY_FILE;
  return { ok: true, text, encoding };
}
