/** In-memory SummaryJson for report and chart tests: N townships with deterministic numbers (no aggregation code involved). */
import type { FindingCode } from '../../../core/types';
import type {
  Cadres,
  Rates,
  SummaryJson,
  TownshipSummary,
} from '../../../pipeline/aggregate/summaryTypes';

/** 30 township names at the seed's scale (plain Chinese names). */
export const townshipNames = [
  '黎岭镇',
  '青石镇',
  '白沙乡',
  '东湖街道',
  '西山乡',
  '南岗镇',
  '北塘镇',
  '长坪乡',
  '桃源镇',
  '柳溪乡',
  '金田镇',
  '银杏乡',
  '凤凰镇',
  '龙泉镇',
  '石门乡',
  '清水镇',
  '梅林乡',
  '竹山镇',
  '松柏乡',
  '荷塘镇',
  '新桥镇',
  '大石乡',
  '小河乡',
  '马鞍镇',
  '云峰乡',
  '高桥镇',
  '河口镇',
  '三合乡',
  '双龙镇',
  '城关街道',
];

const activity = [
  'trainingSessions',
  'trainingAttendance',
  'outreachEvents',
  'cancerScreened',
  'cancerPoorReported',
  'cancerAidYuan',
  'modelFamilies',
  'visitorsReceived',
  'disputesHandled',
  'disputesResolved',
  'repeatPetitions',
  'householdsVisited',
  'reliefYuan',
  'partyActivists',
  'pledgesMade',
  'pledgesDone',
  'culturalEvents',
  'culturalAttendance',
] as const;

/** Deterministic totals of township i (1-based): every value a simple formula of i. */
export function townshipTotals(i: number): Record<string, number> {
  const sessions = 2 + (i % 5);
  const handled = 3 + ((i * 7) % 11);
  const made = 4 + (i % 4);
  return {
    cadreAnnualPay: 60000 + i * 1500,
    trainingSessions: sessions,
    trainingAttendance: sessions * (40 + ((i * 37) % 90)),
    outreachEvents: 3 + ((i * 5) % 9),
    cancerScreened: 150 + ((i * 53) % 400),
    cancerPoorReported: i % 3,
    cancerAidYuan: (i % 3) * 10000,
    modelFamilies: 5 + (i % 7),
    visitorsReceived: 8 + ((i * 3) % 20),
    disputesHandled: handled,
    disputesResolved: handled - (i % 3),
    repeatPetitions: i % 2,
    householdsVisited: 10 + ((i * 13) % 30),
    reliefYuan: 5000 + i * 250.5,
    partyActivists: 1 + (i % 4),
    pledgesMade: made,
    pledgesDone: made - (i % 2),
    culturalEvents: 2 + (i % 6),
    culturalAttendance: (2 + (i % 6)) * (50 + i),
  };
}

function rate(n: number, d: number): number | null {
  return d === 0 ? null : n / d;
}

function townshipCadres(i: number, villages: number): Cadres {
  const fullTime = Math.floor(villages / 3) + (i % 2);
  return {
    female: villages - (i % 5 === 0 ? 1 : 0),
    male: i % 5 === 0 ? 1 : 0,
    fullTime,
    partTime: villages - fullTime,
    inCommittee: villages - (i % 4),
    noPay: i % 6 === 0 ? 1 : 0,
    averageAge: 40 + (i % 10),
    averageAnnualPay: 5000 + i * 10,
    ageBands: { '<=35': 2, '36-45': villages - 6, '46-55': 3, '>=56': 1 },
    education: { 小学及以下: 1, 初中: villages - 6, '高中（中专）': 3, 大专: 1, 本科及以上: 1 },
  };
}

function ratesOf(
  totals: Record<string, number>,
  villages: number,
  cadres: Cadres,
  homes: number,
  childHomes: number,
): Rates {
  return {
    fullTimeRate: rate(cadres.fullTime, villages),
    committeeRate: rate(cadres.inCommittee, villages),
    womensHomeRate: rate(homes, villages),
    childrensHomeRate: rate(childHomes, villages),
    disputeResolutionRate: rate(totals.disputesResolved ?? 0, totals.disputesHandled ?? 0),
    pledgeCompletionRate: rate(totals.pledgesDone ?? 0, totals.pledgesMade ?? 0),
  };
}

/** Options of buildSummary. */
/** The charts a summary built with `previous: true` has data for, in report order (charts/<name>.svg). */
export const ALL_CHART_NAMES = [
  'training-attendance',
  'cancer-screening',
  'cadre-education',
  'cadre-structure',
  'home-coverage',
  'disputes',
  'year-over-year',
];

export interface BuildOptions {
  townships?: number;
  previous?: boolean;
  year?: number | null;
  county?: string | null;
  names?: string[];
}

/** A complete summary: accepted townships 1..n (village count 10 + i % 5), one rejected, one missing, a few findings. */
export function buildSummary(options: BuildOptions = {}): SummaryJson {
  const n = options.townships ?? 30;
  const names = options.names ?? townshipNames;
  const byTownship: TownshipSummary[] = [];
  const totals: Record<string, number> = {};
  const cadres: Cadres = {
    female: 0,
    male: 0,
    fullTime: 0,
    partTime: 0,
    inCommittee: 0,
    noPay: 0,
    averageAge: 0,
    averageAnnualPay: 0,
    ageBands: { '<=35': 0, '36-45': 0, '46-55': 0, '>=56': 0 },
    education: { 小学及以下: 0, 初中: 0, '高中（中专）': 0, 大专: 0, 本科及以上: 0 },
  };
  let villages = 0;
  let homes = 0;
  let childHomes = 0;
  for (let i = 1; i <= n; i++) {
    const v = 10 + (i % 5);
    const t = townshipTotals(i);
    const c = townshipCadres(i, v);
    const h = v - (i % 3);
    const ch = v - (i % 4) - 1;
    byTownship.push({
      township: names[i - 1] ?? `乡镇${i}`,
      villages: v,
      totals: t,
      rates: ratesOf(t, v, c, h, ch),
      cadres: c,
    });
    villages += v;
    homes += h;
    childHomes += ch;
    for (const [k, x] of Object.entries(t))
      totals[k] = Math.round(((totals[k] ?? 0) + x) * 100) / 100;
    for (const k of ['female', 'male', 'fullTime', 'partTime', 'inCommittee', 'noPay'] as const)
      cadres[k] += c[k];
    for (const [k, x] of Object.entries(c.ageBands))
      cadres.ageBands[k] = (cadres.ageBands[k] ?? 0) + x;
    for (const [k, x] of Object.entries(c.education))
      cadres.education[k] = (cadres.education[k] ?? 0) + x;
  }
  cadres.averageAge = 44.37;
  cadres.averageAnnualPay =
    villages === 0 ? 0 : Math.round(((totals.cadreAnnualPay ?? 0) / villages) * 100) / 100;
  const year = options.year === undefined ? 2025 : options.year;
  const accepted = byTownship.map((t) => t.township).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const summary: SummaryJson = {
    county: options.county === undefined ? '示例县' : options.county,
    year,
    townships: {
      expected: n + 2,
      accepted,
      rejected: [{ file: '坏文件镇.csv', township: '坏文件镇', errors: 2 }],
      missing: ['未报镇'],
    },
    villages,
    totals,
    cadres,
    rates: ratesOf(totals, villages, cadres, homes, childHomes),
    byTownship,
    previous: null,
    findings: [
      finding(
        '坏文件镇.csv',
        '坏文件镇',
        'E_NOT_NUMBER',
        'error',
        '第 7 行“培训人次”不是数字：abc。请填写整数。',
      ),
      finding(
        '坏文件镇.csv',
        '坏文件镇',
        'E_RESOLVED_GT_HANDLED',
        'error',
        '第 9 行化解纠纷件数大于调处纠纷件数。',
      ),
      finding('黎岭镇.csv', '黎岭镇', 'W_NO_PAY', 'warning', '第 5 行年报酬为 0。'),
    ],
    inputs: [],
  };
  if (options.previous) {
    const changeTotals: Record<string, number> = {};
    for (const k of activity) changeTotals[k] = Math.round((totals[k] ?? 0) * 0.1);
    changeTotals.cadreAnnualPay = -3000;
    changeTotals.repeatPetitions = 0;
    summary.previous = {
      year: year === null ? null : year - 1,
      change: {
        totals: changeTotals,
        rates: {
          fullTimeRate: 0.021,
          committeeRate: -0.013,
          womensHomeRate: 0.05,
          childrensHomeRate: 0,
          disputeResolutionRate: 0.004,
          pledgeCompletionRate: null,
        },
      },
    };
  }
  return summary;
}

/** A summary where no problem condition holds: high rates, no male or unpaid chairs, young and schooled, all townships in. */
export function soundSummary(): SummaryJson {
  const s = buildSummary();
  s.rates = {
    fullTimeRate: 0.6,
    committeeRate: 0.9,
    womensHomeRate: 0.95,
    childrensHomeRate: 0.9,
    disputeResolutionRate: 0.95,
    pledgeCompletionRate: 1,
  };
  s.cadres.male = 0;
  s.cadres.noPay = 0;
  s.cadres.averageAge = 40;
  s.cadres.education['初中'] = 30;
  s.townships.rejected = [];
  s.townships.missing = [];
  return s;
}

function finding(
  file: string,
  township: string,
  code: FindingCode,
  severity: 'error' | 'warning',
  zh: string,
): SummaryJson['findings'][number] {
  return {
    file,
    township,
    code,
    severity,
    row: 7,
    column: 13,
    cell: 'M7',
    field: 'trainingAttendance',
    value: 'abc',
    suggestion: null,
    message_zh: zh,
    message_en: `Row 7: ${code}`,
  };
}

/**
 * Adds nation-sized problem lists to a summary: `rejected` rejected files with `errorsEach` error
 * findings each, `missing` missing townships and one warning for each of `codes` distinct codes.
 */
export function addManyProblems(
  summary: SummaryJson,
  counts: { rejected: number; errorsEach: number; missing: number; codes: number },
): SummaryJson {
  for (let i = 1; i <= counts.rejected; i++) {
    const name = `退回镇${i}`;
    summary.townships.rejected.push({
      file: `${name}.csv`,
      township: name,
      errors: counts.errorsEach,
    });
    for (let k = 0; k < counts.errorsEach; k++)
      summary.findings.push(
        finding(`${name}.csv`, name, 'E_NOT_NUMBER', 'error', `第 ${k + 7} 行“培训人次”不是数字。`),
      );
  }
  for (let i = 1; i <= counts.missing; i++) summary.townships.missing.push(`未报乡${i}`);
  // Made-up codes (not in the schema): only their number matters to the report.
  for (let k = 0; k < counts.codes; k++)
    summary.findings.push(
      finding('黎岭镇.csv', '黎岭镇', `W_TEST_${k}` as FindingCode, 'warning', `提醒 ${k}。`),
    );
  summary.townships.expected += counts.rejected + counts.missing;
  return summary;
}
