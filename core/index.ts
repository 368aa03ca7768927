/** The rule core's public API (filled in as modules land). */
export type * from './types';
