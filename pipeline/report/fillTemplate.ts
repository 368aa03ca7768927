/** Fills `{name}` placeholders of a wording template. */

/** Replaces every `{key}` with `values[key]`; an unknown key is a bug in a phrase file, so it throws. */
export function fillTemplate(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(/\{([\w.]+)\}/g, (_m, key: string) => {
    const value = values[key];
    if (value === undefined)
      throw new Error(`wording template uses an unknown placeholder {${key}}: ${template}`);
    return value;
  });
}
