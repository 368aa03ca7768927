/**
 * The one intake path of `validate` and `merge`: read a file (readers), choose its data sheet,
 * validate it (core), identify its township, cap its findings — keeping only findings and the
 * compact rows (never the grids).
 */
import type { Registry, Schema } from '../../core/types';
import type { FieldLayout } from '../../intake/compactSheet';
import type { FileOutcome } from '../../intake/decideIntake';
import { intakeRead } from '../../intake/intakeRead';
import type { FilePath } from '../io/filePath';
import { readTownshipFile } from '../io/readTownshipFile';

/** Options of intakeFiles. */
export interface IntakeOptions {
  schema: Schema;
  layout: FieldLayout;
  registry: Registry | null;
  /** --year (the core then flags a different year itself); without it the majority is applied later. */
  year: number | null;
  /** Called before each file (progress). */
  onFile?: (file: FilePath, index: number) => void;
}

/**
 * Files in flight at once: reads overlap with validation (which runs on this thread anyway), and
 * only this many grids exist at any time.
 */
const IN_FLIGHT = 8;

/** Reads, validates and compacts every file; outcomes in the order given. */
export async function intakeFiles(
  paths: readonly FilePath[],
  options: IntakeOptions,
): Promise<FileOutcome[]> {
  const outcomes = new Array<FileOutcome>(paths.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < paths.length) {
      const i = next++;
      options.onFile?.(paths[i]!, i);
      outcomes[i] = await intakeFile(paths[i]!, options);
    }
  };
  await Promise.all(Array.from({ length: Math.min(IN_FLIGHT, paths.length) }, worker));
  return outcomes;
}

/** One file from disk: read it (Node), then the shared intake (intake/intakeRead). */
export async function intakeFile(path: FilePath, options: IntakeOptions): Promise<FileOutcome> {
  return intakeRead(await readTownshipFile(path, options.schema), options);
}
