import fc from 'fast-check';
import { compactRow, detectDelimiter, readCsv } from '../../readers/readCsv';
import { expectedTextGrid, makeSheet, sheetText } from '../fixtures/sheets';

describe('readCsv: the sheet', () => {
  const sheet = makeSheet();
  const expected = expectedTextGrid(sheet);

  it.each([
    ['comma, CRLF', sheetText(sheet)],
    ['comma, LF, padded like Excel', sheetText(sheet, { newline: '\n', pad: true })],
    ['tab (Unicode text)', sheetText(sheet, { delimiter: '\t', pad: true })],
    ['semicolon (European Excel)', sheetText(sheet, { delimiter: ';' })],
    ['comma, CR only (old Mac)', sheetText(sheet, { newline: '\r' })],
  ])('%s gives the same grid', (_name, text) => {
    expect(readCsv(text)).toEqual(expected);
  });

  it('counts a quoted cell spanning lines as one row (row numbers = record index + 1)', () => {
    const grid = readCsv(sheetText(sheet));
    // Row 6 (index 5) is 西河村, whose note holds a line break; 南岭社区 is still row 7.
    expect(grid[5]?.[29]).toBe('已完成, "待"核实\n第二行');
    expect(grid[6]?.[1]).toBe('南岭社区');
    expect(grid).toHaveLength(9);
  });
});

describe('readCsv: details', () => {
  it('keeps every cell as written (no type guessing), blank cells null', () => {
    expect(readCsv('0012,1e3, 12 ,TRUE,,=SUM(A1)\n')).toEqual([
      ['0012', '1e3', ' 12 ', 'TRUE', null, '=SUM(A1)'],
    ]);
  });

  it('drops trailing empty lines and trailing blank cells, keeps blank rows inside', () => {
    expect(readCsv('a,b,,\n\n,,\nc\n\n\n')).toEqual([['a', 'b'], [], [], ['c']]);
  });

  it('mixes CRLF and LF line breaks', () => {
    expect(readCsv('a,b\r\nc,d\ne,f\r\n')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
      ['e', 'f'],
    ]);
  });

  it('strips a BOM character left at the start', () => {
    expect(readCsv('\uFEFF序号,村名\n')).toEqual([['序号', '村名']]);
  });

  it("honours and drops Excel's sep= first line", () => {
    expect(readCsv('sep=;\r\n序号;村名,备注\r\n1;东山村,甲\r\n')).toEqual([
      ['序号', '村名,备注'],
      ['1', '东山村,甲'],
    ]);
  });

  it('reads a single-column file', () => {
    expect(readCsv('东山村\n西河村\n')).toEqual([['东山村'], ['西河村']]);
  });

  it('keeps an unterminated quote as text rather than failing', () => {
    expect(readCsv('a,"b\nc,d\n')).toEqual([['a', 'b\nc,d\n']]);
  });

  it.each([
    ['序号,村名,备注\n1,东山村,"甲;乙\t丙"\n2,西河村,\n', ','],
    ['序号\t村名\t备注\n1\t东山村\t已完成,待核实\n2\t西河村\t\n', '\t'],
    ['序号;村名;备注\n1;东山村;"a,b"\n2;西河村;c,d\n', ';'],
    ['东山村\n西河村\n', ','],
  ])('detects the delimiter of %j', (text, delimiter) => {
    expect(detectDelimiter(text)).toBe(delimiter);
  });

  it('compactRow maps blank strings to null and drops trailing nulls', () => {
    expect(compactRow(['', 'a', '', null, ''])).toEqual([null, 'a']);
  });
});

describe('readCsv: properties', () => {
  it('never throws on arbitrary text, gives the same grid twice, only strings and nulls, no trailing blanks', () => {
    const text = fc
      .array(
        fc.oneof(fc.string(), fc.constantFrom(',', '\t', ';', '"', '\n', '\r\n', '\r', '东山村')),
        { maxLength: 60 },
      )
      .map((p) => p.join(''));
    fc.assert(
      fc.property(text, (t) => {
        const grid = readCsv(t);
        expect(readCsv(t)).toEqual(grid);
        for (const row of grid) {
          for (const cell of row)
            expect(cell === null || (typeof cell === 'string' && cell !== '')).toBe(true);
          if (row.length > 0) expect(row[row.length - 1]).not.toBeNull();
        }
        if (grid.length > 0) expect(grid[grid.length - 1]!.length).toBeGreaterThan(0);
      }),
      { numRuns: 1000 },
    );
  });
});
