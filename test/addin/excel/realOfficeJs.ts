/**
 * Microsoft's own Excel JavaScript API (the npm @microsoft/office-js excel-web-16.00.js, the file
 * `--self-host-office` ships) loaded into a sandbox, with a session whose request executor records
 * the serialized body of every context.sync() instead of sending it to a host. The adapters' write
 * code runs on the real proxy objects, so a test measures the request sizes Excel would receive.
 * Reads get no values back: use it for write batches only.
 */
import { readFileSync } from 'node:fs';
import { createContext, runInContext } from 'node:vm';

/** A request as office.js would send it: the serialized body's UTF-8 size. */
export interface RecordedRequest {
  bytes: number;
}

/** The real Excel namespace and a RequestContext factory whose syncs are recorded. */
export interface RealOfficeJs {
  /** Requests recorded so far, in order. */
  requests: RecordedRequest[];
  /** A new Excel.RequestContext on the recording session. */
  context(): Excel.RequestContext;
}

const OFFICE_JS = require.resolve('@microsoft/office-js/dist/excel-web-16.00.js');

/** Loads office.js's Excel API once per call into its own sandbox (no DOM, no host). */
export function loadRealOfficeJs(): RealOfficeJs {
  const sandbox: Record<string, unknown> = {
    console,
    setTimeout,
    clearTimeout,
    Promise,
    navigator: { userAgent: 'node' },
  };
  sandbox.window = sandbox;
  sandbox.self = sandbox;
  createContext(sandbox);
  runInContext(readFileSync(OFFICE_JS, 'utf8'), sandbox, { filename: 'excel-web-16.00.js' });
  const officeExtension = sandbox.OfficeExtension as {
    SessionBase: new () => object;
  };
  const excel = sandbox.Excel as { RequestContext: new (session: object) => Excel.RequestContext };
  const requests: RecordedRequest[] = [];
  class RecordingSession extends officeExtension.SessionBase {
    _resolveRequestUrlAndHeaderInfo(): Promise<{ url: string; headers: object }> {
      return Promise.resolve({ url: 'https://workbook.invalid/', headers: {} });
    }
    _createRequestExecutorOrNull(): object {
      return {
        executeAsync: (_data: unknown, _flags: unknown, message: { Body: unknown }) => {
          requests.push({ bytes: Buffer.byteLength(JSON.stringify(message.Body), 'utf8') });
          return Promise.resolve({
            ErrorCode: '',
            ErrorMessage: '',
            Headers: {},
            Body: { Results: [] },
          });
        },
      };
    }
  }
  return { requests, context: () => new excel.RequestContext(new RecordingSession()) };
}
