/**
 * The intake worker (bundled to dist/intakeWorker.js, run by the pool in intakeFiles): one file per
 * task through the same intakeFile as the main thread. The schema and the registry come once per
 * worker (workerData); each answer is the file's FileOutcome — findings and the compact rows, never a grid.
 */
import { workerData } from 'node:worker_threads';
import type { Registry, Schema } from '../../core/types';
import type { FilePath } from '../io/filePath';
import { layoutFields } from './compactSheet';
import type { FileOutcome } from './decideIntake';
import { intakeFile } from './intakeFiles';

/** What each worker gets once. */
export interface IntakeWorkerData {
  schema: Schema;
  registry: Registry | null;
}

/** One task: a file and the expected year. */
export interface IntakeTask {
  /** A path, or the bytes of a name that is not UTF-8 (a Buffer arrives as a Uint8Array). */
  path: string | Uint8Array;
  year: number | null;
}

const data = workerData as IntakeWorkerData;
const options = { schema: data.schema, layout: layoutFields(data.schema), registry: data.registry };

/** The pool's handler. */
export default function intake(task: IntakeTask): Promise<FileOutcome> {
  const path: FilePath = typeof task.path === 'string' ? task.path : Buffer.from(task.path);
  return intakeFile(path, { ...options, year: task.year });
}
