/** Customization lab foundations (issue 17): record shapes, limits, validation, builders, costs. */
export * from './formats';
export * from './models';
export * from './tokens';
export * from './validate';
export * from './dataset-edit';
export * from './export';
export * from './builders';
export * from './costs';
export * from './hyperparameters';
