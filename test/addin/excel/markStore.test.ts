/** The custom XML part's text: round trip, escaping, order, unknown content skipped. */
import {
  MARKS_NAMESPACE,
  isMarkOfSheet,
  parseMarks,
  serializeMarks,
  signature,
  type StoredMark,
} from '../../../addin/excel/markStore';

const mark = (cell: string, extra: Partial<StoredMark> = {}): StoredMark => ({
  sheet: '统计表',
  sheetId: '{S1}',
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
        sheetId: '',
        cell: 'B1',
        color: '#000000',
        pattern: 'Solid',
        severity: 'error',
        sig: '',
        annotation: 'none',
      },
    ]);
  });

  it('matches a sheet by id when both have one, else by name', () => {
    expect(isMarkOfSheet(mark('A1'), { name: '改名后', id: '{S1}' })).toBe(true);
    expect(isMarkOfSheet(mark('A1'), { name: '统计表', id: '{S2}' })).toBe(false);
    expect(isMarkOfSheet(mark('A1', { sheetId: '' }), { name: '统计表', id: '{S2}' })).toBe(true);
  });

  it('signs messages stably', () => {
    expect(signature('abc')).toBe(signature('abc'));
    expect(signature('abc')).not.toBe(signature('abd'));
    expect(signature('')).toMatch(/^[0-9a-f]{8}$/);
  });
});
