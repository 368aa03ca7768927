/** The one `{name}` placeholder filler of the project (wording of the schema, the CLI, the reports, the add-in and the page). */

/** A placeholder: `{name}`, where a name may hold dots (`{rejected.names}` of the report phrases). */
const PLACEHOLDER = /\{([\w.]+)\}/gu;

/** Replaces every `{name}` of `template` with `values[name]`; a name without a value is a bug in a wording file, so it throws (a caller that wants a placeholder kept or emptied passes that value). */
export function fillText(
  template: string,
  values: Readonly<Record<string, string | number>>,
): string {
  return template.replace(PLACEHOLDER, (_whole, name: string) => {
    if (!Object.prototype.hasOwnProperty.call(values, name))
      throw new Error(`fillText: no value for {${name}} in “${template}”`);
    return String(values[name]);
  });
}

/** The placeholder names of `template`, in order of appearance (repeats kept): for a caller that derives its values from them. */
export function placeholderNames(template: string): string[] {
  return Array.from(template.matchAll(PLACEHOLDER), (m) => m[1] ?? '');
}
