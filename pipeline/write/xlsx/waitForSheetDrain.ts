/**
 * Backpressure for exceljs's streaming writer, which has none (exceljs issues #734, #2916): a
 * committed row is pushed into the zip entry's pass-through stream whatever its backlog, so a
 * 600,000-row sheet made faster than it deflates would queue most of its XML in memory.
 */
import type ExcelJS from 'exceljs';

/** Bytes of sheet XML allowed to wait for deflate before the writer pauses. */
const MAX_BACKLOG = 8 << 20;

/** The part of exceljs's internal StreamBuf this reads: the streams it writes into. */
interface SheetStream {
  pipes?: { _writableState?: { length?: number }; _readableState?: { length?: number } }[];
}

/** Bytes written to the sheet's zip entry and not yet taken by the deflater; null when exceljs's internals are not as expected. */
export function sheetBacklog(ws: ExcelJS.Worksheet): number | null {
  // Internal: WorksheetWriter.stream is exceljs's StreamBuf, piped into archiver's PassThrough.
  const pipes = (ws as unknown as { stream?: SheetStream }).stream?.pipes;
  if (!Array.isArray(pipes)) return null;
  let bytes = 0;
  for (const p of pipes) {
    // archiver's readable-stream v2 PassThrough has no writableLength/readableLength getters.
    const queued = p._writableState?.length;
    const unread = p._readableState?.length;
    if (typeof queued !== 'number' || typeof unread !== 'number') return null;
    bytes += queued + unread;
  }
  return bytes;
}

const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** Milliseconds without the backlog shrinking after which the writer goes on anyway (never hangs on a stalled zip). */
const STALL_MS = 2000;

/** Yields to the event loop until the sheet's backlog is under MAX_BACKLOG (once, if it cannot be measured). */
export async function waitForSheetDrain(ws: ExcelJS.Worksheet): Promise<void> {
  await nextTurn();
  let lowest = Infinity;
  let since = Date.now();
  for (let b = sheetBacklog(ws); b !== null && b > MAX_BACKLOG; b = sheetBacklog(ws)) {
    if (b < lowest) {
      lowest = b;
      since = Date.now();
    } else if (Date.now() - since > STALL_MS) return;
    await nextTurn();
  }
}
