import { loadSchema, makeFinding } from '../../core';
import type { Registry } from '../../core/types';
import { capFindings } from '../../intake/capFindings';
import { guessMisnamed } from '../../intake/misnamed';

const schema = loadSchema();
const registry: Registry = {
  townships: [
    { name: '清水镇', aliases: [], villages: [] },
    { name: '清泉镇', aliases: [], villages: [] },
    { name: '黎岭镇', aliases: ['黎岭乡'], villages: [] },
    { name: '东城街道办事处', aliases: [], villages: [] },
  ],
};

describe('guessMisnamed', () => {
  test.each([
    ['清水真统计表', { township: '清水镇', written: '清水真' }],
    ['附件2-黎领镇妇联工作统计表', { township: '黎岭镇', written: '黎领镇' }],
    ['东城街到办事处', { township: '东城街道办事处', written: '东城街到办事处' }],
  ])('%s → %j', (text, expected) => {
    expect(guessMisnamed(text, registry)).toEqual(expected);
  });

  test.each([
    ['清x镇', 'two townships equally near (清水镇, 清泉镇)'],
    ['火星镇', 'nothing near'],
    ['黎岭镇2025', 'the exact name is no misspelling'],
  ])('%s → null (%s)', (text) => {
    expect(guessMisnamed(text, registry)).toBeNull();
  });
});

describe('capFindings', () => {
  const many = (n: number) =>
    Array.from({ length: n }, (_, i) =>
      makeFinding(schema, i % 3 === 0 ? 'W_APPROX' : 'E_NOT_NUMBER', { row: i + 5, column: 3 }),
    );

  test('up to the cap nothing changes', () => {
    const findings = many(schema.limits.maxFindingsPerFile);
    expect(capFindings(findings, schema)).toEqual({ findings, droppedErrors: 0 });
  });

  test('past the cap: the first N in order, then one finding with the rest counted per code', () => {
    const max = schema.limits.maxFindingsPerFile;
    const findings = many(max + 30);
    const capped = capFindings(findings, schema);
    expect(capped.findings.slice(0, max)).toEqual(findings.slice(0, max));
    const rest = findings.slice(max);
    const errors = rest.filter((f) => f.severity === 'error').length;
    expect(capped.droppedErrors).toBe(errors);
    expect(capped.findings[max]).toEqual(
      makeFinding(schema, 'W_FINDINGS_TRUNCATED', {
        params: {
          more: 30,
          errors,
          warnings: 30 - errors,
          codes: `E_NOT_NUMBER ${errors}、W_APPROX ${30 - errors}`,
          codes_en: `E_NOT_NUMBER ${errors}, W_APPROX ${30 - errors}`,
        },
      }),
    );
    expect(capped.findings).toHaveLength(max + 1);
  });
});
