// Household data screening: the pure domain layer (no I/O). See README.md in this folder.
export * from './age.js';
export * from './cell-date.js';
export * from './detect-source.js';
export * from './encoding.js';
export * from './enums.js';
export * from './fields.js';
export * from './finding-verification.js';
export * from './header-row.js';
export * from './headers.js';
export * from './id-number.js';
export * from './mask.js';
export * from './parsed.js';
export * from './rule-params.js';
export * from './rules.js';
export * from './sources.js';
export * from './text.js';
export * from './values.js';
