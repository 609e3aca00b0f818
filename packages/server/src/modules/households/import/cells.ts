// Cell readers the core has no parser for, because only the importer needs them: household
// numbers, school status read as in school or not, and the in-force status of sector rows.
import { cleanText, type Parsed, parseYesNo } from '@paicha/core';

const LOST = '户编号以数值格式保存，末几位已丢失，无法恢复，请从原系统重新导出（设为文本格式）';

/** 户编号 as text. Numbers beyond 2^53 and E-notation have lost digits: the file must be fixed. */
export function readHouseholdId(raw: unknown): Parsed<string | null> {
  if (typeof raw === 'number') {
    if (!Number.isSafeInteger(raw) || raw < 0) return { ok: false, reason: 'number', message: LOST };
    return { ok: true, value: String(raw) };
  }
  // Digits only, the usual case: nothing below would change them.
  if (typeof raw === 'string' && /^\d+$/.test(raw)) return { ok: true, value: raw };
  const s = cleanText(raw)
    .replace(/\s/g, '')
    .replace(/^=?"(.*)"$/, '$1')
    .replace(/^['‘’`]/, '');
  if (s === '') return { ok: true, value: null };
  if (/^\d+(\.\d+)?e\+?\d+$/i.test(s)) return { ok: false, reason: 'number', message: LOST };
  return { ok: true, value: s.replace(/^(\d+)\.0+$/, '$1') };
}

const NOT_IN_SCHOOL = /辍学|失学|未入学|未就学|未上学|不在校|非在校|休学|退学|离校|毕业|肄业/;
const IN_SCHOOL =
  /在校|在读|就读|入学|小学|初中|高中|中职|中专|技校|职高|大学|大专|本科|学前|幼儿园|年级|学生/;

/**
 * 在校生状况 / 在校状态 as in school (1) or not (0); null when the text says neither (送教上门,
 * a remark): the school-age rule then relies on the education list. Never an error: the raw
 * text is kept in remarks, where the exemption keywords are looked for.
 */
export function readEnrolled(raw: unknown): { ok: true; value: 0 | 1 | null } {
  const yn = parseYesNo(raw);
  if (yn.ok && yn.value !== null) return { ok: true, value: yn.value ? 1 : 0 };
  const s = cleanText(raw);
  if (NOT_IN_SCHOOL.test(s)) return { ok: true, value: 0 };
  if (IN_SCHOOL.test(s)) return { ok: true, value: 1 };
  return { ok: true, value: null };
}

const STOPPED = /停保|停发|终止|退出|取消|注销|暂停|中断|未参保|未缴费|退保|失效|停止|不在保/;
const IN_FORCE = /正常|参保|在保|缴费|有效|享受|在册|保障中|续保|已/;

/** 参保状态 / 救助状态: in force (1) or stopped (0); an unknown wording is an error, not a guess. */
export function readActive(raw: unknown): Parsed<0 | 1 | null> {
  const yn = parseYesNo(raw);
  if (yn.ok) return { ok: true, value: yn.value === null ? null : yn.value ? 1 : 0 };
  const s = cleanText(raw);
  if (STOPPED.test(s)) return { ok: true, value: 0 };
  if (IN_FORCE.test(s)) return { ok: true, value: 1 };
  return { ok: false, reason: 'enum', message: '无法识别的状态（应为正常、停保、终止等）' };
}
