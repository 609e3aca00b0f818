// The office edits rule thresholds; these schemas validate the edit (the same schema serves the
// API and the form) and supply the plan's values as defaults: `schema.parse({})` is the default
// parameter set. Strict objects, so a misspelt key is an error instead of a silently kept default.
import { z } from 'zod';
import { isIsoDate } from '../dates.js';
import type { FieldId } from './fields.js';
import { HOUSEHOLD_SOURCES } from './sources.js';
import { HOUSING_GRADES, type HousingGrade } from './values.js';

const isoDate = z.string().refine(isIsoDate, { message: '日期应为YYYY-MM-DD格式的有效日期' });
const keywords = z.array(z.string().trim().min(1)).max(50);

// Fields whose disagreement between the roll and 阳光扶贫 is a finding (DOMAIN.md, item 15).
export const COMPARABLE_FIELDS = [
  'householdSize',
  'category',
  'exitStatus',
  'incomePerCapita',
  'lowIncomeSupport',
  'extremePoverty',
  'schoolStatus',
  'residentInsurance',
] as const satisfies readonly FieldId[];

const noParams = z.strictObject({});

export const RULE_PARAM_SCHEMAS = {
  income_below_line: z.strictObject({
    // Jiangsu's 2016–2020 line ⚠ (the plan: 6000元脱贫标准).
    incomeLine: z.number().positive().max(1_000_000).default(6000),
  }),
  school_age_not_enrolled: z
    .strictObject({
      schoolAgeMin: z.number().int().min(3).max(20).default(6),
      // 15 周岁 ends compulsory education in most places; some count 16 ⚠.
      schoolAgeMax: z.number().int().min(3).max(20).default(15),
      // Age is taken on the school year's first day, so a child's status does not flip mid-year.
      referenceDate: isoDate.default('2019-09-01'),
      // The plan exempts children whose health prevents study (除身体原因不具备学习条件外). The
      // national system's 健康状况 takes the values 健康 / 长期慢性病 / 患有大病 / 残疾 (combined
      // with 、 or ,): by default 患有大病 and 残疾 exempt, the office may switch that off…
      seriousHealthExempt: z.boolean().default(true),
      // …and words written into 在校生状况 or 健康状况 by other offices exempt too.
      exemptKeywords: keywords.default(() => ['因病', '因残', '身体原因', '不具备学习条件', '送教上门']),
    })
    .refine((p) => p.schoolAgeMin <= p.schoolAgeMax, {
      message: '最小年龄不能大于最大年龄',
      path: ['schoolAgeMax'],
    }),
  medical_insurance_missing: z.strictObject({
    // 大病保险 follows from 城乡居民医保 enrolment; checking it separately is optional.
    requireSeriousIllness: z.boolean().default(false),
  }),
  medical_insurance_duplicate: noParams,
  unsafe_house: z.strictObject({
    grades: z
      .array(z.enum(HOUSING_GRADES))
      .min(1)
      .default((): HousingGrade[] => ['C', 'D']),
    // Item 32 names exited households; every household on the roll is checked unless restricted.
    exitedOnly: z.boolean().default(false),
  }),
  no_safe_water: noParams,
  assistance_mismatch: noParams,
  id_invalid: noParams,
  id_duplicate: noParams,
  household_head_count: noParams,
  record_missing: z.strictObject({
    // Sector lists cover part of the roll by nature (only pupils are enrolled): their gaps are the
    // sector rules' findings, so by default only 阳光扶贫 is reconciled person by person.
    against: z
      .array(z.enum(HOUSEHOLD_SOURCES).exclude(['national']))
      .min(1)
      .default(() => ['sunshine' as const]),
  }),
  record_mismatch: z.strictObject({
    fields: z
      .array(z.enum(COMPARABLE_FIELDS))
      .min(1)
      .default(() => [...COMPARABLE_FIELDS]),
    // Systems round income differently (to the yuan, to the fen): 1 元 is not a disagreement.
    incomeTolerance: z.number().min(0).max(10_000).default(1),
  }),
} as const;

/** What office staff call each parameter: the rules page's labels and the server's messages. */
export const RULE_PARAM_LABELS = {
  incomeLine: '脱贫标准（年人均纯收入）',
  schoolAgeMin: '适龄下限',
  schoolAgeMax: '适龄上限',
  referenceDate: '年龄计算基准日',
  seriousHealthExempt: '健康状况为“患有大病”或“残疾”的不计',
  exemptKeywords: '豁免关键词',
  requireSeriousIllness: '同时要求参加大病保险',
  grades: '危房鉴定等级',
  exitedOnly: '只检查已脱贫户',
  against: '与哪些系统比对',
  fields: '比对的字段',
  incomeTolerance: '收入容差',
} as const satisfies Record<string, string>;

export type RuleId = keyof typeof RULE_PARAM_SCHEMAS;

/** The national system's 健康状况 values that keep a child from study (DOMAIN.md, item 22). */
export const SERIOUS_HEALTH_VALUES = ['患有大病', '残疾'] as const;

/**
 * Whether a school-age child is exempt from 失学辍学 under the plan's 除身体原因不具备学习条件外:
 * `statusText` is what the files say of the child's schooling and health (在校生状况, 健康状况).
 */
export function isSchoolExempt(
  statusText: string,
  p: { seriousHealthExempt: boolean; exemptKeywords: readonly string[] },
): boolean {
  if (p.seriousHealthExempt && SERIOUS_HEALTH_VALUES.some((v) => statusText.includes(v))) return true;
  return p.exemptKeywords.some((k) => k !== '' && statusText.includes(k));
}
export type RuleParams<Id extends RuleId> = z.output<(typeof RULE_PARAM_SCHEMAS)[Id]>;
export const RULE_IDS = Object.keys(RULE_PARAM_SCHEMAS) as RuleId[];

export function isRuleId(s: string): s is RuleId {
  return Object.hasOwn(RULE_PARAM_SCHEMAS, s);
}

/** The plan's values for a rule. */
export function defaultRuleParams<Id extends RuleId>(id: Id): RuleParams<Id> {
  return RULE_PARAM_SCHEMAS[id].parse({}) as RuleParams<Id>;
}

/** Validates the office's edit of a rule's parameters; omitted keys take the defaults. */
export function parseRuleParams<Id extends RuleId>(
  id: Id,
  input: unknown,
): { ok: true; params: RuleParams<Id> } | { ok: false; issues: z.core.$ZodIssue[] } {
  const r = RULE_PARAM_SCHEMAS[id].safeParse(input ?? {});
  return r.success ? { ok: true, params: r.data as RuleParams<Id> } : { ok: false, issues: r.error.issues };
}
