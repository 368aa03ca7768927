/** The readers bundle for a browser (esbuild, platform browser): no Node module is reached, and the text reader alone stays small for the add-in. */
import { build } from 'esbuild';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');

async function bundle(entry: string): Promise<{ bytes: number; errors: number }> {
  const result = await build({
    entryPoints: [join(root, entry)],
    bundle: true,
    platform: 'browser',
    format: 'esm',
    minify: true,
    write: false,
    logLevel: 'silent',
  });
  return { bytes: result.outputFiles[0]!.contents.length, errors: result.errors.length };
}

describe('readers in a browser', () => {
  it('readers/index (text, exceljs, SheetJS) bundles for the browser platform without Node modules', async () => {
    const all = await bundle('readers/index.ts');
    expect(all.errors).toBe(0);
    expect(all.bytes).toBeGreaterThan(0);
  });

  it('the text reader (decode + CSV), what the add-in imports, bundles without exceljs or SheetJS', async () => {
    const text = await bundle('readers/readText.ts');
    expect(text.errors).toBe(0);
    // papaparse and the decoder only; exceljs alone is > 900 KB minified.
    expect(text.bytes).toBeLessThan(60 * 1024);
  });
});
