/** Figures as data: the schema's figures as one typed list, tallied by the core (plain loops) or the pipeline (arquero), finished alike. */
export { listFigures } from './listFigures';
export { tallyRows } from './tallyRows';
export { finishFigures } from './finishFigures';
export type * from './types';
