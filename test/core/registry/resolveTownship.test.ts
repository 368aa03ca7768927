import { makeFinding } from '../../../core/findings/makeFinding';
import { parseRegistry } from '../../../core/registry/parseRegistry';
import { resolveTownship } from '../../../core/registry/resolveTownship';
import { loadSchema } from '../../../core/schema/loadSchema';
import type { Registry } from '../../../core/types';
import { registryGrid } from '../builders';

const schema = loadSchema();
const parsed = parseRegistry(
  [...registryGrid(), ['城关街道', '东门社区', ''], ['白沙乡', '白沙村', '']],
  schema,
);
if (!parsed.ok) throw new Error('fixture');
const registry: Registry = parsed.registry;
const unknown = (value: string | null, suggestion: string | null) => ({
  township: null,
  finding: makeFinding(schema, 'E_UNKNOWN_TOWNSHIP', { value, suggestion }),
});

describe('resolveTownship (entry-sheet §7.7)', () => {
  it.each([
    ['青石镇', null, '青石镇'],
    ['青石镇妇联', null, '青石镇'],
    ['青石镇妇女联合会', null, '青石镇'],
    [' 青 石 鎮 婦聯 ', null, '青石镇'],
    ['青石乡', null, '青石镇'], // alias
    ['青石', null, '青石镇'], // + 镇
    ['青石妇联', null, '青石镇'],
    ['黎岭街道', null, '黎岭镇'], // alias
    ['城关', null, '城关街道'], // + 街道
    ['城关街道妇联', null, '城关街道'],
    ['白沙', null, '白沙乡'],
    [null, '附件2-青石镇妇联工作统计表.csv', '青石镇'],
    ['', '青石镇.xlsx', '青石镇'],
    [null, '2025年黎岭街道统计.xlsx', '黎岭镇'], // contains an alias
    [null, '白沙妇联.csv', '白沙乡'],
  ])('%p / %p → %p', (name, file, township) => {
    expect(resolveTownship(name, file, registry, schema)).toEqual({ township, finding: null });
  });

  it('does not guess 镇↔乡 swaps', () => {
    expect(resolveTownship('白沙镇', null, registry, schema)).toEqual(unknown('白沙镇', '白沙乡'));
  });

  it('gives E_UNKNOWN_TOWNSHIP with the nearest registry name', () => {
    expect(resolveTownship('青山镇', null, registry, schema)).toEqual(unknown('青山镇', '青石镇'));
    expect(resolveTownship('黎领镇妇联', null, registry, schema)).toEqual(
      unknown('黎领镇妇联', '黎岭镇'),
    );
  });

  it('needs a unique match in the file name', () => {
    expect(resolveTownship(null, '青石镇和黎岭镇.csv', registry, schema).township).toBeNull();
    expect(resolveTownship(null, '统计表.csv', registry, schema).finding?.code).toBe(
      'E_UNKNOWN_TOWNSHIP',
    );
  });

  it('matches the file name only when 填报单位 is absent', () => {
    expect(resolveTownship('不存在', '青石镇.csv', registry, schema)).toEqual(
      unknown('不存在', '白沙乡'),
    );
  });

  it('without a registry gives the normalized name itself', () => {
    expect(resolveTownship('黎嶺鎮婦聯', null, null, schema)).toEqual({
      township: '黎岭镇',
      finding: null,
    });
    expect(resolveTownship(null, '黎岭镇.csv', undefined, schema)).toEqual({
      township: '黎岭镇',
      finding: null,
    });
    expect(resolveTownship(null, null, null, schema)).toEqual({ township: null, finding: null });
  });

  it.each([
    ['附件2-青石镇妇联工作统计表.csv', '青石镇'],
    ['青石镇副本.csv', '青石镇'],
    ['黎岭镇2025年统计表.xlsx', '黎岭镇'],
    ['城关街道.txt', '城关街道'],
    ['乡镇统计表.csv', '乡镇统计表'],
    ['2025.csv', '2025'],
  ])('without a registry, the file name %s names the township %s', (file, township) => {
    expect(resolveTownship(null, file, null, schema)).toEqual({ township, finding: null });
  });

  it('without a registry, a 填报单位 name is taken whole (not cut at its first 镇)', () => {
    expect(resolveTownship('新镇街道', null, null, schema).township).toBe('新镇街道');
  });

  it('without any name and a registry gives E_UNKNOWN_TOWNSHIP without a suggestion', () => {
    expect(resolveTownship(null, null, registry, schema)).toEqual(unknown(null, null));
  });
});
