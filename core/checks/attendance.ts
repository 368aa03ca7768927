/** Row rule `attendance` (entry-sheet R1): events vs attendance for 培训 and 文体. */
import * as v from 'valibot';
import { num, obj, str } from '../schema/shapeParts';
import type { RowRuleDef } from './checkTypes';
import { NO_HITS } from './checkTypes';

/** Its schema entry: `{ check: 'attendance', events, attendance, maxPerEvent }` (its codes are fixed). */
export const attendanceShape = obj({
  check: v.literal('attendance'),
  events: str,
  attendance: str,
  maxPerEvent: num,
});

/** events = 0 ⇒ attendance 0; events > 0 ⇒ attendance ≥ events; attendance > maxPerEvent × events is a warning. */
export const attendance: RowRuleDef<v.InferOutput<typeof attendanceShape>> = {
  name: 'attendance',
  fixedCodes: ['E_ATTENDANCE_WITHOUT_EVENTS', 'E_ATTENDANCE_LT_EVENTS', 'W_ATTENDANCE_HIGH'],
  fields: (rule) => [rule.events, rule.attendance],
  bind({ events: ef, attendance: af, maxPerEvent }, at, header) {
    const [e, a] = [at(ef), at(af)];
    if (e < 0 || a < 0) return null;
    const eventsHeader = header(ef);
    return (numbers) => {
      const events = numbers[e] ?? NaN;
      const count = numbers[a] ?? NaN;
      // NaN (an invalid cell) fails every comparison below: no hit.
      const params = (): Record<string, number | string> => ({ events, eventsHeader, maxPerEvent });
      if (events === 0)
        return count > 0
          ? [{ field: af, code: 'E_ATTENDANCE_WITHOUT_EVENTS', params: params() }]
          : NO_HITS;
      if (count < events) return [{ field: af, code: 'E_ATTENDANCE_LT_EVENTS', params: params() }];
      if (count > maxPerEvent * events)
        return [{ field: af, code: 'W_ATTENDANCE_HIGH', params: params() }];
      return NO_HITS;
    };
  },
};
