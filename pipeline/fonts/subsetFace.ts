/**
 * Cuts faces of a font down to a set of characters with HarfBuzz's hb-subset, the WebAssembly
 * build that harfbuzzjs ships (harfbuzz-subset.wasm: no imports, so it is instantiated directly
 * and the package's ES-module wrapper is not needed).
 */
import { readFileSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';

/** The hb-subset exports used here (C signatures: pointers and enums are numbers). */
interface HbSubset {
  memory: WebAssembly.Memory;
  malloc(size: number): number;
  free(ptr: number): void;
  hb_blob_create(data: number, length: number, mode: number, user: number, destroy: number): number;
  hb_blob_destroy(blob: number): void;
  hb_blob_get_length(blob: number): number;
  hb_blob_get_data(blob: number, length: number): number;
  hb_face_create(blob: number, index: number): number;
  hb_face_destroy(face: number): void;
  hb_face_reference_blob(face: number): number;
  hb_set_clear(set: number): void;
  hb_set_add(set: number, codePoint: number): void;
  hb_subset_input_create_or_fail(): number;
  hb_subset_input_destroy(input: number): void;
  hb_subset_input_keep_everything(input: number): void;
  hb_subset_input_unicode_set(input: number): number;
  hb_subset_input_glyph_set(input: number): number;
  hb_subset_or_fail(face: number, input: number): number;
}

const HB_MEMORY_MODE_READONLY = 1;

/** Compiled once per process; each font gets its own instance (its own memory, freed with it). */
let compiled: WebAssembly.Module | null = null;

function instantiate(): HbSubset {
  compileSubsetter();
  return new WebAssembly.Instance(compiled!, {}).exports as unknown as HbSubset;
}

/** A font's bytes loaded into hb-subset, ready to cut any of its faces. */
export interface FaceSubsetter {
  /**
   * Face `index` reduced to the glyphs of `codePoints` (and what layout rules reach from them),
   * every table, name and layout feature kept; null when hb-subset cannot cut it.
   */
  subset(index: number, codePoints: Iterable<number>): Uint8Array | null;
  /** Frees the font's copy in WebAssembly memory. */
  dispose(): void;
}

/** Loads `font` (a whole file: .ttf, .otf or .ttc) into a fresh hb-subset instance. */
export function openFaceSubsetter(font: Uint8Array): FaceSubsetter {
  const hb = instantiate();
  const data = hb.malloc(font.byteLength);
  new Uint8Array(hb.memory.buffer, data, font.byteLength).set(font);
  const blob = hb.hb_blob_create(data, font.byteLength, HB_MEMORY_MODE_READONLY, 0, 0);
  return {
    subset(index, codePoints) {
      const face = hb.hb_face_create(blob, index);
      const input = hb.hb_subset_input_create_or_fail();
      try {
        if (input === 0) return null;
        // Keep every table, name ID and layout feature: only the glyph set shrinks, so the renderer
        // shapes and draws the kept characters exactly as from the whole font.
        hb.hb_subset_input_keep_everything(input);
        hb.hb_set_clear(hb.hb_subset_input_glyph_set(input));
        const unicodes = hb.hb_subset_input_unicode_set(input);
        hb.hb_set_clear(unicodes);
        for (const c of codePoints) hb.hb_set_add(unicodes, c);
        const cut = hb.hb_subset_or_fail(face, input);
        if (cut === 0) return null;
        const out = hb.hb_face_reference_blob(cut);
        const bytes = new Uint8Array(
          hb.memory.buffer,
          hb.hb_blob_get_data(out, 0),
          hb.hb_blob_get_length(out),
        ).slice();
        hb.hb_blob_destroy(out);
        hb.hb_face_destroy(cut);
        return bytes.length === 0 ? null : bytes;
      } finally {
        if (input !== 0) hb.hb_subset_input_destroy(input);
        hb.hb_face_destroy(face);
      }
    },
    dispose() {
      hb.hb_blob_destroy(blob);
      hb.free(data);
    },
  };
}

/** Compiles hb-subset ahead of the first cut (the charts worker does it while intake runs). */
export function compileSubsetter(): void {
  if (compiled !== null) return;
  // V8 would recompile hb-subset's hot functions with its optimising compiler in the background:
  // ~0.3 s of CPU (measured) for cuts of 40–70 ms that a run makes once. With this budget they keep
  // their baseline code. The flag is process-wide but read for WebAssembly only, and this is the
  // process's only WebAssembly.
  setFlagsFromString('--wasm-tiering-budget=1000000000');
  compiled = new WebAssembly.Module(
    readFileSync(require.resolve('harfbuzzjs/dist/harfbuzz-subset.wasm')),
  );
}
