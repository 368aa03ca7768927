/** One township file decided on its own, exactly as `validate` and merge decide it: what `validate --json` prints per file and what the offline check page shows. */
import { redactFinding, renderFinding } from '../core';
import type { Registry, RenderedFinding, Schema } from '../core/types';
import type { WorkbookModel } from '../readers';
import type { SheetChoice } from './chooseSheet';
import { layoutFields, type FieldLayout } from './compactSheet';
import { decideIntake, type DecidedFile } from './decideIntake';
import { intakeRead } from './intakeRead';
import { readTownshipBytes } from './readBytes';

/** One file of `validate --json` (pipeline-contract.md); `status` is what merge would do with the file on its own. */
export interface ValidatedFile {
  file: string;
  encoding: WorkbookModel['encoding'] | null;
  township: string | null;
  status: 'accepted' | 'rejected';
  findings: RenderedFinding[];
  /** With --mark: the path of the 标注版 written for this file (additive to pipeline-contract.md's shape). */
  marked?: string;
}

/** What deciding one file needs. */
export interface CheckOptions {
  schema: Schema;
  registry: Registry | null;
  year: number | null;
  layout?: FieldLayout;
}

/** The file's verdict in the contract's shape: personal data redacted, messages rendered. */
export function validatedFile(decided: DecidedFile, schema: Schema): ValidatedFile {
  return {
    file: decided.file,
    encoding: decided.encoding,
    township: decided.township,
    status: decided.status,
    findings: decided.findings.map((f) => renderFinding(redactFinding(f, schema), schema)),
  };
}

/** What the check page keeps of one file: the verdict, the decided outcome and the workbook read (for 标注版 and 本表合计). */
export interface CheckedBytes {
  verdict: ValidatedFile;
  decided: DecidedFile;
  workbook: WorkbookModel | null;
  /** The sheet that was validated and what validating it gave (null when the file was not read). */
  choice: SheetChoice | null;
}

/**
 * A file's bytes decided alone (readTownshipBytes → intakeRead → decideIntake of that file), the
 * same path as `checkTownshipFile` in the CLI: the page's verdict is validate's verdict.
 */
export async function checkBytes(
  bytes: Uint8Array,
  file: string,
  options: CheckOptions,
): Promise<CheckedBytes> {
  const { schema, registry, year } = options;
  const layout = options.layout ?? layoutFields(schema);
  const read = await readTownshipBytes(bytes, file, schema);
  let choice: SheetChoice | null = null;
  const outcome = intakeRead(
    { ...read, sha256: '' },
    { schema, layout, registry, year },
    (c) => (choice = c),
  );
  const decided = decideIntake([outcome], { schema, registry, year }).files[0]!;
  return {
    verdict: validatedFile(decided, schema),
    decided,
    workbook: read.workbook,
    choice,
  };
}
