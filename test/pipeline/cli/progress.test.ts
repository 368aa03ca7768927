import { startProgress } from '../../../pipeline/cli/progress';

const texts = {
  line: (i: number, n: number, name: string): string => `[${i}/${n}] ${name}`,
  barText: (bar: string, i: number, n: number): string => `${bar} ${i}/${n}`,
};

describe('startProgress', () => {
  test('not a terminal: one plain line per item, nothing on finish', () => {
    const out: string[] = [];
    const p = startProgress(2, { stderr: (s) => out.push(s), isTTY: false, ...texts });
    p.step('a.csv');
    p.step('b.csv');
    p.finish();
    expect(out).toEqual(['[1/2] a.csv\n', '[2/2] b.csv\n']);
  });

  test('a terminal: a bar redrawn in place, complete at the end, cleared on finish', () => {
    const out: string[] = [];
    const p = startProgress(2, { stderr: (s) => out.push(s), isTTY: true, width: 4, ...texts });
    p.step('a.csv');
    p.step('b.csv');
    p.finish();
    expect(out[0]).toBe('\r[##--] 1/2\u001b[K');
    expect(out[out.length - 2]).toBe('\r[####] 2/2\u001b[K');
    expect(out[out.length - 1]).toBe('\r\u001b[K');
  });
});
