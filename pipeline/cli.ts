/** Placeholder entry until the CLI lands. */
console.log('county-rollup');
