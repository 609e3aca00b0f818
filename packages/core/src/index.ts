export * from './dates.js';
export * from './errors.js';
export * from './plan/campaign.js';
export * from './plan/check-items.js';
export * from './plan/shift.js';
export * from './plan/types.js';
export * from './plan/units.js';
export * from './roles.js';
