/** Row rule `attendance` (entry-sheet R1): events vs attendance for 培训 and 文体. */
import type { RowRuleDef } from './checkTypes';
import { NO_HITS } from './checkTypes';

/** events = 0 ⇒ attendance 0; events > 0 ⇒ attendance ≥ events; attendance > maxPerEvent × events is a warning. */
export const attendance: RowRuleDef = {
  name: 'attendance',
  fixedCodes: ['E_ATTENDANCE_WITHOUT_EVENTS', 'E_ATTENDANCE_LT_EVENTS', 'W_ATTENDANCE_HIGH'],
  fields: (rule) => [rule.events, rule.attendance],
  validate: (rule) =>
    rule.events && rule.attendance && typeof rule.maxPerEvent === 'number'
      ? []
      : ['attendance needs events, attendance and a number maxPerEvent'],
  bind(rule, at, header) {
    const { events: ef, attendance: af, maxPerEvent } = rule;
    if (!ef || !af || maxPerEvent === undefined) return null;
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
