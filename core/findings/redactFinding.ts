/** Findings as outputs outside the village roster show them: personal values replaced (schema `privacy`). Pure. */
import type { Finding, Schema } from '../types';

/**
 * The finding with its value (and a suggestion, which is drawn from the value) replaced by
 * `ui.redacted` when its field is personal: a `personal` column or one of `privacy.findingValueFields`
 * (a chair's name typed into 性别 is still a name), unless its code is in `privacy.keepValueCodes`.
 * Cell address, code and parameters stay, so the message still says where and why; a suggestion
 * becomes `ui.redacted` too rather than nothing, so that “按 {suggestion} 统计” still reads as a
 * sentence.
 */
export function redactFinding(finding: Finding, schema: Schema): Finding {
  const { field } = finding;
  if (field === null || schema.privacy.keepValueCodes.includes(finding.code)) return finding;
  const personal =
    schema.privacy.findingValueFields.includes(field) ||
    schema.columns.some((c) => c.id === field && c.personal === true) ||
    schema.metadata.some((m) => m.id === field && m.personal === true);
  if (!personal || (finding.value === null && finding.suggestion === null)) return finding;
  return {
    ...finding,
    value: finding.value === null ? null : schema.ui.redacted,
    suggestion: finding.suggestion === null ? null : schema.ui.redacted,
  };
}
