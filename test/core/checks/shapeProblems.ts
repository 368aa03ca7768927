/** Test helper: what a check's valibot shape says about a schema entry. */
import * as v from 'valibot';

export function shapeProblems(shape: v.GenericSchema, entry: unknown): string[] {
  const r = v.safeParse(shape, entry, { abortEarly: false });
  return r.success
    ? []
    : r.issues.map((i) =>
        `${(i.path ?? []).map((p) => String(p.key)).join('.')} ${i.message}`.trim(),
      );
}
