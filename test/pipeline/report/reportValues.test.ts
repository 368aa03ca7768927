import { phrasesFor } from '../../../pipeline/presentation/phrases';
import {
  buildReportValues,
  fillSentences,
  notIncludedTownships,
  rateChange,
  totalChange,
} from '../../../pipeline/report/reportValues';
import { buildSummary, townshipTotals } from './summaryBuilder';

const zh = phrasesFor('zh');
const en = phrasesFor('en');

function sum(field: string, n = 30): number {
  let total = 0;
  for (let i = 1; i <= n; i++) total += townshipTotals(i)[field] ?? 0;
  return total;
}

describe('buildReportValues', () => {
  it('formats the totals, rates and cadre figures the Chinese way', () => {
    const v = buildReportValues(buildSummary(), 'zh').text;
    expect(sum('trainingAttendance')).toBe(10800);
    expect({
      county: v.county,
      year: v.year,
      accepted: v.accepted,
      villages: v.villages,
      trainingSessions: v.trainingSessions,
      trainingAttendance: v.trainingAttendance,
      cancerAidYuan: v.cancerAidYuan,
      yoy: v['trainingAttendance.yoy'],
      avgAge: v['cadres.averageAge'],
      education: v.educationList,
      notIncluded: v.notIncluded,
    }).toEqual({
      county: '示例县',
      year: '2025',
      accepted: '30',
      villages: '360',
      trainingSessions: String(sum('trainingSessions')),
      trainingAttendance: '10,800',
      cancerAidYuan: '30万元',
      yoy: '',
      avgAge: '44.4',
      education: '小学及以下30人、初中180人、高中（中专）90人、大专30人、本科及以上30人',
      notIncluded: '2',
    });
  });

  it('uses placeholders for an unknown county and year', () => {
    const v = buildReportValues(buildSummary({ county: null, year: null }), 'zh').text;
    expect([v.county, v.year]).toEqual(['XX县', '20XX']);
  });

  it('phrases the year-over-year change', () => {
    const v = buildReportValues(buildSummary({ previous: true }), 'zh').text;
    expect(v['trainingAttendance.yoy']).toBe('，比上年增加1,080人次，增长11.1%');
    expect(v['trainingAttendance.yoyText']).toBe('比上年增加1,080人次，增长11.1%');
    expect(v['cadreAnnualPay.yoy']).toBe('，比上年减少3,000元，下降0.1%');
    expect(v['repeatPetitions.yoy']).toBe('，与上年持平');
    expect(v['committeeRate.yoy']).toBe('，比上年降低1.3个百分点');
    expect(v['pledgeCompletionRate.yoy']).toBe('');
  });
});

describe('change phrases', () => {
  it.each([
    [120, 20, '，比上年增加20人次，增长20.0%'],
    [80, -20, '，比上年减少20人次，下降20.0%'],
    [50, 50, '，比上年增加50人次'],
    [50, 0, '，与上年持平'],
  ])('current %p, change %p', (current, delta, text) =>
    expect(totalChange('trainingAttendance', current, delta, zh)).toBe(text),
  );

  it('uses 万元 for large money changes and percentage points for rates', () => {
    expect(totalChange('reliefYuan', 300000, 100000, zh)).toBe('，比上年增加10万元，增长50.0%');
    expect([rateChange(0.05, zh), rateChange(-0.0004, zh), rateChange(null, zh)]).toEqual([
      '，比上年提高5.0个百分点',
      '，与上年持平',
      '',
    ]);
    expect(totalChange('trainingAttendance', 120, 20, en)).toBe(
      ', up 20 attendances (20.0%) on the previous year',
    );
  });
});

describe('fillSentences', () => {
  const values = { text: { a: '甲', b: '乙' }, numbers: { b: 0, c: 2 } };
  it('keeps conditional sentences only when their value is non-zero', () => {
    expect(
      fillSentences(
        ['{a}。', { text: '{b}。', if: 'b' }, { text: '丙{a}。', if: 'c' }],
        values,
        '',
      ),
    ).toBe('甲。丙甲。');
  });
  it('throws on a placeholder the values lack (a wording bug)', () => {
    expect(() => fillSentences(['{nope}'], values, '')).toThrow('{nope}');
  });
});

describe('every wording template fills', () => {
  it.each([
    ['zh', true],
    ['zh', false],
    ['en', true],
    ['en', false],
  ] as const)('%s, previous %p', (lang, previous) => {
    const p = lang === 'zh' ? zh : en;
    const values = buildReportValues(buildSummary({ previous, county: null }), lang);
    const all = [p.docx.opening, ...p.docx.sections.map((s) => s.sentences)].map((s) =>
      fillSentences(s, values, p.sentenceSeparator),
    );
    expect(all.join('')).not.toMatch(/[{}]/);
    expect(all.join('')).not.toContain('undefined');
  });

  it('counts a rejected township once and a rejected unidentified file once', () => {
    const s = buildSummary();
    s.townships.rejected.push(
      { file: 'b.csv', township: '坏文件镇', errors: 1 },
      { file: 'x.csv', township: null, errors: 1 },
    );
    expect(notIncludedTownships(s)).toBe(3);
  });
});
