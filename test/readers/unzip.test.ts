/** readers/unzip: the same parts as JSZip on plain zips, the cap kept whatever the directory says, and null for the zips it leaves to JSZip. */
import fc from 'fast-check';
import JSZip from 'jszip';
import { unzipPlain } from '../../readers/unzip';

/** The end-of-central-directory offset (the last signature). */
function eocdOf(bytes: Uint8Array): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let i = bytes.length - 22; i >= 0; i--) if (view.getUint32(i, true) === 0x06054b50) return i;
  return -1;
}

async function zipOf(
  files: Record<string, Uint8Array | string>,
  compression: 'STORE' | 'DEFLATE' = 'DEFLATE',
): Promise<Uint8Array> {
  const zip = new JSZip();
  for (const [name, data] of Object.entries(files)) zip.file(name, data);
  return zip.generateAsync({ type: 'uint8array', compression });
}

/** Overwrites the uncompressed size every central-directory entry declares. */
function declareSize(bytes: Uint8Array, size: number): Uint8Array {
  const out = new Uint8Array(bytes);
  const view = new DataView(out.buffer);
  for (let i = 0; i + 46 <= out.length; i++)
    if (view.getUint32(i, true) === 0x02014b50) view.setUint32(i + 24, size, true);
  return out;
}

describe('unzipPlain', () => {
  it('property: the same parts as JSZip, stored or deflated', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.dictionary(
          fc.stringMatching(/^[a-z]{1,8}(\/[a-z]{1,8})?\.xml$/u),
          fc.oneof(fc.string({ maxLength: 3000 }), fc.uint8Array({ maxLength: 3000 })),
          { maxKeys: 5 },
        ),
        fc.constantFrom('STORE' as const, 'DEFLATE' as const),
        async (files, compression) => {
          const bytes = await zipOf(files, compression);
          const ours = unzipPlain(bytes, eocdOf(bytes), 1e8);
          expect(ours).not.toBeNull();
          const theirs = await JSZip.loadAsync(bytes);
          const expected = new Map<string, Uint8Array>();
          for (const [name, f] of Object.entries(theirs.files))
            if (!f.dir) expected.set(name, await f.async('uint8array'));
          expect(
            new Map([...(ours as Map<string, Uint8Array>)].map(([k, v]) => [k, [...v]])),
          ).toEqual(new Map([...expected].map(([k, v]) => [k, [...v]])));
        },
      ),
      { numRuns: 40 },
    );
  });

  it('inflates the whole part when the directory declares it shorter or longer than it is', async () => {
    const text = 'x'.repeat(50_000);
    const bytes = await zipOf({ 'a.xml': text });
    for (const declared of [10, 49_999, 50_000, 80_000]) {
      const parts = unzipPlain(declareSize(bytes, declared), eocdOf(bytes), 1e8);
      expect(new TextDecoder().decode((parts as Map<string, Uint8Array>).get('a.xml'))).toBe(text);
    }
  });

  it('stops at the cap whatever the directory declares (a bomb: 1 MB of zeros per part)', async () => {
    const zeros = new Uint8Array(1_000_000);
    const bytes = declareSize(await zipOf({ 'a.xml': zeros, 'b.xml': zeros, 'c.xml': zeros }), 1);
    expect(unzipPlain(bytes, eocdOf(bytes), 2_500_000)).toBe('too-large');
    expect(unzipPlain(bytes, eocdOf(bytes), 3_000_000)).toBeInstanceOf(Map);
  });

  it('leaves non-ASCII names and encrypted entries to JSZip (null)', async () => {
    const named = await zipOf({ '表.xml': 'x' });
    expect(unzipPlain(named, eocdOf(named), 1e8)).toBeNull();
    const plain = await zipOf({ 'a.xml': 'x' });
    const encrypted = new Uint8Array(plain);
    const view = new DataView(encrypted.buffer);
    for (let i = 0; i + 46 <= encrypted.length; i++)
      if (view.getUint32(i, true) === 0x02014b50) view.setUint16(i + 8, 1, true);
    expect(unzipPlain(encrypted, eocdOf(encrypted), 1e8)).toBeNull();
  });

  it('throws on deflate data that does not inflate (the reader calls the file corrupt)', async () => {
    const bytes = await zipOf({ 'a.xml': 'hello hello hello hello' });
    const broken = new Uint8Array(bytes);
    const view = new DataView(broken.buffer);
    const start = 30 + view.getUint16(26, true) + view.getUint16(28, true);
    broken.fill(0xff, start, start + 8);
    expect(() => unzipPlain(broken, eocdOf(broken), 1e8)).toThrow();
  });
});
