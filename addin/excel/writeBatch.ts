/**
 * The write stage of an adapter: queued writes spread over as few requests as fit the host's
 * request limit (Excel on the web: 5 MB per request; we stay under ~3 MB), events off only around
 * each write request and only where change events cannot tell our writes apart (no triggerSource),
 * and a failure reported with its real cause.
 */
import { syncRestoringEvents } from './syncRestoringEvents';

/** Estimated request bytes above which the writes go into another request. */
export const WRITE_REQUEST_BUDGET_BYTES = 3_000_000;

/** Bytes a queued call costs besides its arguments (office.js's action envelope, measured roughly). */
export const ACTION_OVERHEAD_BYTES = 200;

/** One queued write: what it costs in the request, and the call. */
export interface Write {
  bytes: number;
  run: () => void;
  /** An annotation: the host may refuse it (a legacy note on a comments-only host). */
  annotation?: boolean;
}

/** UTF-8 bytes of a text (what the request carries for a string argument). */
export function utf8Bytes(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c < 0xdc00 ? (i++, 4) : 3;
  }
  return n;
}

/** Why a write request failed, as the pane tells the chair. */
export type WriteFailure = 'cellEdit' | 'protected' | 'tooLarge' | 'other';

/** A write that failed, with its cause; `message` is the host's own text. */
export class WriteError extends Error {
  constructor(
    readonly cause: WriteFailure,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'WriteError';
  }
}

/** The Office error code of an error (OfficeExtension.Error.code), or "". */
export function errorCode(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : '';
}

/** Classifies a failed request by its Office error code (Excel.ErrorCodes). */
export function failureOf(error: unknown): WriteFailure {
  const code = errorCode(error);
  const text = error instanceof Error ? error.message : String(error);
  if (code === 'InvalidOperationInCellEditMode') return 'cellEdit';
  if (code === 'AccessDenied' || /protect/i.test(text)) return 'protected';
  if (
    code === 'RequestPayloadSizeLimitExceeded' ||
    code === 'ResponsePayloadSizeLimitExceeded' ||
    code === 'OperationCellsExceedLimit' ||
    code === 'RangeExceedsLimit'
  )
    return 'tooLarge';
  return 'other';
}

/** What {@link runWrites} did. */
export interface WriteOutcome {
  /** Requests (syncs) made. */
  requests: number;
  /** An annotation request was refused for a reason other than the known causes. */
  annotationsFailed: boolean;
}

/**
 * Runs the writes in order, as few requests as fit {@link WRITE_REQUEST_BUDGET_BYTES}. Annotations
 * come last and are never in a request with other writes unless everything fits into one. With
 * `eventsOff` each request sets `enableEvents = false` first and back to `eventsWereOn` last.
 * A request that fails throws a {@link WriteError} — except a refused annotation request
 * ("other" cause), which sets `annotationsFailed` (the fills and record before it are in place).
 */
export async function runWrites(
  context: Excel.RequestContext,
  writes: readonly Write[],
  options: { eventsOff: boolean; eventsWereOn: boolean },
): Promise<WriteOutcome> {
  const outcome: WriteOutcome = { requests: 0, annotationsFailed: false };
  if (writes.length === 0) return outcome;
  const requests: Write[][] = [];
  let current: Write[] = [];
  let bytes = 0;
  for (const w of writes) {
    if (current.length > 0 && bytes + w.bytes > WRITE_REQUEST_BUDGET_BYTES) {
      requests.push(current);
      current = [];
      bytes = 0;
    }
    current.push(w);
    bytes += w.bytes;
  }
  requests.push(current);
  for (const request of requests) {
    if (options.eventsOff) context.runtime.enableEvents = false;
    for (const w of request) w.run();
    if (options.eventsOff) context.runtime.enableEvents = options.eventsWereOn;
    outcome.requests++;
    try {
      // One request per budget-sized chunk: a loop only when the writes exceed the budget.
      if (options.eventsOff) await syncRestoringEvents(context, options.eventsWereOn);
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      else await context.sync();
    } catch (error) {
      if (options.eventsOff) outcome.requests++;
      const cause = failureOf(error);
      if (cause === 'other' && request.some((w) => w.annotation)) {
        outcome.annotationsFailed = true;
        continue;
      }
      throw new WriteError(
        cause,
        errorCode(error),
        error instanceof Error ? error.message : String(error),
      );
    }
  }
  return outcome;
}
