/** readSheet on office-addin-mock, which fails on a property read without load and sync. */
import { OfficeMockObject } from 'office-addin-mock';
import type * as ManifestStub from './officeManifestStub';

// office-addin-mock needs only OfficeApp from office-addin-manifest (see officeManifestStub.ts).
jest.mock('office-addin-manifest', () =>
  jest.requireActual<typeof ManifestStub>('./officeManifestStub'),
);
import { padGrid, readSheet } from '../../../addin/excel/readSheet';

/**
 * The mock of a workbook whose active sheet has `used` as its used range (null: empty sheet).
 * Office.js tells an *OrNullObject proxy whether it is null at the sync, with no load of its own;
 * the mock knows only loaded properties, so its sync is wrapped to set `isNullObject` then.
 */
function mockContext(
  used: { values: unknown[][]; rowIndex: number; columnIndex: number; address: string } | null,
): OfficeMockObject {
  const usedRange = used
    ? { ...used, rowCount: used.values.length, columnCount: used.values[0]?.length ?? 0 }
    : { values: [], address: '', rowIndex: 0, columnIndex: 0, rowCount: 0, columnCount: 0 };
  const mock = new OfficeMockObject({
    workbook: {
      worksheets: {
        sheet: {
          name: '统计表',
          id: '{S1}',
          used: usedRange,
          getUsedRangeOrNullObject: function (this: { used: unknown }) {
            return this.used;
          },
        },
        getActiveWorksheet: function (this: { sheet: unknown }) {
          return this.sheet;
        },
      },
    },
  });
  const sync = mock.sync.bind(mock);
  mock.sync = async () => {
    await sync();
    (
      mock as unknown as {
        workbook: { worksheets: { sheet: { used: { isNullObject: boolean } } } };
      }
    ).workbook.worksheets.sheet.used.isNullObject = used === null;
  };
  return mock;
}

describe('readSheet', () => {
  it('reads the used range in one sync and pads it so grid[0] is row 1 and column A', async () => {
    const mock = mockContext({
      values: [
        ['序号', '村名'],
        [1, ''],
      ],
      rowIndex: 3,
      columnIndex: 1,
      address: '统计表!B4:C5',
    });
    let syncs = 0;
    const sync = mock.sync.bind(mock);
    mock.sync = async () => {
      syncs++;
      await sync();
    };

    const snap = await readSheet(mock as unknown as Excel.RequestContext);

    expect(syncs).toBe(1);
    expect(snap).toEqual({
      name: '统计表',
      id: '{S1}',
      grid: [[], [], [], [null, '序号', '村名'], [null, 1, null]],
      rowIndex: 3,
      columnIndex: 1,
      address: '统计表!B4:C5',
    });
  });

  it('gives an empty grid for an empty sheet', async () => {
    const snap = await readSheet(mockContext(null) as unknown as Excel.RequestContext);
    expect(snap).toEqual({
      name: '统计表',
      id: '{S1}',
      grid: [],
      rowIndex: 0,
      columnIndex: 0,
      address: null,
    });
  });

  it('fails when the adapter would read before syncing (the mock is strict)', () => {
    const mock = mockContext({ values: [['a']], rowIndex: 0, columnIndex: 0, address: 'A1' });
    const ws = (mock as unknown as Excel.RequestContext).workbook.worksheets.getActiveWorksheet();
    const used = ws.getUsedRangeOrNullObject(true);
    used.load('values');
    expect(used.values).toBe('Error, context.sync() was not called');
  });
});

describe('padGrid', () => {
  it('keeps numbers and booleans, turns empty strings into null', () => {
    expect(padGrid([[0, false, '', 'x']], 1, 2)).toEqual([[], [null, null, 0, false, null, 'x']]);
  });
});
