/** The template's data validations: per column the schema type's rule with its prompt, and "stays empty" on the 本级 row's cadre cells. */
import { columnBounds } from '../checks/range';
import { columnChoices } from '../schema/columnChoices';
import { fillText } from '../text/fillText';
import type { ColumnSpec, Schema } from '../types';
import type { TemplateColumn, TemplateRule, TemplateValidation } from './templateLayout';

/** The validations of every column over the data rows `firstRow` … (the 本级 row is `levelRow`). */
export function buildValidations(
  schema: Schema,
  columns: TemplateColumn[],
  firstRow: number,
  lastSpareRow: number,
  levelRow: number,
): TemplateValidation[] {
  const out: TemplateValidation[] = [];
  for (const col of columns) {
    const spec = schema.columns[col.index - 1]!;
    const rule = ruleOf(schema, spec);
    // Cadre cells stop before the 本级 row, where they must stay empty; activity runs through it.
    const last = col.group === 'cadre' || col.id === 'seq' ? lastSpareRow : levelRow;
    if (rule && last >= firstRow) {
      const prompt = promptOf(schema, spec, rule);
      out.push({
        range: `${col.letter}${firstRow}:${col.letter}${last}`,
        field: col.id,
        rule,
        allowBlank: true,
        promptTitle: col.header,
        prompt,
        errorTitle: schema.template.errorTitle,
        error: fillText(schema.template.error, { header: col.header, prompt }),
      });
    }
    if (col.group === 'cadre') {
      out.push({
        range: `${col.letter}${levelRow}`,
        field: col.id,
        rule: { kind: 'empty' },
        allowBlank: true,
        promptTitle: schema.template.levelPromptTitle,
        prompt: schema.template.levelPrompt,
        errorTitle: schema.template.errorTitle,
        error: fillText(schema.template.levelError, { header: col.header }),
      });
    }
  }
  return out;
}

function ruleOf(schema: Schema, spec: ColumnSpec): TemplateRule | null {
  switch (schema.types[spec.type].validation) {
    case 'list':
      return {
        kind: 'list',
        values: columnChoices(spec, schema),
      };
    case 'wholeNonNegative':
      return { kind: 'whole', min: 0, max: null };
    case 'decimalNonNegative':
      return { kind: 'decimal', min: 0, max: null };
    case 'wholeRange': {
      const bounds = columnBounds(spec);
      return { kind: 'whole', min: bounds?.min ?? 0, max: bounds?.max ?? null };
    }
    default:
      return null;
  }
}

function promptOf(schema: Schema, spec: ColumnSpec, rule: TemplateRule): string {
  const base = schema.types[spec.type].prompt.zh;
  if (rule.kind === 'whole' && rule.max !== null)
    return base + fillText(schema.template.rangeNote, { min: rule.min, max: rule.max });
  if (rule.kind === 'list' && spec.type === 'enum') {
    return (
      base +
      fillText(schema.template.listNote, {
        values: rule.values.join(schema.template.listSeparator),
      })
    );
  }
  return base;
}
