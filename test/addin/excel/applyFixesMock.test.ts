/** applyFixes on office-addin-mock: the loads and syncs it needs are there (the mock fails without them). */
import { OfficeMockObject } from 'office-addin-mock';
import type * as ManifestStub from './officeManifestStub';
import { applyFixes } from '../../../addin/excel/applyFixes';

// office-addin-mock needs only OfficeApp from office-addin-manifest (see officeManifestStub.ts).
jest.mock('office-addin-manifest', () =>
  jest.requireActual<typeof ManifestStub>('./officeManifestStub'),
);

interface MockCells {
  workbook: {
    worksheets: { sheet: { isNullObject: boolean; ranges: Record<string, { values: unknown }> } };
  };
}

describe('applyFixes on office-addin-mock', () => {
  it('loads the current values and formulas, syncs, then writes one 2-D array per run of ticked cells', async () => {
    const mock = new OfficeMockObject({
      runtime: { enableEvents: true },
      workbook: {
        worksheets: {
          sheet: {
            ranges: {
              B2: { values: [['１２']], formulas: [['１２']] },
              C2: { values: [['150余']], formulas: [['150余']] },
              D2: { values: [['abc']], formulas: [['abc']] },
              'B2:C2': { values: [['', '']] },
            },
            getRange: function (this: { ranges: Record<string, unknown> }, address: string) {
              return this.ranges[address];
            },
          },
          getItemOrNullObject: function (this: { sheet: unknown }) {
            return this.sheet;
          },
        },
      },
    });
    let syncs = 0;
    const sync = mock.sync.bind(mock);
    mock.sync = async () => {
      syncs++;
      await sync();
      // Office.js knows after a sync whether an *OrNullObject proxy is null; the mock only knows loaded properties.
      (mock as unknown as MockCells).workbook.worksheets.sheet.isNullObject = false;
    };

    const result = await applyFixes(
      mock as unknown as Excel.RequestContext,
      { name: '统计表', id: '' },
      [
        { cell: 'B2', oldValue: '１２', newValue: 12 },
        { cell: 'C2', oldValue: '150余', newValue: 150 },
        { cell: 'D2', oldValue: 'abc', newValue: null },
      ],
    );

    expect(syncs).toBe(2);
    expect(result).toEqual({ written: ['B2', 'C2'], skipped: [], formulas: [] });
    const ranges = (mock as unknown as MockCells).workbook.worksheets.sheet.ranges;
    expect(ranges['B2:C2']!.values).toEqual([[12, 150]]);
    // D2 (no suggestion) was neither loaded nor written: the mock still reports it unloaded.
    expect(ranges.D2!.values).toBe('Error, property was not loaded');
    expect((mock as unknown as { runtime: { enableEvents: boolean } }).runtime.enableEvents).toBe(
      true,
    );
  });
});
