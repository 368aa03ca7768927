/** The CLI arguments of the example-county run (scripts/examples/exampleMerge.cjs), writing to `out`; `extra` come last. */
export function exampleMergeArgv(out: string, extra?: readonly string[]): string[];
