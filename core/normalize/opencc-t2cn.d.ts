// The project's moduleResolution ("node") does not read package.json `exports`, so the
// Traditional→Simplified entry of opencc-js (109 kB, unlike the 1.2 MB full build) is typed here.
declare module 'opencc-js/t2cn' {
  /** Builds a converter; `from: 't'` (Traditional) `to: 'cn'` (Simplified, mainland). */
  export function Converter(options: { from: string; to: string }): (text: string) => string;
  /** The dictionaries the converters are built from; `configs.t2s` is the one `from: 't', to: 'cn'` uses. Optional: only read, never relied on. */
  export const Locale:
    | {
        configs?: Record<
          string,
          | {
              normalizationChain?: unknown[];
              segmentation?: unknown;
              conversionChain?: unknown[];
            }
          | undefined
        >;
      }
    | undefined;
}
