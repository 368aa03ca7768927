import en from '../../../pipeline/presentation/phrases.en.json';
import zh from '../../../pipeline/presentation/phrases.zh.json';
import layout from '../../../pipeline/presentation/reportLayout.json';
import { fillProblems, selectProblems } from '../../../pipeline/report/fillProblems';
import { phrasesFor } from '../../../pipeline/presentation/phrases';
import { buildReportValues } from '../../../pipeline/report/reportValues';
import { fillText } from '../../../core/text/fillText';
import { buildSummary, soundSummary } from './summaryBuilder';

describe('selectProblems', () => {
  it('picks the items whose conditions hold, in the layout order', () => {
    expect(selectProblems(buildReportValues(buildSummary(), 'zh'))).toEqual([
      'fullTimeLow',
      'maleChairs',
      'noPay',
      'educationLow',
      'childrensHomeLow',
      'disputesUnresolved',
      'townshipsNotIncluded',
    ]);
  });

  it('counts the townships below the limit and switches to the sentence naming them', () => {
    const s = buildSummary();
    s.byTownship[0]!.rates.childrensHomeRate = 0.5;
    s.byTownship[1]!.rates.childrensHomeRate = 0.59;
    s.byTownship[2]!.rates.childrensHomeRate = 0.6; // at the limit: not below
    s.byTownship[3]!.rates.womensHomeRate = 0.1; // county women's home rate is high: no sentence
    const values = buildReportValues(s, 'zh');
    expect(values.numbers.childrensHomeTownshipsLow).toBe(2);
    expect(values.text['childrensHomeTownshipsLow.limit']).toBe('60%');
    const ids = selectProblems(values);
    expect(ids).toContain('childrensHomeLowTownships');
    expect(ids).not.toContain('childrensHomeLow');
    expect(ids.filter((id) => id.startsWith('womensHome'))).toEqual([]);
  });

  it('treats thresholds exactly: 50% is not below 50%, age 45 is at least 45, a share of 20% old chairs counts', () => {
    const s = soundSummary();
    s.rates.fullTimeRate = 0.5;
    s.cadres.averageAge = 45;
    expect(selectProblems(buildReportValues(s, 'zh'))).toEqual(['ageHigh']);
    s.cadres.averageAge = 44.9;
    s.cadres.ageBands = { '<=35': 40, '36-45': 200, '46-55': 48, '>=56': 72 }; // 72 / 360 = 20%
    expect(selectProblems(buildReportValues(s, 'zh'))).toEqual(['ageHigh']);
    s.cadres.ageBands['>=56'] = 71;
    expect(selectProblems(buildReportValues(s, 'zh'))).toEqual([]);
  });

  it('does not report a rate that is unknown (zero denominator)', () => {
    const s = soundSummary();
    s.rates.fullTimeRate = null;
    s.rates.disputeResolutionRate = null;
    expect(selectProblems(buildReportValues(s, 'zh'))).toEqual([]);
  });

  it('supports all/any and every comparison', () => {
    const values = { text: {}, numbers: { a: 1, b: 5 } };
    expect(
      selectProblems(values, [
        { id: 'below', all: [{ value: 'a', below: 2 }] },
        { id: 'atMost', all: [{ value: 'a', atMost: 1 }] },
        { id: 'above', all: [{ value: 'b', above: 5 }] },
        { id: 'atLeast', all: [{ value: 'b', atLeast: 5 }] },
        {
          id: 'any',
          any: [
            { value: 'a', above: 3 },
            { value: 'b', above: 3 },
          ],
        },
        { id: 'allAndAny', all: [{ value: 'a', above: 0 }], any: [{ value: 'b', below: 0 }] },
        { id: 'unknown', all: [{ value: 'c', atMost: 100 }] },
      ]),
    ).toEqual(['below', 'atMost', 'atLeast', 'any']);
  });
});

describe('fillProblems', () => {
  it('writes the numbered problems in Chinese', () => {
    const text = fillProblems(buildReportValues(buildSummary(), 'zh'), phrasesFor('zh'));
    expect(text).toBe(
      '一年来，全县妇联工作取得了一定成绩，但从统计数据看，仍存在一些问题和不足：' +
        '一是村级妇联主席专职率仅为34.2%，兼职较多；二是仍有6个村（社区）妇联主席由男同志兼任；' +
        '三是5名村级妇联主席未落实报酬；四是部分妇联主席文化程度偏低，初中及以下占58.3%；' +
        '五是“儿童之家”覆盖率仅为79.2%，阵地建设仍有短板；六是矛盾纠纷化解率为87.7%，尚有30件纠纷未能化解；' +
        '七是2个乡镇（街道）的统计表未通过审核或未报送（坏文件镇、未报镇），统计报送工作有待加强。',
    );
  });

  it('writes the general sentence when nothing holds', () => {
    expect(fillProblems(buildReportValues(soundSummary(), 'zh'), phrasesFor('zh'))).toBe(
      zh.docx.problems.none,
    );
    expect(fillProblems(buildReportValues(soundSummary(), 'en'), phrasesFor('en'))).toBe(
      en.docx.problems.none,
    );
  });

  it('has wording in both languages for exactly the layout items, and every item fills', () => {
    const ids = layout.problems.items.map((i) => i.id).sort();
    expect(Object.keys(zh.docx.problems.items).sort()).toEqual(ids);
    expect(Object.keys(en.docx.problems.items).sort()).toEqual(ids);
    for (const lang of ['zh', 'en'] as const) {
      const values = buildReportValues(buildSummary({ county: null }), lang);
      const items = phrasesFor(lang).docx.problems.items as Record<string, string>;
      for (const id of ids) expect(fillText(items[id]!, values.text)).not.toMatch(/[{}]|undefined/);
    }
  });
});
