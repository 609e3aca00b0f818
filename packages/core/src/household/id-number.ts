// Resident ID numbers (GB 11643-1999) as they arrive in real exports: normalised, validated, the
// raw value kept, and every repair named so the import report can say what was changed.
import { recoverFromFloatText, recoverFromNumber } from './id-float.js';
import { cellText, stripInvisible, toHalfWidth } from './text.js';

export const ID_REPAIRS = [
  'whitespace',
  'invisible',
  'full_width',
  'lower_x',
  'apostrophe',
  'quoted',
  'from_number',
  'float',
  'legacy_15',
  'disability_20',
] as const;
export type IdRepair = (typeof ID_REPAIRS)[number];

export const ID_FAILURE_MESSAGES = {
  empty: '证件号码为空',
  precision_lost: '证件号码以数值格式保存，末几位已丢失，无法恢复，请从原系统重新导出（设为文本格式）',
  format: '证件号码含有无效字符',
  length: '证件号码位数错误（应为18位，或15位旧号码、20位残疾人证号）',
  area_code: '行政区划代码（前6位）无效',
  birth_date: '出生日期不是有效日期',
  birth_date_before_1900: '出生日期早于1900年',
  birth_date_future: '出生日期晚于当前日期',
  checksum: '校验位错误',
  disability_suffix: '残疾人证号末两位（残疾类别1–7、等级1–4）无效',
} as const;
export type IdFailure = keyof typeof ID_FAILURE_MESSAGES;

export type Sex = 'male' | 'female';

export interface ValidIdNumber {
  ok: true;
  /** The normalised 18-character ID. */
  id: string;
  /** The cell as received (numbers as JavaScript prints them). */
  raw: string;
  /** YYYY-MM-DD */
  birthDate: string;
  sex: Sex;
  /** Place of first registration (GB/T 2260; historic codes stay valid). */
  areaCode: string;
  provinceCode: string;
  repaired: IdRepair[];
}

export interface InvalidIdNumber {
  ok: false;
  raw: string;
  /** The value after cleanup, for the error report ('' when nothing usable was left). */
  cleaned: string;
  reason: IdFailure;
  message: string;
}

export type IdNumberResult = ValidIdNumber | InvalidIdNumber;

export interface IdNumberOptions {
  /** Birth dates after this day (YYYY-MM-DD) are rejected; pass the screening or import date. */
  today: string;
}

const CLEAN_ID = /^\d{17}[\dX]$/;
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';

// Province-level codes of GB/T 2260, plus 71 (Taiwan) and 81/82/83 used by residence permits
// for people from Hong Kong, Macao and Taiwan. Provinces have been stable since 1997.
const PROVINCE_CODE = /^(1[1-5]|2[1-3]|3[1-7]|4[1-6]|5[0-4]|6[1-5]|71|8[1-3])/;

/** The check character for the first 17 digits. */
export function idCheckCharacter(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new RangeError('need 17 digits');
  let sum = 0;
  // charCodeAt, not Number(s[i]): this runs for every person of a million-row import.
  for (let i = 0; i < 17; i++) sum += (first17.charCodeAt(i) - 48) * (WEIGHTS[i] ?? 0);
  return CHECK_CHARS[sum % 11] ?? '';
}

export function hasValidIdChecksum(id: string): boolean {
  return /^\d{17}[\dX]$/.test(id) && idCheckCharacter(id.slice(0, 17)) === id[17];
}

/** 15-digit legacy number → 18: everyone holding one was born in the 1900s. */
export function upgradeLegacyId(id15: string): string {
  if (!/^\d{15}$/.test(id15)) throw new RangeError('need 15 digits');
  const first17 = `${id15.slice(0, 6)}19${id15.slice(6)}`;
  return first17 + idCheckCharacter(first17);
}

/**
 * True when `s` is already a valid 18-character ID, i.e. normalizeIdNumber(s) would succeed with
 * `id === s` and no repair. Allocates nothing: an importer checks a million of them.
 */
export function isNormalIdNumber(s: string, options: IdNumberOptions): boolean {
  if (!CLEAN_ID.test(s) || !PROVINCE_CODE.test(s) || !isCalendarDate(s)) return false;
  // Birth date as the number YYYYMMDD against the same bounds normalizeIdNumber checks as text.
  const birth = digits(s, 6, 14);
  return (
    birth >= 19000101 && birth <= dateNumber(options.today) && idCheckCharacter(s.slice(0, 17)) === s[17]
  );
}

let lastDate = '';
let lastDateNumber = 0;
/** 'YYYY-MM-DD' → YYYYMMDD, remembered: every call of an import passes the same day. */
function dateNumber(date: string): number {
  if (date !== lastDate) {
    lastDate = date;
    lastDateNumber = Number(date.slice(0, 4) + date.slice(5, 7) + date.slice(8, 10));
  }
  return lastDateNumber;
}

// Module-level, not a closure per call: this runs for every person of a million-row import.
function failure(raw: string, reason: IdFailure, cleaned: string): InvalidIdNumber {
  return { ok: false, raw, cleaned, reason, message: ID_FAILURE_MESSAGES[reason] };
}

/** Normalise and validate one ID cell. Never throws. */
export function normalizeIdNumber(rawValue: unknown, options: IdNumberOptions): IdNumberResult {
  const raw = cellText(rawValue);
  const repaired: IdRepair[] = [];

  let s: string;
  if (typeof rawValue === 'number') {
    const r = recoverFromNumber(rawValue);
    if (r.kind === 'lost') return failure(raw, 'precision_lost', raw);
    if (r.kind === 'not_integer') return failure(raw, 'format', raw);
    s = r.digits;
    repaired.push('from_number');
  } else {
    s = cleanIdText(raw, repaired);
    if (s === '') return failure(raw, 'empty', '');
    const r = recoverFromFloatText(s);
    if (r?.kind === 'lost') return failure(raw, 'precision_lost', s);
    if (r?.kind === 'not_integer') return failure(raw, 'format', s);
    if (r) {
      s = r.digits;
      repaired.push('float');
    }
  }

  let id: string;
  if (/^\d{15}$/.test(s)) {
    id = upgradeLegacyId(s);
    repaired.push('legacy_15');
  } else if (/^\d{17}[\dX]$/.test(s)) {
    id = s;
  } else if (/^\d{17}[\dX]\d{2}$/.test(s)) {
    // 残疾人证号 = ID + disability category (1–7) + grade (1–4).
    if (!/[1-7][1-4]$/.test(s)) return failure(raw, 'disability_suffix', s);
    id = s.slice(0, 18);
    repaired.push('disability_20');
  } else {
    return failure(raw, /^\d+X?$/.test(s) ? 'length' : 'format', s);
  }

  if (!PROVINCE_CODE.test(id)) return failure(raw, 'area_code', s);
  const birthDate = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
  if (!isCalendarDate(id)) return failure(raw, 'birth_date', s);
  if (birthDate < '1900-01-01') return failure(raw, 'birth_date_before_1900', s);
  if (birthDate > options.today) return failure(raw, 'birth_date_future', s);
  if (!hasValidIdChecksum(id)) return failure(raw, 'checksum', s);

  return {
    ok: true,
    id,
    raw,
    birthDate,
    sex: Number(id[16]) % 2 === 1 ? 'male' : 'female',
    areaCode: id.slice(0, 6),
    provinceCode: id.slice(0, 2),
    repaired,
  };
}

/** The number the ASCII digits s[from..to) spell. */
function digits(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) n = n * 10 + s.charCodeAt(i) - 48;
  return n;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

// The birth date in positions 7–14 is a real day (same answer as isIsoDate, without a Date).
// Callers have checked that positions 7–14 are digits, so they are read as char codes.
function isCalendarDate(id: string): boolean {
  const y = digits(id, 6, 10);
  const m = digits(id, 10, 12);
  const d = digits(id, 12, 14);
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = m === 2 && leap ? 29 : (DAYS_IN_MONTH[m - 1] ?? 0);
  return d >= 1 && d <= days;
}

/** Cleanup that cannot change which person the number names; each step is recorded. */
function cleanIdText(raw: string, repaired: IdRepair[]): string {
  if (CLEAN_ID.test(raw)) return raw; // the common case, kept fast
  const step = (before: string, after: string, repair: IdRepair): string => {
    if (after !== before && !repaired.includes(repair)) repaired.push(repair);
    return after;
  };
  let s = step(raw, stripInvisible(raw), 'invisible');
  s = step(s, toHalfWidth(s), 'full_width');
  s = step(s, s.trim(), 'whitespace');
  // ="320…" is the CSV trick for forcing text in Excel; plain quotes survive some CSV tools.
  s = step(s, s.replace(/^=?"(.*)"$/, '$1').trim(), 'quoted');
  // Excel's text marker, also in its typographic forms after a trip through Word or WeChat.
  s = step(s, s.replace(/^['‘’`]/, ''), 'apostrophe');
  s = step(s, s.replace(/\s+/g, ''), 'whitespace');
  s = step(s, s.replace(/x/g, 'X'), 'lower_x');
  return s;
}
