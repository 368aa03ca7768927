/** The status line's words after each action: pure, from the adapters' results and the pane's texts. */
import type { ParsedSheet } from '../../core/types';
import type { FixResult } from '../excel/applyFixes';
import type { ClearResult } from '../excel/clearMarks';
import type { PassResult } from '../excel/validateSheet';
import { WriteError } from '../excel/writeBatch';
import type { PaneLang, TextKey } from '../i18n';
import type { PaneHost } from './excelPort';
import { countFindings } from './paneModel';
import type { Texts } from './views/dom';

/** What the status line says, and whether it is a failure. */
export interface Status {
  message: string;
  kind: 'info' | 'error';
}

const info = (...parts: string[]): Status => ({
  message: parts.filter(Boolean).join(' '),
  kind: 'info',
});
const error = (message: string): Status => ({ message, kind: 'error' });

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** The text key telling the chair why a write failed and what to do (issue 8 item 7). */
function failureKey(e: unknown): TextKey | null {
  if (!(e instanceof WriteError)) return null;
  const keys: Partial<Record<WriteError['cause'], TextKey>> = {
    cellEdit: 'writeCellEdit',
    protected: 'writeProtected',
    tooLarge: 'writeTooLarge',
  };
  return keys[e.cause] ?? null;
}

/** A failed action: the write failure's advice, else the error's message. */
export function failureStatus(e: unknown, text: Texts): Status {
  const key = failureKey(e);
  return error(key ? text(key) : text('failed', { message: errorText(e) }));
}

/** A failed pass of 自动校验 (no advice: the user did not ask for it). */
export function autoFailureStatus(e: unknown, text: Texts): Status {
  return error(text('failed', { message: errorText(e) }));
}

/** After a pass: the counts, then what the marks could not do on this host. */
export function passStatus(
  result: PassResult<ParsedSheet>,
  support: PaneHost['support'],
  text: Texts,
): Status {
  const { errors, warnings } = countFindings(result.outcome.findings);
  const { marks } = result;
  return info(
    errors + warnings === 0 ? text('validatedClean') : text('validated', { errors, warnings }),
    marks.annotationsFailed ? text('annotationsFailed') : '',
    marks.annotationsCapped ? text('annotationsCapped', { count: marks.annotationsCapped }) : '',
    !support.notes && !support.comments && marks.total > 0 ? text('noAnnotationsHost') : '',
    marks.record === 'future' ? text('markRecordFuture') : '',
  );
}

/** After 清除标记: how many cells were restored, kept or left with a note, or why none was. */
export function clearStatus(result: ClearResult, text: Texts): Status {
  if (result.record === 'corrupt') return error(text('recordCorrupt'));
  if (result.record === 'future')
    return error(text('recordFuture', { version: result.version ?? '?' }));
  return info(
    result.restored + result.kept === 0
      ? text('clearedNone')
      : text('cleared', { count: result.restored }),
    result.kept ? text('clearKept', { count: result.kept }) : '',
    result.notesLeft ? text('clearNotesLeft', { count: result.notesLeft }) : '',
  );
}

/** After 确认修改: cells written, and those left alone (changed meanwhile, or formulas). */
export function fixStatus(result: FixResult, text: Texts): Status {
  return info(
    text('fixed', { count: result.written.length }),
    result.skipped.length
      ? text('fixSkipped', { cells: result.skipped.join(text('cellSeparator')) })
      : '',
    result.formulas.length
      ? text('fixFormula', { cells: result.formulas.join(text('cellSeparator')) })
      : '',
  );
}

/** After a finding was clicked: its message, with the cell first when the message does not name it. */
export function selectStatus(cell: string, message: string, text: Texts): Status {
  return info(message.startsWith(cell) ? message : text('cellMessage', { cell, message }));
}

/** A registry that did not parse: the heading, then each problem in the pane's language. */
export function registryInvalidStatus(
  errors: readonly { message_zh: string; message_en: string }[],
  lang: PaneLang,
  text: Texts,
): Status {
  return error(
    [
      text('registryInvalid'),
      ...errors.map((e) => (lang === 'en' ? e.message_en : e.message_zh)),
    ].join('\n'),
  );
}

/** A registry file whose bytes are no text. */
export function registryUnreadableStatus(e: unknown, text: Texts): Status {
  return error(text('registryUnreadable', { message: errorText(e) }));
}

/** Plain information. */
export function infoStatus(message: string): Status {
  return info(message);
}
