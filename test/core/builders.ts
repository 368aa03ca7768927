/** Test grid builders: a clean, valid entry sheet made from the schema, and helpers to change cells. Reusable by other test suites. */
import { toA1 } from '../../core/a1';
import { loadSchema } from '../../core/schema/loadSchema';
import type { Cell, Schema } from '../../core/types';

/** A clean value per column id for village row i (0-based); all rules pass. */
export function villageValues(i: number): Record<string, Cell> {
  const names = ['青石村', '黎明村', '松林社区', '河口村', '东山村', '西溪村', '南塘村', '北岭村'];
  const round = Math.floor(i / names.length);
  return {
    seq: i + 1,
    village: `${names[i % names.length] ?? ''}${round > 0 ? round : ''}`,
    cadreName: ['王芳', '李娟', '张丽', '刘敏'][i % 4] ?? '王芳',
    cadreGender: '女',
    cadreAge: 35 + (i % 20),
    cadreEducation: ['初中', '高中（中专）', '大专', '本科及以上'][i % 4] ?? '初中',
    cadreTenure: i % 3 === 0 ? '专职' : '兼职',
    inCommittee: '是',
    cadreAnnualPay: 6000 + 500 * (i % 4),
    womensHome: '是',
    childrensHome: i % 2 === 0 ? '是' : '否',
    trainingSessions: 2,
    trainingAttendance: 60 + i,
    outreachEvents: 3,
    cancerScreened: 50,
    cancerPoorReported: 1,
    cancerAidYuan: 1000,
    modelFamilies: 2,
    visitorsReceived: 10,
    disputesHandled: 4,
    disputesResolved: 3,
    repeatPetitions: 0,
    householdsVisited: 5,
    reliefYuan: 2500.5,
    partyActivists: 1,
    pledgesMade: 3,
    pledgesDone: 3,
    culturalEvents: 2,
    culturalAttendance: 120,
    notes: null,
  };
}

/** Values of a clean 本级 row: cadre columns blank, some activity. */
export function levelValues(): Record<string, Cell> {
  return {
    village: '镇本级',
    trainingSessions: 1,
    trainingAttendance: 80,
    outreachEvents: 2,
    visitorsReceived: 30,
    disputesHandled: 6,
    disputesResolved: 6,
    culturalEvents: 1,
    culturalAttendance: 300,
  };
}

export interface SheetOptions {
  villages?: number;
  level?: boolean;
  total?: boolean;
  title?: string | null;
  township?: string;
  year?: Cell;
  /** Column ids in sheet order (default: schema order). */
  order?: string[];
}

/** A sheet under construction: the grid (mutable) and helpers addressed by row and column id. */
export interface SheetBuilder {
  schema: Schema;
  grid: Cell[][];
  /** 1-based header row. */
  headerRow: number;
  /** 1-based row of the i-th village (0-based i). */
  villageRow(i: number): number;
  /** 1-based row of the 本级 row / 合计 row (when built). */
  levelRow: number | null;
  totalRow: number | null;
  /** 1-based column of a field. */
  col(field: string): number;
  /** The A1 address of (row, field). */
  a1(row: number, field: string): string;
  /** Sets a cell by 1-based row and field id. */
  set(row: number, field: string, value: Cell): SheetBuilder;
  /** The cell at 1-based row and field id. */
  get(row: number, field: string): Cell;
  /** Recomputes the 合计 row from the village and 本级 rows (after edits). */
  retotal(): SheetBuilder;
}

/** A clean, valid sheet: title, metadata row, blank row, header row (row 4), village rows, optional 本级 and 合计 rows. */
export function buildSheet(
  options: SheetOptions = {},
  schema: Schema = loadSchema(),
): SheetBuilder {
  const order = options.order ?? schema.columns.map((c) => c.id);
  const header = order.map((id) => schema.columns.find((c) => c.id === id)?.header ?? id);
  const n = options.villages ?? 3;
  const title =
    options.title === undefined ? '示例县乡镇妇联工作统计表（2025年度）' : options.title;
  const grid: Cell[][] = [
    title === null ? [] : [title],
    [
      '填报单位：',
      options.township ?? '青石镇妇联',
      '年度：',
      options.year ?? 2025,
      '填报人：',
      '王芳',
      '联系电话：',
      '13800000000',
    ],
    [],
    header,
  ];
  const rowOf = (values: Record<string, Cell>): Cell[] => order.map((id) => values[id] ?? null);
  for (let i = 0; i < n; i++) grid.push(rowOf(villageValues(i)));
  const levelRow = options.level ? grid.push(rowOf(levelValues())) : null;
  const totalRow = options.total ? grid.push(rowOf({ village: '合计' })) : null;
  const col = (field: string): number => {
    const i = order.indexOf(field);
    if (i < 0) throw new Error(`no column ${field}`);
    return i + 1;
  };
  const b: SheetBuilder = {
    schema,
    grid,
    headerRow: 4,
    villageRow: (i) => 5 + i,
    levelRow,
    totalRow,
    col,
    a1: (row, field) => toA1(row, col(field)),
    set(row, field, value) {
      const r = grid[row - 1] ?? (grid[row - 1] = []);
      r[col(field) - 1] = value;
      return b;
    },
    get: (row, field) => grid[row - 1]?.[col(field) - 1] ?? null,
    retotal() {
      if (totalRow === null) return b;
      for (const c of schema.columns) {
        if (c.sum !== true || !order.includes(c.id)) continue;
        let sum = 0;
        for (let r = 5; r < totalRow; r++) {
          const v = b.get(r, c.id);
          sum += typeof v === 'number' ? v : Number(String(v ?? 0).replace(/[,，]/g, '')) || 0;
        }
        b.set(totalRow, c.id, Math.round(sum * 100) / 100);
      }
      return b;
    },
  };
  return b.retotal();
}

/** A registry grid: 青石镇 (alias 青石乡) with the first three builder villages, and 黎岭镇 (alias 黎岭街道) with two villages. */
export function registryGrid(): Cell[][] {
  return [
    ['乡镇', '村（社区）', '乡镇别名'],
    ['青石镇', '青石村', '青石乡'],
    ['青石镇', '黎明村', '青石乡'],
    ['青石镇', '松林社区', ''],
    ['黎岭镇', '黎岭村', '黎岭街道'],
    ['黎岭镇', '上坪村', ''],
  ];
}
