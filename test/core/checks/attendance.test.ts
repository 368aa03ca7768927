import { attendance, attendanceShape } from '../../../core/checks/attendance';
import { header, runRule } from './runRule';
import { shapeProblems } from './shapeProblems';

const rule = { check: 'attendance', events: 'e', attendance: 'a', maxPerEvent: 1000 } as const;
const p = { eventsHeader: '<e>', maxPerEvent: 1000 };

describe('attendance', () => {
  it.each([
    [{ e: 0, a: 0 }, []],
    [
      { e: 0, a: 5 },
      [{ field: 'a', code: 'E_ATTENDANCE_WITHOUT_EVENTS', params: { events: 0, ...p } }],
    ],
    [{ e: 5, a: 4 }, [{ field: 'a', code: 'E_ATTENDANCE_LT_EVENTS', params: { events: 5, ...p } }]],
    [{ e: 5, a: 5 }, []],
    [{ e: 2, a: 2000 }, []],
    [{ e: 2, a: 2001 }, [{ field: 'a', code: 'W_ATTENDANCE_HIGH', params: { events: 2, ...p } }]],
  ])('on %o', (values, hits) => {
    expect(runRule(attendance, rule, values)).toEqual(hits);
  });

  it('does not fire on an invalid value (NaN)', () => {
    expect(runRule(attendance, rule, { e: null, a: 5 })).toEqual([]);
    expect(runRule(attendance, rule, { e: 5, a: null })).toEqual([]);
  });

  it('does not bind when the sheet lacks a field', () => {
    expect(attendance.bind(rule, (f) => (f === 'e' ? 0 : -1), header)).toBeNull();
  });

  it('needs events, attendance and a number maxPerEvent', () => {
    expect(shapeProblems(attendanceShape, rule)).toEqual([]);
    expect(
      shapeProblems(attendanceShape, { check: 'attendance', events: 'e', maxPerEvent: 'x' }),
    ).toEqual(['attendance is missing', 'maxPerEvent must be a number']);
  });
});
