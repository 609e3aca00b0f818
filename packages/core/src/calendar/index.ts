export * from './calendar.js';
export * from './deadline-info.js';
export * from './holidays-cn.js';
