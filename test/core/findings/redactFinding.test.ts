import { redactFinding } from '../../../core/findings/redactFinding';
import { makeFinding } from '../../../core/findings/makeFinding';
import { renderFinding } from '../../../core/findings/renderFinding';
import { loadSchema } from '../../../core/schema/loadSchema';

const schema = loadSchema();

describe('redactFinding', () => {
  it('hides a personal value and the suggestion drawn from it, and the message still reads', () => {
    const f = makeFinding(schema, 'W_CHINESE_NUMERAL', {
      row: 7,
      column: 5,
      field: 'cadreAge',
      value: '五十',
      suggestion: '50',
    });
    const r = redactFinding(f, schema);
    expect([r.value, r.suggestion]).toEqual([schema.ui.redacted, schema.ui.redacted]);
    const { message_zh: zh, message_en: en } = renderFinding(r, schema);
    expect(`${zh} ${en}`).not.toMatch(/五十|50/);
    expect(zh).toContain(`按 ${schema.ui.redacted} 统计`);
    expect(en).toContain(`counted as ${schema.ui.redacted}`);
  });

  it('leaves a finding without a suggestion without one, and other fields as they are', () => {
    const blank = makeFinding(schema, 'E_REQUIRED', { row: 9, column: 3, field: 'cadreName' });
    expect(redactFinding(blank, schema)).toBe(blank);
    const pay = makeFinding(schema, 'W_NO_PAY', {
      row: 6,
      column: 9,
      field: 'cadreAnnualPay',
      value: '0',
    });
    expect(redactFinding(pay, schema).suggestion).toBeNull();
    const count = makeFinding(schema, 'W_APPROX', {
      row: 6,
      column: 12,
      field: 'trainingSessions',
      value: '约3',
      suggestion: '3',
    });
    expect(redactFinding(count, schema)).toBe(count);
  });
});
