/**
 * How the pane talks to Excel, without any DOM: one Excel.run at a time, a batch that meets
 * cell-edit mode tried again, validation passes coalesced (an edit arriving during a pass runs
 * another one after it), and which change events start a pass. Testable on the fake host.
 */
import { shouldRevalidate, type ChangeEvent } from '../excel/autoValidate';
import { errorCode, WriteError } from '../excel/writeBatch';

/** A batch of Excel work. */
export type Batch<T> = (context: Excel.RequestContext) => Promise<T>;

/** Runs a batch (main.ts: Excel.run with delayForCellEdit). */
export type RunBatch = <T>(batch: Batch<T>) => Promise<T>;

/** True when an error is Excel refusing a batch because the user is editing a cell. */
export function isCellEditError(error: unknown): boolean {
  return (
    errorCode(error) === 'InvalidOperationInCellEditMode' ||
    (error instanceof WriteError && error.cause === 'cellEdit')
  );
}

/** Options of {@link createBatchQueue}. */
export interface QueueOptions {
  /** Extra attempts of a batch that met cell-edit mode (delayForCellEdit ignored by the host). */
  retries?: number;
  waitMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

/**
 * One batch at a time: a debounced 自动校验 pass and a click (清除标记, 修正, 新建) would otherwise
 * interleave their syncs — one reading the record while the other deletes it. A batch failing
 * with InvalidOperationInCellEditMode is run again after a pause (issue 8 item 4).
 */
export function createBatchQueue(run: RunBatch, options: QueueOptions = {}): RunBatch {
  const retries = options.retries ?? 5;
  const waitMs = options.waitMs ?? 1000;
  const sleep =
    options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  let queue: Promise<unknown> = Promise.resolve();
  const attempt = async <T>(batch: Batch<T>): Promise<T> => {
    for (let n = 0; ; n++) {
      try {
        return await run(batch);
      } catch (error) {
        if (!isCellEditError(error) || n >= retries) throw error;
        await sleep(waitMs);
      }
    }
  };
  return <T>(batch: Batch<T>): Promise<T> => {
    const next = queue.then(() => attempt(batch));
    queue = next.catch(() => undefined);
    return next;
  };
}

/** Coalesces pass requests: one pass at a time, one more after it when asked meanwhile. */
export interface PassScheduler {
  /** Runs a pass over `sheetId` (null: the active sheet), or one more after the running one. */
  request: (sheetId?: string | null) => Promise<void>;
  running: () => boolean;
}

/** Builds a scheduler around `pass` (reads, validates and marks one sheet). */
export function createPassScheduler(
  pass: (sheetId: string | null) => Promise<void>,
): PassScheduler {
  let running = false;
  let again = false;
  let nextSheet: string | null = null;
  return {
    running: () => running,
    request: async (sheetId = null) => {
      if (sheetId !== null) nextSheet = sheetId;
      if (running) {
        again = true;
        return;
      }
      running = true;
      try {
        do {
          again = false;
          const target = nextSheet;
          nextSheet = null;
          await pass(target);
        } while (again);
      } finally {
        running = false;
      }
    },
  };
}

/**
 * The onChanged handler of 自动校验: a local edit (not a co-author's, not our own on 1.14 hosts)
 * triggers a pass over the sheet it came from — also while a pass runs (issue 8 items 5, 11).
 */
export function changeHandler(options: {
  enabled: () => boolean;
  hasTriggerSource: boolean;
  trigger: (sheetId: string) => void;
}): (event: ChangeEvent) => Promise<void> {
  return (event) => {
    if (
      shouldRevalidate(event, {
        enabled: options.enabled(),
        hasTriggerSource: options.hasTriggerSource,
      })
    )
      options.trigger(event.worksheetId);
    return Promise.resolve();
  };
}
