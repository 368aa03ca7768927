/** The errors of the simulated host, shaped like office.js's OfficeExtension.Error. */

/** An error as office.js raises it: a code (Excel.ErrorCodes), a message and debug info. */
export class FakeOfficeError extends Error {
  readonly code: string;
  readonly debugInfo: { code: string; message: string };
  /** `message` is prefixed with the code unless `plain` (a host's own text, e.g. failWrites). */
  constructor(code: string, message: string, plain = false) {
    super(plain ? message : `${code}: ${message}`);
    this.name = 'RichApi.Error';
    this.code = code;
    this.debugInfo = { code, message };
  }
}

export function propertyNotLoaded(name: string): FakeOfficeError {
  return new FakeOfficeError(
    'PropertyNotLoaded',
    `The property '${name}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );
}

export function notSynced(what: string): FakeOfficeError {
  return new FakeOfficeError(
    'ValueNotLoaded',
    `${what}: the value is not available before "context.sync()".`,
  );
}

export function notFound(what: string): FakeOfficeError {
  return new FakeOfficeError('ItemNotFound', `The requested resource doesn't exist (${what}).`);
}

export function invalid(what: string): FakeOfficeError {
  return new FakeOfficeError('InvalidArgument', `The argument is invalid or missing: ${what}.`);
}

/** An API outside addin/OFFICE_API.md, or beyond what the simulated host does: fail loudly. */
export function unsupported(what: string): FakeOfficeError {
  return new FakeOfficeError(
    'FakeHostUnsupported',
    `The simulated Excel host does not implement ${what} (not in addin/OFFICE_API.md).`,
  );
}
