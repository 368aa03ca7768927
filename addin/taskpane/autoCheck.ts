/**
 * 自动校验: while on, a local edit of a sheet the pane listens to runs a pass over that sheet
 * after a pause (debounced). Sheets are listened to once each, when first checked with it on.
 */
import { createDebouncer, type Debouncer } from '../excel/autoValidate';
import { changeHandler } from './batchQueue';
import type { ExcelPort } from './excelPort';

/** The switch and the listening sheets. */
export interface AutoCheck {
  on: () => boolean;
  /** Switches on (listening to the active sheet) or off (dropping a pending pass). */
  set: (on: boolean) => Promise<void>;
  /** While on, listens to the active sheet too (a click on 校验 over a sheet not yet listened to). */
  follow: () => Promise<void>;
}

/** What 自动校验 needs: the port, whether events tell our own writes apart (1.14), and the pass to run. */
export interface AutoCheckOptions {
  port: Pick<ExcelPort, 'listen'>;
  hasTriggerSource: boolean;
  pass: (sheetId: string | null) => void;
  debounce?: (run: () => void) => Debouncer;
}

/** Builds the switch (off). */
export function createAutoCheck(options: AutoCheckOptions): AutoCheck {
  const state = { on: false, listening: new Set<string>(), editedSheet: null as string | null };
  const debouncer = (options.debounce ?? createDebouncer)(() => {
    const sheetId = state.editedSheet;
    state.editedSheet = null;
    if (state.on) options.pass(sheetId);
  });
  // The sheet the edit came from is validated, not whichever is active then (issue 8 item 11).
  const handler = changeHandler({
    enabled: () => state.on,
    hasTriggerSource: options.hasTriggerSource,
    trigger: (sheetId) => {
      state.editedSheet = sheetId;
      debouncer.trigger();
    },
  });
  const listen = async (): Promise<void> => {
    state.listening.add(await options.port.listen(handler, (id) => state.listening.has(id)));
  };
  return {
    on: () => state.on,
    set: async (on) => {
      state.on = on;
      if (on) await listen();
      else debouncer.cancel();
    },
    follow: () => (state.on ? listen() : Promise.resolve()),
  };
}
