// Coded fields of the household exports. Each system words its codes differently (国扶系统
// "低保贫困户", 阳光扶贫 "低保低收入农户", a civil-affairs list "农村低保"), so they are read by their
// distinguishing word, and an unknown wording is an error rather than a default.
import { failed, type Parsed, parsed } from './parsed.js';
import { cleanText } from './text.js';
import { parseYesNo } from './values.js';

function key(raw: unknown): string {
  return cleanText(raw).replace(/\s/g, '').toLowerCase();
}

// A remark in brackets ("已脱贫（享受政策）") qualifies the status without changing it.
function withoutRemark(s: string): string {
  return s.replace(/\(.*\)$/, '');
}

export const EXIT_STATUSES = ['not_exited', 'exited', 'returned'] as const;
export type ExitStatus = (typeof EXIT_STATUSES)[number];
export const EXIT_STATUS_LABELS: Record<ExitStatus, string> = {
  not_exited: '未脱贫',
  exited: '已脱贫',
  returned: '返贫',
};

const EXIT_WORDS = new Map<string, ExitStatus>([
  ['未脱贫', 'not_exited'],
  ['贫困', 'not_exited'],
  ['在贫', 'not_exited'],
  ['未达标', 'not_exited'],
  ['已脱贫', 'exited'],
  ['脱贫', 'exited'],
  ['稳定脱贫', 'exited'],
  ['已达标', 'exited'],
  ['达标', 'exited'],
  ['脱贫享受政策', 'exited'],
  ['脱贫不享受政策', 'exited'],
  ['返贫', 'returned'],
  ['已返贫', 'returned'],
]);

/** 脱贫状态 / 脱贫属性 / 是否脱贫 (是/否 means exited / not exited). */
export function parseExitStatus(raw: unknown): Parsed<ExitStatus | null> {
  const s = withoutRemark(key(raw));
  if (s === '') return parsed(null);
  const status = EXIT_WORDS.get(s);
  if (status) return parsed(status);
  const yn = parseYesNo(s);
  if (yn.ok && yn.value !== null) return parsed(yn.value ? 'exited' : 'not_exited');
  return failed('enum');
}

export const HOUSEHOLD_CATEGORIES = ['general', 'dibao', 'tekun'] as const;
export type HouseholdCategory = (typeof HOUSEHOLD_CATEGORIES)[number];
export const HOUSEHOLD_CATEGORY_LABELS: Record<HouseholdCategory, string> = {
  general: '一般贫困户',
  dibao: '低保贫困户',
  tekun: '特困供养贫困户',
};

/** 贫困户属性 / 户类型 / 农户属性; 五保 is the old name of 特困供养. */
export function parseHouseholdCategory(raw: unknown): Parsed<HouseholdCategory | null> {
  const s = key(raw);
  if (s === '') return parsed(null);
  if (/特困|五保/.test(s)) return parsed('tekun');
  if (/低保/.test(s)) return parsed('dibao');
  if (/一般|普通/.test(s)) return parsed('general');
  return failed('enum');
}

export const ASSISTANCE_TYPES = ['dibao', 'tekun'] as const;
export type AssistanceType = (typeof ASSISTANCE_TYPES)[number];

/** Civil affairs 救助类型: 低保 (最低生活保障) or 特困 (特困人员供养, formerly 五保). */
export function parseAssistanceType(raw: unknown): Parsed<AssistanceType | null> {
  const s = key(raw);
  if (s === '') return parsed(null);
  if (/特困|五保|供养/.test(s)) return parsed('tekun');
  if (/低保|最低生活保障/.test(s)) return parsed('dibao');
  return failed('enum');
}

export const INSURANCE_TYPES = ['resident', 'employee', 'serious_illness'] as const;
export type InsuranceType = (typeof INSURANCE_TYPES)[number];

/** Medical 险种. 新农合 and 城镇居民医保 were merged into 城乡居民医保 (2016–2019). */
export function parseInsuranceType(raw: unknown): Parsed<InsuranceType | null> {
  const s = key(raw);
  if (s === '') return parsed(null);
  if (/大病/.test(s)) return parsed('serious_illness');
  if (/职工/.test(s)) return parsed('employee');
  if (/居民|新农合|农合|合作医疗/.test(s)) return parsed('resident');
  return failed('enum');
}

/** 性别: 男/女, 男性/女性, M/F, and the GB/T 2261.1 codes 1/2. */
export function parseSex(raw: unknown): Parsed<'male' | 'female' | null> {
  const s = key(raw);
  if (s === '') return parsed(null);
  if (['男', '男性', 'm', 'male', '1'].includes(s)) return parsed('male');
  if (['女', '女性', 'f', 'female', '2'].includes(s)) return parsed('female');
  return failed('enum');
}

// GB/T 4761 家庭关系代码: 01 本人, 02 户主. Exports that print codes use either for the head.
const HEAD_WORDS = new Set(['户主', '本人', '本人(户主)', '户主本人', '本人户主', '户主(本人)', '01', '02']);

/** 与户主关系 names the household head. */
export function isHouseholdHead(relation: unknown): boolean {
  return HEAD_WORDS.has(key(relation));
}
