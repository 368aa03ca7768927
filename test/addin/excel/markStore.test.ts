/** The custom XML part's text: round trip, escaping, order, unknown content skipped. */
import {
  MARKS_NAMESPACE,
  isMarkOfSheet,
  mergeRecords,
  parseMarks,
  readMarkRecord,
  serializeMarks,
  signature,
  type StoredMark,
} from '../../../addin/excel/markStore';

const mark = (cell: string, extra: Partial<StoredMark> = {}): StoredMark => ({
  sheet: '统计表',
  sheetKey: 'k1',
  cell,
  color: '#FFFFFF',
  pattern: 'None',
  severity: 'error',
  sig: signature(cell),
  annotation: 'note',
  ...extra,
});

describe('markStore', () => {
  it('round-trips marks, sorted by sheet then row then column, with the namespace on the root', () => {
    const marks = [
      mark('AA2'),
      mark('B10'),
      mark('C2', { sheet: 'Tom\'s <sheet> & "co"', severity: 'warning', annotation: 'none' }),
    ];
    const xml = serializeMarks(marks);
    expect(xml).toContain(`<marks xmlns="${MARKS_NAMESPACE}" version="1">`);
    expect(xml).toContain('sheet="Tom&apos;s &lt;sheet&gt; &amp; &quot;co&quot;"');
    expect(parseMarks(xml)).toEqual([marks[2], marks[0], marks[1]]);
    expect(parseMarks(serializeMarks([]))).toEqual([]);
  });

  it('skips elements without the fields a restore needs, and defaults the rest', () => {
    const xml = `<marks xmlns="${MARKS_NAMESPACE}"><mark sheet="s" cell="A1"/><mark sheet="s" cell="B1" color="#000000" pattern="Solid" severity="odd"/><other/></marks>`;
    expect(parseMarks(xml)).toEqual([
      {
        sheet: 's',
        sheetKey: '',
        cell: 'B1',
        color: '#000000',
        pattern: 'Solid',
        severity: 'error',
        sig: '',
        annotation: 'none',
      },
    ]);
  });

  it('matches a sheet by our key when both have one, else by name — never by worksheet id', () => {
    expect(isMarkOfSheet(mark('A1'), { name: '改名后', key: 'k1' })).toBe(true);
    expect(isMarkOfSheet(mark('A1'), { name: '统计表', key: 'k2' })).toBe(false);
    expect(isMarkOfSheet(mark('A1'), { name: '统计表', key: null })).toBe(true);
    expect(isMarkOfSheet(mark('A1', { sheetKey: '' }), { name: '统计表', key: 'k2' })).toBe(true);
    // A record of an earlier version carries sheetId: read, ignored.
    const old = `<marks xmlns="${MARKS_NAMESPACE}" version="1"><mark sheet="统计表" sheetId="{S1}" cell="A1" color="#FFFFFF" pattern="None"/></marks>`;
    expect(parseMarks(old)[0]).toMatchObject({ sheet: '统计表', sheetKey: '' });
  });

  it('writes no XML declaration (issue 8 item 13)', () => {
    expect(serializeMarks([mark('A1')])).toMatch(/^<marks /);
  });

  it('merges two parts of our namespace, the first original of a cell winning (issue 8 item 10)', () => {
    const a = readMarkRecord(serializeMarks([mark('A1', { color: '#00B0F0', pattern: 'Solid' })]));
    const b = readMarkRecord(serializeMarks([mark('A1'), mark('B2')]));
    const merged = mergeRecords([a, b])!;
    expect(merged.state).toBe('ok');
    expect(merged.marks.map((m) => [m.cell, m.color])).toEqual([
      ['A1', '#00B0F0'],
      ['B2', '#FFFFFF'],
    ]);
    expect(mergeRecords([])).toBeNull();
    const future = readMarkRecord(`<marks xmlns="${MARKS_NAMESPACE}" version="9"></marks>`);
    expect(mergeRecords([a, future])!.state).toBe('future');
  });

  it('signs messages stably', () => {
    expect(signature('abc')).toBe(signature('abc'));
    expect(signature('abc')).not.toBe(signature('abd'));
    expect(signature('')).toMatch(/^[0-9a-f]{8}$/);
  });
});
