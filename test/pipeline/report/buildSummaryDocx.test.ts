import JSZip from 'jszip';
import { buildSummaryDocx } from '../../../pipeline/report/buildSummaryDocx';
import { renderPng } from '../../../pipeline/charts/renderPng';
import type { SummaryJson } from '../../../pipeline/aggregate/summaryTypes';
import { buildSummary, soundSummary } from './summaryBuilder';

async function unzip(buffer: Buffer): Promise<{ xml: string; text: string; files: string[] }> {
  const zip = await JSZip.loadAsync(buffer);
  const xml = await zip.file('word/document.xml')!.async('string');
  // Paragraph text: the run texts of each <w:p>, joined (runs may split a sentence).
  const text = [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)]
    .map((p) => [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''))
    .join('\n')
    .replace(
      /&(lt|gt|quot|apos|amp);/g,
      (_m, e: string) => ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' })[e] ?? '',
    );
  return { xml, text, files: Object.keys(zip.files) };
}

function planted(): SummaryJson {
  const s = buildSummary({ previous: true });
  s.findings.push({ ...s.findings[0]!, value: '王秀英', suggestion: '13800138000' });
  return s;
}

describe('buildSummaryDocx', () => {
  it('writes the yearly draft with the filled numbers in the register of the seed', async () => {
    const { text } = await unzip(await buildSummaryDocx(planted(), [], 'zh'));
    const lines = text.split('\n');
    expect(lines[0]).toBe('示例县妇联2025年度工作总结（初稿）');
    expect(text).toContain(
      '2025年，全县30个乡镇共举办各类培训班120期，培训妇女10,800人次，比上年增加1,080人次，增长11.1%。',
    );
    expect(text).toContain(
      '全年共接待来访515人次，调处纠纷243件，化解213件，化解率87.7%，比上年提高0.4个百分点。',
    );
    expect(text).toContain(
      '开展“两癌”筛查10,745人，比上年增加1,075人，增长11.1%；上报贫困“两癌”患病妇女30名，发放救助金30万元',
    );
    expect(text).toContain('走访慰问困难户735户');
    expect(text).toContain('专职123人、兼职237人，专职率为34.2%，比上年提高2.1个百分点');
    expect(lines.filter((l) => /^[一二三四五六七八九十]+、/.test(l))).toHaveLength(15);
    expect(lines).toContain('一、加强基层组织建设，妇联干部队伍不断优化');
    expect(lines).toContain('示例县妇女联合会');
  });

  it('has the ranked township table and no personal data', async () => {
    const { xml, text } = await unzip(await buildSummaryDocx(planted(), [], 'zh'));
    expect(text).toContain('附表：各乡镇（街道）妇联工作主要指标（按培训人次排序）');
    expect(xml.match(/<w:tr[ >]/g)).toHaveLength(32); // header + 30 townships + county
    expect(xml).toContain('<w:tblHeader/>');
    expect(text).not.toContain('王秀英');
    expect(text).not.toContain('13800138000');
  });

  it('sets a Chinese East Asian font and a landscape appendix section', async () => {
    const { xml } = await unzip(await buildSummaryDocx(buildSummary(), [], 'zh'));
    expect(xml).toContain('w:eastAsia="仿宋"');
    expect(xml).toContain('w:eastAsia="黑体"');
    expect(xml).toMatch(/<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"\/>/);
  });

  it('inserts the chart PNGs with captions when given, none otherwise', async () => {
    const svg =
      '<svg xmlns="http://www.w3.org/2000/svg" width="160" height="90"><rect width="80" height="90" fill="#c00"/></svg>';
    const png = renderPng(svg, { file: null, family: null, source: 'none' });
    const withCharts = await unzip(
      await buildSummaryDocx(
        buildSummary(),
        [{ title: '培训人次', png, width: 160, height: 90 }],
        'zh',
      ),
    );
    expect(withCharts.files.filter((f) => f.startsWith('word/media/'))).toHaveLength(1);
    // The title is inside the picture: the caption only numbers it (the title appears once).
    expect(withCharts.text.split('\n')).toContain('图1');
    expect(withCharts.xml).toContain('descr="培训人次"');
    const without = await unzip(await buildSummaryDocx(buildSummary(), [], 'zh'));
    expect(without.files.filter((f) => f.startsWith('word/media/'))).toHaveLength(0);
    expect(without.text).not.toContain('附图');
  });

  it('writes English with lang en and no year-over-year phrase without a previous year', async () => {
    const { text } = await unzip(await buildSummaryDocx(buildSummary({ county: null }), [], 'en'));
    expect(text.split('\n')[0]).toBe("XX County Women's Federation: Work Summary 2025 (Draft)");
    expect(text).toContain(
      'In 2025, the 30 townships held 120 training sessions with 10,800 attendances by women.',
    );
    expect(text).not.toContain('previous year');
  });

  describe('存在的问题 drawn from the data', () => {
    /** The paragraphs between the last heading and the signature. */
    async function lastSection(summary: SummaryJson, lang: 'zh' | 'en'): Promise<string[]> {
      const lines = (await unzip(await buildSummaryDocx(summary, [], lang))).text.split('\n');
      const heading =
        lang === 'zh' ? '十五、存在的问题和下一步工作打算' : '15. Problems and next steps';
      const at = lines.indexOf(heading);
      expect(at).toBeGreaterThan(0);
      return lines.slice(at + 1, at + 3);
    }
    function troubled(): SummaryJson {
      const s = buildSummary();
      s.cadres.averageAge = 47.56;
      s.byTownship[0]!.rates.childrensHomeRate = 0.5;
      s.byTownship[5]!.rates.childrensHomeRate = 0.55;
      return s;
    }

    it('states exactly the problems that hold, with their numbers, and keeps 下一步', async () => {
      const [problems, next] = await lastSection(troubled(), 'zh');
      expect(problems).toBe(
        '一年来，全县妇联工作取得了一定成绩，但从统计数据看，仍存在一些问题和不足：' +
          '一是村级妇联主席专职率仅为34.2%，兼职较多；' +
          '二是仍有6个村（社区）妇联主席由男同志兼任；' +
          '三是5名村级妇联主席未落实报酬；' +
          '四是村级妇联主席队伍年龄偏大，平均年龄47.6岁，56岁及以上的占8.3%；' +
          '五是部分妇联主席文化程度偏低，初中及以下占58.3%；' +
          '六是“儿童之家”覆盖率为79.2%，2个乡镇（街道）儿童之家覆盖率不足60%：黎岭镇（50.0%）、南岗镇（55.0%）；' +
          '七是矛盾纠纷化解率为87.7%，尚有30件纠纷未能化解；' +
          '八是2个乡镇（街道）的统计表未通过审核或未报送（坏文件镇、未报镇），统计报送工作有待加强。',
      );
      expect(next).toBe(
        '下一步，我们将进一步加强基层组织建设和妇联干部培训，积极争取党政重视和支持，继续抓好“两癌”筛查救助、家庭文明建设和维权服务等工作，团结带领全县广大妇女为全县经济社会发展作出新的更大贡献。',
      );
    });

    it('writes the general sentence when no condition holds', async () => {
      const [problems, next] = await lastSection(soundSummary(), 'zh');
      expect(problems).toBe(
        '一年来，全县妇联工作取得了一定成绩，各项主要指标总体良好，但与新形势、新任务的要求相比，基层妇联组织服务妇女群众的能力和水平仍需进一步提高。',
      );
      expect(next).toMatch(/^下一步，/);
    });

    it('writes the problems in English too', async () => {
      const [problems, next] = await lastSection(troubled(), 'en');
      expect(problems).toBe(
        'The year brought progress, but the figures also show shortcomings: ' +
          '(1) only 34.2% of village chairs are full-time, most are part-time; ' +
          '(2) in 6 villages the chair is still held by a man; ' +
          '(3) 5 village chairs receive no pay; ' +
          '(4) the chairs are rather old: average age 47.6, 8.3% aged 56 or older; ' +
          '(5) education is low: 58.3% have junior secondary schooling or less; ' +
          "(6) children's home coverage is 79.2%, and below 60% in 2 townships: 黎岭镇 (50.0%), 南岗镇 (55.0%); " +
          '(7) the dispute resolution rate is 87.7%, with 30 disputes unresolved; ' +
          '(8) the sheets of 2 townships were rejected or not submitted (坏文件镇, 未报镇).',
      );
      expect(next).toMatch(/^Next year we will/);
      const [general] = await lastSection(soundSummary(), 'en');
      expect(general).toBe(
        'The year brought progress and the key figures are sound overall; the capacity of grass-roots federations to serve women still needs to grow.',
      );
    });
  });
});

describe('what the county needs to hand the draft on', () => {
  const date = { year: 2026, month: 1, day: 15 };

  it('names the townships left out, with the likely misnamed file when summary.json says so', async () => {
    const plain = (await unzip(await buildSummaryDocx(buildSummary(), [], 'zh', date))).text;
    expect(plain).toContain(
      '另有2个乡镇（街道）暂未计入本总结（坏文件镇的统计表未通过审核，已退回修改；未报镇未报送），待补报后更新。',
    );
    expect(plain).not.toContain('可能是文件');
    const s = buildSummary();
    s.townships.misnamed = [{ township: '未报镇', file: '未抱镇统计表.csv', written: '未抱镇' }];
    const text = (await unzip(await buildSummaryDocx(s, [], 'zh', date))).text;
    expect(text).toContain('未报镇（可能是文件《未抱镇统计表.csv》，名称有误）未报送');
  });

  it('puts the run date under the signature', async () => {
    const lines = (await unzip(await buildSummaryDocx(buildSummary(), [], 'zh', date))).text.split(
      '\n',
    );
    const at = lines.indexOf('示例县妇女联合会');
    expect(lines[at + 1]).toBe('2026年1月15日');
  });

  it('marks the parts the statistics cannot fill for the county to write, highlighted', async () => {
    const { text, xml } = await unzip(await buildSummaryDocx(buildSummary(), [], 'zh', date));
    for (const heading of ['“三八”国际妇女节', '工作特色和亮点', '典型事例', '工作经费'])
      expect(text).toMatch(
        new RegExp(`[一二三四五六七八九十]+、[^\\n]*${heading}[^\\n]*\\n【待县妇联填写：`),
      );
    expect(xml.match(/<w:highlight w:val="yellow"\/>/g)).toHaveLength(4);
  });

  it('says the year-over-year basis: like for like, naming the townships of one year only', async () => {
    const s = buildSummary({ previous: true });
    const base = s.totals.trainingAttendance! - 1000;
    s.previous!.comparable = {
      townships: 29,
      villages: { current: s.villages - 10, previous: s.villages - 10 },
      onlyLastYear: ['旧乡'],
      onlyThisYear: ['黎岭镇'],
      previous: { totals: { trainingAttendance: base }, rates: {} },
      change: { totals: { trainingAttendance: 500 }, rates: { fullTimeRate: 0.056 } },
    };
    const text = (await unzip(await buildSummaryDocx(s, [], 'zh', date))).text;
    expect(text).toContain(
      '文中与上年的比较均按两年都纳入统计的29个乡镇（街道）同口径计算（旧乡上年纳入统计、本年未纳入；黎岭镇本年新纳入、上年无数据）。',
    );
    expect(text).toContain(`比上年增加500人次，增长${((500 / base) * 100).toFixed(1)}%`);
    expect(text).toContain('专职率为34.2%，比上年提高5.6个百分点');
    // Without per-township figures last year the draft says the totals may cover different townships.
    const unknown = (
      await unzip(await buildSummaryDocx(buildSummary({ previous: true }), [], 'zh', date))
    ).text;
    expect(unknown).toContain('上年汇总结果没有分乡镇数据');
  });
});
