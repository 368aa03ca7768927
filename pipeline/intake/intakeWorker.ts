/**
 * The intake worker (bundled to dist/intakeWorker.js, run by the pool in intakeFiles): a batch of
 * files per task through the same intakeFile as the main thread, several in flight so that reading
 * one file overlaps validating another. The schema and the registry come once per
 * worker (workerData); each answer is the file's FileOutcome — findings and the compact rows, never a grid.
 */
import { workerData } from 'node:worker_threads';
import type { Registry, Schema } from '../../core/types';
import type { FilePath } from '../io/filePath';
import { layoutFields } from '../../intake/compactSheet';
import type { FileOutcome } from '../../intake/decideIntake';
import { intakeFile, intakeInOrder } from './intakeFiles';

/** What each worker gets once. */
export interface IntakeWorkerData {
  schema: Schema;
  registry: Registry | null;
}

/** One task: a batch of files and the expected year. */
export interface IntakeTask {
  /** Paths, or the bytes of a name that is not UTF-8 (a Buffer arrives as a Uint8Array). */
  paths: (string | Uint8Array)[];
  year: number | null;
}

const data = workerData as IntakeWorkerData;
const options = { schema: data.schema, layout: layoutFields(data.schema), registry: data.registry };

/** The pool's handler: the batch's outcomes in its order. */
export default function intake(task: IntakeTask): Promise<FileOutcome[]> {
  const paths: FilePath[] = task.paths.map((p) => (typeof p === 'string' ? p : Buffer.from(p)));
  const batch = { ...options, year: task.year };
  return intakeInOrder(paths, (path) => intakeFile(path, batch));
}
