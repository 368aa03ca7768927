import schemaJson from '../../core/schema/entry-sheet.json';

describe('core/schema/entry-sheet.json', () => {
  it('holds the columns of entry-sheet §2 in order (序号 first, 备注 last), with unique ids', () => {
    const ids = schemaJson.columns.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids[0]).toBe('seq');
    expect(ids.at(-1)).toBe('notes');
  });

  it('gives every column a short English label', () => {
    const en = Object.fromEntries(schemaJson.columns.map((c) => [c.id, c.en]));
    expect(schemaJson.columns.filter((c) => typeof c.en !== 'string' || c.en === '')).toEqual([]);
    expect([en.trainingAttendance, en.cancerAidYuan, en.seq]).toEqual([
      'Training attendances',
      'Cancer aid (yuan)',
      'No.',
    ]);
  });
});
