// Household data the core tests share (not exported from the package).
import fc from 'fast-check';
import { idCheckCharacter, normalizeIdNumber, type ValidIdNumber } from '../household/id-number.js';

// A 国扶系统 person-level export header as it comes out of the system.
export const NATIONAL_HEADER = [
  '序号',
  '市',
  '县',
  '乡(镇)',
  '行政村',
  '户编号',
  '人口编号',
  '姓名',
  '性别',
  '证件号码',
  '与户主关系',
  '家庭人口数',
  '贫困户属性',
  '脱贫属性',
  '脱贫年度',
  '人均纯收入（元）',
  '在校生状况',
  '健康状况',
  '是否参加城乡居民基本医疗保险(新农合)',
  '是否参加大病保险',
  '是否享受低保',
  '是否特困供养人员',
  '是否危房户',
  '是否解决安全饮水',
  '备注',
];

/** Valid 18-digit IDs with a real province, a real birth date 1900…today and any sequence. */
export const validId = fc
  .record({
    province: fc.constantFrom('11', '32', '34', '37', '44', '50', '65'),
    county: fc.integer({ min: 0, max: 9999 }),
    day: fc.integer({ min: 0, max: 43_811 }), // 1900-01-01 … 2019-12-14
    seq: fc.integer({ min: 0, max: 999 }),
  })
  .map(({ province, county, day, seq }) => {
    const birth = new Date(Date.UTC(1900, 0, 1) + day * 86_400_000).toISOString().slice(0, 10);
    const first17 = `${province}${String(county).padStart(4, '0')}${birth.replaceAll('-', '')}${String(seq).padStart(3, '0')}`;
    return first17 + idCheckCharacter(first17);
  });

/** The day the ID-number tests read numbers on (an age is counted up to it). */
const today = '2019-12-14';

/** An ID number normalised on `today`. */
export const norm = (raw: unknown) => normalizeIdNumber(raw, { today });

/** An ID number as normalised on `today`; throws with the reason if it is refused. */
export const valid = (raw: unknown): ValidIdNumber => {
  const r = norm(raw);
  if (!r.ok) throw new Error(`${String(raw)}: ${r.reason}`);
  return r;
};

/** Why an ID number is refused on `today`, or 'ok'. */
export const reason = (raw: unknown) => {
  const r = norm(raw);
  return r.ok ? 'ok' : r.reason;
};
