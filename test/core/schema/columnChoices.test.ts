import { columnChoices } from '../../../core/schema/columnChoices';
import { loadSchema } from '../../../core/schema/loadSchema';

const schema = loadSchema();
const column = (id: string) => schema.columns.find((c) => c.id === id)!;

describe('columnChoices', () => {
  it('gives the yes/no keys, an enum’s values, and nothing for other types', () => {
    expect(columnChoices(column('womensHome'), schema)).toEqual(['是', '否']);
    expect(columnChoices(column('cadreEducation'), schema)).toEqual(column('cadreEducation').enum);
    expect(columnChoices(column('trainingSessions'), schema)).toEqual([]);
    expect(columnChoices(column('village'), schema)).toEqual([]);
  });
});
