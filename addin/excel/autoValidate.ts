/**
 * 自动校验: which worksheet change events deserve a re-validation, a debouncer, and the handler
 * registration. The re-validation itself is a normal pass (re-read the used range, diff the
 * findings against the stored marks), which also covers multi-cell pastes whose events carry no
 * per-cell details.
 */

/** The fields of Excel.WorksheetChangedEventArgs we look at. */
export interface ChangeEvent {
  worksheetId: string;
  address: string;
  changeType: string;
  source?: string;
  /** 1.14+: "ThisLocalAddin" for changes made by this add-in. */
  triggerSource?: string;
  /** 1.9+: present for a single-cell edit only. */
  details?: unknown;
}

/** What the pane knows when an event arrives. */
export interface ChangeGuard {
  enabled: boolean;
  /** triggerSource is trusted only on hosts with ExcelApi 1.14. */
  hasTriggerSource: boolean;
}

/**
 * Decides whether an event should (re)start the debounce timer. An edit arriving while a pass
 * runs counts too (the pane runs another pass after it, issue 8 item 5); a co-author's edit
 * (`source: "Remote"`) does not — their own pane checks it (item 11); our own writes are told
 * apart by triggerSource on 1.14 hosts, elsewhere by enableEvents = false during them.
 */
export function shouldRevalidate(event: ChangeEvent, guard: ChangeGuard): boolean {
  if (!guard.enabled) return false;
  if (event.source === 'Remote') return false;
  return !(guard.hasTriggerSource && event.triggerSource === 'ThisLocalAddin');
}

/** A single-cell edit has details; anything else (paste, fill-down, delete of a block) is a range change. */
export function isRangeChange(event: ChangeEvent): boolean {
  return event.details === undefined || event.details === null || event.address.includes(':');
}

/** A trailing-edge debouncer: `trigger()` restarts the wait; `cancel()` drops a pending call. */
export interface Debouncer {
  trigger: () => void;
  cancel: () => void;
  pending: () => boolean;
}

/** Default pause after the last edit before re-validating. */
export const AUTO_VALIDATE_DELAY_MS = 600;

/** Calls `run` once `delayMs` after the last trigger; timers are injectable for tests. */
export function createDebouncer(
  run: () => void,
  delayMs: number = AUTO_VALIDATE_DELAY_MS,
  timers: { set: (fn: () => void, ms: number) => unknown; clear: (id: unknown) => void } = {
    set: (fn, ms) => setTimeout(fn, ms),
    clear: (id) => clearTimeout(id as ReturnType<typeof setTimeout>),
  },
): Debouncer {
  let id: unknown = null;
  return {
    trigger: () => {
      if (id !== null) timers.clear(id);
      id = timers.set(() => {
        id = null;
        run();
      }, delayMs);
    },
    cancel: () => {
      if (id !== null) timers.clear(id);
      id = null;
    },
    pending: () => id !== null,
  };
}

/**
 * Registers `handler` on the active sheet's onChanged unless `isRegistered(sheetId)` says it is
 * already there; returns the sheet id (2 syncs at most; only when 自动校验 is switched on).
 */
export async function registerChangeHandler(
  context: Excel.RequestContext,
  handler: (event: ChangeEvent) => Promise<void>,
  isRegistered: (sheetId: string) => boolean = () => false,
): Promise<string> {
  const sheet = context.workbook.worksheets.getActiveWorksheet();
  sheet.load('id');
  await context.sync();
  if (isRegistered(sheet.id)) return sheet.id;
  sheet.onChanged.add((args) => handler(args));
  await context.sync();
  return sheet.id;
}
