export * from './groups.js';
export * from './ledger-texts.js';
export * from './phone.js';
export * from './rules.js';
export * from './text.js';
