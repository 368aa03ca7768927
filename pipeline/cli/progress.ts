/** Progress of a long run on stderr: a bar redrawn in place on a terminal, one plain line per item otherwise. */

/** Where progress goes and how it reads. */
export interface ProgressOptions {
  stderr: (s: string) => void;
  isTTY: boolean;
  /** The plain line of item `index` (1-based) of `total`. */
  line: (index: number, total: number, name: string) => string;
  /** The bar's text around a drawn `bar`. */
  barText: (bar: string, index: number, total: number) => string;
  /** Width of the bar in characters. */
  width?: number;
}

/** A progress reporter: `step` before each item, `finish` once at the end (clears the bar). */
export interface Progress {
  step: (name: string) => void;
  finish: () => void;
}

/** Redraws at most every this many milliseconds: 40,000 redraws would cost more than the work. */
const REDRAW_MS = 100;

/** Starts reporting progress over `total` items. */
export function startProgress(total: number, options: ProgressOptions): Progress {
  const width = options.width ?? 30;
  let index = 0;
  let lastDraw = 0;
  let drawn = false;
  const draw = (): void => {
    const filled = total === 0 ? width : Math.round((index / total) * width);
    const text = options.barText(
      `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}]`,
      index,
      total,
    );
    options.stderr(`\r${text}\u001b[K`);
    drawn = true;
  };
  return {
    step(name: string): void {
      index++;
      if (!options.isTTY) {
        options.stderr(`${options.line(index, total, name)}\n`);
        return;
      }
      const now = Date.now();
      if (now - lastDraw >= REDRAW_MS || index === total) {
        lastDraw = now;
        draw();
      }
    },
    finish(): void {
      if (options.isTTY && drawn) options.stderr('\r\u001b[K');
    },
  };
}
