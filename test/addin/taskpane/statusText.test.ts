/** The status line's words (statusText.ts): which notes a result adds, and which failures get advice. */
import { WriteError } from '../../../addin/excel/writeBatch';
import {
  clearStatus,
  failureStatus,
  fixStatus,
  passStatus,
  selectStatus,
} from '../../../addin/taskpane/statusText';
import { textsOf } from '../../../addin/taskpane/views/dom';
import type { PassResult } from '../../../addin/excel/validateSheet';
import type { ParsedSheet } from '../../../core/types';

const text = textsOf('zh');

function pass(
  marks: Partial<PassResult<ParsedSheet>['marks']>,
  errors = 1,
): PassResult<ParsedSheet> {
  const finding = { severity: 'error' } as ParsedSheet['findings'][number];
  return {
    sheet: {} as PassResult<ParsedSheet>['sheet'],
    outcome: { findings: Array.from({ length: errors }, () => finding) } as ParsedSheet,
    marks: {
      marked: 0,
      remarked: 0,
      unmarked: 0,
      total: 1,
      annotationsFailed: false,
      annotationsCapped: 0,
      ...marks,
    },
  };
}

describe('status texts', () => {
  it('a pass: the counts, then what the marks could not do on this host', () => {
    expect(passStatus(pass({}, 0), { notes: true, comments: true }, text)).toEqual({
      message: text('validatedClean'),
      kind: 'info',
    });
    expect(
      passStatus(
        pass({ annotationsCapped: 3, record: 'future' }),
        { notes: false, comments: false },
        text,
      ).message,
    ).toBe(
      [
        text('validated', { errors: 1, warnings: 0 }),
        text('annotationsCapped', { count: 3 }),
        text('noAnnotationsHost'),
        text('markRecordFuture'),
      ].join(' '),
    );
  });

  it('清除标记: a corrupt or future record is an error; kept cells and notes left are said', () => {
    expect(clearStatus({ restored: 0, orphaned: 0, kept: 0, record: 'corrupt' }, text).kind).toBe(
      'error',
    );
    expect(
      clearStatus({ restored: 0, orphaned: 0, kept: 0, record: 'future', version: 7 }, text),
    ).toEqual({
      message: text('recordFuture', { version: 7 }),
      kind: 'error',
    });
    expect(clearStatus({ restored: 0, orphaned: 0, kept: 0, record: 'none' }, text).message).toBe(
      text('clearedNone'),
    );
    expect(
      clearStatus({ restored: 2, orphaned: 0, kept: 0, notesLeft: 2, record: 'ok' }, text).message,
    ).toBe(`${text('cleared', { count: 2 })} ${text('clearNotesLeft', { count: 2 })}`);
  });

  it('修正 and a click on a finding', () => {
    expect(
      fixStatus({ written: ['B2'], skipped: ['B3', 'B4'], formulas: ['C3'] }, text).message,
    ).toBe(
      [
        text('fixed', { count: 1 }),
        text('fixSkipped', { cells: 'B3、B4' }),
        text('fixFormula', { cells: 'C3' }),
      ].join(' '),
    );
    expect(selectStatus('M5', 'M5 不是数字', text).message).toBe('M5 不是数字');
    expect(selectStatus('M5', '不是数字', text).message).toBe('M5：不是数字');
  });

  it('in English, lists and a clicked finding take English punctuation', () => {
    const en = textsOf('en');
    expect(fixStatus({ written: [], skipped: ['B3', 'B4'], formulas: [] }, en).message).toContain(
      'B3, B4',
    );
    expect(selectStatus('M5', 'not a number', en).message).toBe('M5: not a number');
  });

  it('a failed write gets its advice; any other failure its message', () => {
    expect(failureStatus(new WriteError('cellEdit', 'X', 'x'), text).message).toBe(
      text('writeCellEdit'),
    );
    expect(failureStatus(new WriteError('protected', 'X', 'x'), text).message).toBe(
      text('writeProtected'),
    );
    expect(failureStatus(new WriteError('tooLarge', 'X', 'x'), text).message).toBe(
      text('writeTooLarge'),
    );
    expect(failureStatus(new WriteError('other', 'X', 'boom'), text)).toEqual({
      message: text('failed', { message: 'boom' }),
      kind: 'error',
    });
    expect(failureStatus('plain', text).message).toBe(text('failed', { message: 'plain' }));
  });
});
