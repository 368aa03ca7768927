/**
 * Stand-in for office-addin-manifest in tests that use office-addin-mock: the mock reads only the
 * OfficeApp enum, and the package's full import pulls an ES-module-only dependency that jest
 * (CommonJS) cannot load. Use as
 * `jest.mock('office-addin-manifest', () => jest.requireActual('./officeManifestStub'));`.
 */

/** The OfficeApp enum of office-addin-manifest, as office-addin-mock reads it. */
export const OfficeApp = {
  Excel: 'excel',
  OneNote: 'onenote',
  Outlook: 'outlook',
  PowerPoint: 'powerpoint',
  Project: 'project',
  Word: 'word',
} as const;
