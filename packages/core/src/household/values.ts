// Cell values in the forms clerks actually type. Only readings that cannot be wrong are accepted:
// an unknown spelling is an error in the row report, never a guess.
import { failed, type Parsed, parsed } from './parsed.js';
import { cleanText } from './text.js';

function words(list: string): string[] {
  return list.split(' ');
}

const YES_WORDS = words('是 是的 有 已 对 真 y yes t true 1 1.0 √ ✓ ✔ ☑');
const NO_WORDS = words('否 无 未 没 没有 不 不是 非 n no f false 0 0.0');
const CROSS_MARKS = words('× ✗ ✘ ☒ x ╳');
// "Not applicable" and "don't know" are not answers: they must not turn into 否. "#n/a" is what a
// failed VLOOKUP leaves behind.
const UNKNOWN_WORDS = words('/ \\ - -- — —— n/a #n/a 未知 不详 不清楚 待定 待核实 空');
// Verbs that appear in yes/no columns of the source systems ("已参保", "未通自来水", "享受").
const VERBS = words(
  '参加 参保 享受 纳入 解决 通 通水 通自来水 入户 安装 缴费 缴纳 落实 办理 签约 覆盖 安全 达标 领取 救助 供养 改造 就学 在校',
);
const AFFIRM = words('已 有 是');
const NEGATE = words('未 没有 没 不 无 非 否');

const YES_NO = new Map<string, boolean | null>();
for (const w of YES_WORDS) YES_NO.set(w, true);
for (const w of [...NO_WORDS, ...CROSS_MARKS]) YES_NO.set(w, false);
for (const w of UNKNOWN_WORDS) YES_NO.set(w, null);
for (const v of VERBS) {
  YES_NO.set(v, true);
  for (const a of AFFIRM) YES_NO.set(a + v, true);
  for (const n of NEGATE) YES_NO.set(n + v, false);
}

/** 是/否, Y/N, 1/0, √/×, 有/无, 已/未, true/false, 已参保/未参保 … → boolean; blank → null. */
export function parseYesNo(raw: unknown): Parsed<boolean | null> {
  if (typeof raw === 'boolean') return parsed(raw);
  // A remark after the answer ("是（已缴费）", "否,外出务工") does not change the answer.
  const s = cleanText(raw)
    .toLowerCase()
    .replace(/\s/g, '')
    .replace(/^(.+?)[(（[,，;；:：].*$/, '$1');
  if (s === '') return parsed(null);
  const v = YES_NO.get(s);
  return v === undefined ? failed('yes_no') : parsed(v);
}

export interface MoneyOptions {
  /** Accept negative amounts (losses); off by default because in an income column they are typos. */
  allowNegative?: boolean;
  /** Multiply plain numbers, e.g. 10000 when the header says (万元). */
  scale?: 1 | 10 | 100 | 1000 | 10000;
}

const GROUPED = /^\d{1,3}(,\d{3})+(\.\d+)?$/;
const PLAIN = /^(\d+(\.\d*)?|\.\d+)$/;
const CURRENCY = /^(¥|￥|rmb|人民币)/i;
const PER_UNIT = /元(\/(年|人|人年|人·年|户))*$/;
// Powers of ten, so "0.65万" is shifted as text instead of multiplied in binary (6500.000000000001).
const MULTIPLIER_PLACES: Record<string, number> = { 千: 3, 万: 4 };
const SCALE_PLACES = { 1: 0, 10: 1, 100: 2, 1000: 3, 10000: 4 } as const;

/**
 * Money in 元: "6000", "6,000.00", "¥6000", "6000元", "6000元/年", "0.6万", "6千", full-width
 * digits, "-50" or "(50)" when negatives are allowed. Commas must group thousands ("6,00" is
 * rejected: a decimal comma or a typo?).
 */
export function parseMoney(raw: unknown, options: MoneyOptions = {}): Parsed<number | null> {
  let places: number = SCALE_PLACES[options.scale ?? 1];
  if (typeof raw === 'number') {
    if (!Number.isFinite(raw)) return failed('number');
    if (raw < 0 && !options.allowNegative) return failed('negative');
    const text = String(Math.abs(raw));
    if (places === 0 || !PLAIN.test(text)) return checkedAmount(raw * 10 ** places);
    return checkedAmount(Math.sign(raw) * shiftDecimal(text, places));
  }
  // Plain whole 元 as most exports write them: exact as a double, nothing below would change them.
  if (places === 0 && typeof raw === 'string' && /^\d{1,15}$/.test(raw)) return checkedAmount(Number(raw));
  let text = cleanText(raw).replace(/\s/g, '').replace(CURRENCY, '').replace(PER_UNIT, '');
  if (text === '') return parsed(null);
  let negative = false;
  const signed = /^([-+−])(.+)$/.exec(text);
  const accounting = /^\((.+)\)$/.exec(text);
  if (signed) {
    negative = signed[1] !== '+';
    text = (signed[2] ?? '').replace(CURRENCY, '');
  } else if (accounting) {
    negative = true;
    text = accounting[1] ?? '';
  }
  const multiplier = MULTIPLIER_PLACES[text.slice(-1)];
  if (multiplier !== undefined) {
    places += multiplier;
    text = text.slice(0, -1);
  }
  if (!GROUPED.test(text) && !PLAIN.test(text)) return failed('number');
  const value = shiftDecimal(text.replace(/,/g, ''), places);
  if (negative && value !== 0 && !options.allowNegative) return failed('negative');
  return checkedAmount(negative ? -value : value);
}

function checkedAmount(value: number): Parsed<number> {
  // -0 would print as "0" but compare unequal in some serialisers; normalise it away.
  return Number.isFinite(value) ? parsed(value === 0 ? 0 : value) : failed('number');
}

/** "0.65" shifted by 4 places → 6500. */
function shiftDecimal(text: string, places: number): number {
  const [int = '', frac = ''] = text.split('.');
  const padded = frac.padEnd(places, '0');
  return Number(`${int || '0'}${padded.slice(0, places)}.${padded.slice(places) || '0'}`);
}

export interface IntegerOptions {
  min?: number;
  max?: number;
}

/** Counts and years: "3", "3人", "3.0" (a float from Excel), "３"; "3.5" is an error. */
export function parseInteger(raw: unknown, options: IntegerOptions = {}): Parsed<number | null> {
  let n: number;
  if (typeof raw === 'number') {
    n = raw;
  } else {
    const s = cleanText(raw)
      .replace(/\s/g, '')
      .replace(/[人口个户名岁年]$/, '');
    if (s === '') return parsed(null);
    if (!/^[-+]?(\d+(\.0*)?|\d{1,3}(,\d{3})+)$/.test(s)) {
      return failed(/^[-+]?\d*\.\d+$/.test(s) ? 'integer' : 'number');
    }
    n = Number(s.replace(/,/g, ''));
  }
  if (!Number.isFinite(n)) return failed('number');
  if (!Number.isSafeInteger(n)) return failed(Number.isInteger(n) ? 'range' : 'integer');
  if ((options.min !== undefined && n < options.min) || (options.max !== undefined && n > options.max)) {
    return failed('range');
  }
  return parsed(n === 0 ? 0 : n);
}

export const HOUSING_GRADES = ['A', 'B', 'C', 'D'] as const;
export type HousingGrade = (typeof HOUSING_GRADES)[number];

const GRADE = /^(?:危房)?([ABCD])(?:级|类)?(?:危房|房屋|住房|房)?$/;

/** Housing safety appraisal: "C", "c", "Ｃ", "C级", "D级危房", "（D级）" → 'A' | 'B' | 'C' | 'D'. */
export function parseHousingGrade(raw: unknown): Parsed<HousingGrade | null> {
  const s = cleanText(raw)
    .toUpperCase()
    .replace(/[\s()[\]【】]/g, '');
  if (s === '') return parsed(null);
  const m = GRADE.exec(s);
  return m ? parsed(m[1] as HousingGrade) : failed('housing_grade');
}
