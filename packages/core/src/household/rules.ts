// The screening rules' catalogue: what each rule finds, which check item (序号 of the plan's
// attachment table) its findings belong to, and which sources it reads. Definitions only — the
// rules run as set-based SQL on the server (DESIGN.md "How big, how fast"). Rule ids are stable:
// findings, ledger problems and the office's settings refer to them.
import { FIELD_LABELS } from './fields.js';
import type { RuleId, RuleParams } from './rule-params.js';
import { type HouseholdSource, SOURCE_LABELS } from './sources.js';

/** What one ledger problem is about: a person, or a household (its street's problem either way). */
export type RuleScope = 'person' | 'household';

export interface ScreeningRule {
  id: RuleId;
  /** 序号 of the check item (1–37) the findings are filed under. */
  checkItem: number;
  scope: RuleScope;
  title: string;
  description: string;
  /** The sources read; the roll (national) is always first. */
  sources: readonly HouseholdSource[];
}

export const SCREENING_RULES: readonly ScreeningRule[] = [
  {
    id: 'income_below_line',
    checkItem: 20,
    scope: 'household',
    title: '已脱贫户人均纯收入低于脱贫标准',
    description: '脱贫状态为已脱贫的户，年人均纯收入低于脱贫标准（默认6000元，可调整）。',
    sources: ['national'],
  },
  {
    id: 'school_age_not_enrolled',
    checkItem: 22,
    scope: 'person',
    title: '义务教育阶段适龄少年儿童失学辍学',
    description:
      '按证件号码中的出生日期，在基准日年满6至15周岁的家庭成员，教育学籍名单中没有在校记录、国扶系统在校生状况也不是在校；健康状况为患有大病或残疾的，以及在校生状况或健康状况注明身体原因（因病、因残、送教上门等）的除外。',
    sources: ['national', 'education'],
  },
  {
    id: 'medical_insurance_missing',
    checkItem: 25,
    scope: 'person',
    title: '未参加基本医疗保险',
    description:
      '家庭成员既未参加城乡居民基本医疗保险，也未参加城镇职工基本医疗保险（以医保参保名单为准，并参照国扶系统参保字段）。',
    sources: ['national', 'medical'],
  },
  {
    id: 'medical_insurance_duplicate',
    checkItem: 25,
    scope: 'person',
    title: '重复参加基本医疗保险',
    description: '同时参加城乡居民基本医疗保险和城镇职工基本医疗保险。',
    sources: ['national', 'medical'],
  },
  {
    id: 'unsafe_house',
    checkItem: 32,
    scope: 'household',
    title: '居住在C级或D级危房',
    description: '房屋鉴定等级为C级（局部危险）或D级（整栋危险）的建档立卡户。',
    sources: ['national', 'housing'],
  },
  {
    id: 'no_safe_water',
    checkItem: 33,
    scope: 'household',
    title: '未解决安全饮水',
    description: '自来水入户名单或国扶系统显示未通自来水、未解决安全饮水的户。',
    sources: ['national', 'water'],
  },
  {
    // Item 35 (低保制度与扶贫开发政策衔接 … 精准认定救助对象) is about exactly this: the two rolls
    // agreeing on who receives 低保/特困. Item 34 is about carrying out assistance policies.
    id: 'assistance_mismatch',
    checkItem: 35,
    scope: 'person',
    title: '低保、特困供养认定与民政不一致',
    description:
      '国扶系统的贫困户属性、是否享受低保、是否特困供养人员与民政低保、特困名单不一致：系统标注而民政名单中没有，或民政名单中有而系统未标注。',
    sources: ['national', 'civil'],
  },
  {
    id: 'id_invalid',
    checkItem: 15,
    scope: 'person',
    title: '证件号码无效',
    description: '证件号码位数、出生日期或校验位错误，或以数值格式保存导致末几位丢失、无法恢复。',
    sources: ['national', 'sunshine', 'education', 'medical', 'housing', 'civil', 'water'],
  },
  {
    id: 'id_duplicate',
    checkItem: 15,
    scope: 'person',
    title: '证件号码重复',
    description: '同一证件号码在同一系统中出现多次（同户重复录入，或分属不同户）。',
    sources: ['national', 'sunshine'],
  },
  {
    id: 'household_head_count',
    checkItem: 15,
    scope: 'household',
    title: '户主人数不为一人',
    description: '一户中没有户主，或有多名成员的与户主关系为户主。',
    sources: ['national'],
  },
  {
    id: 'record_missing',
    checkItem: 15,
    scope: 'household',
    title: '系统间户或人员缺失（账账不符）',
    description: '国扶系统与阳光扶贫监管系统（可增加其他系统）之间，一方有而另一方没有的户或人员。',
    sources: ['national', 'sunshine'],
  },
  {
    id: 'record_mismatch',
    checkItem: 15,
    scope: 'household',
    title: '系统间信息不一致（账账不符）',
    description:
      '同一户或人员在国扶系统与阳光扶贫监管系统中的家庭人口数、贫困户属性、脱贫状态、人均纯收入、低保、特困、在校生状况、医保等信息不一致；收入差额在容差以内的不计。',
    sources: ['national', 'sunshine'],
  },
];

const BY_ID = new Map(SCREENING_RULES.map((r) => [r.id, r]));

export function screeningRule(id: RuleId): ScreeningRule {
  const rule = BY_ID.get(id);
  if (!rule) throw new RangeError(`unknown rule ${id}`);
  return rule;
}

/** The parameters in a line of Chinese, for the rules page and the detail of a finding. */
export function describeRuleParams<Id extends RuleId>(id: Id, params: RuleParams<Id>): string {
  // A generic parameter does not narrow with the switch, hence one cast per case.
  const p: unknown = params;
  switch (id) {
    case 'income_below_line':
      return `脱贫标准：年人均纯收入${(p as RuleParams<'income_below_line'>).incomeLine}元`;
    case 'school_age_not_enrolled': {
      const s = p as RuleParams<'school_age_not_enrolled'>;
      return `适龄：${s.schoolAgeMin}至${s.schoolAgeMax}周岁（以${s.referenceDate}计）；${s.seriousHealthExempt ? '健康状况为患有大病、残疾的不计；' : ''}豁免：${s.exemptKeywords.join('、') || '无'}`;
    }
    case 'medical_insurance_missing':
      return (p as RuleParams<'medical_insurance_missing'>).requireSeriousIllness
        ? '须参加基本医疗保险和大病保险'
        : '须参加城乡居民或职工基本医疗保险';
    case 'unsafe_house': {
      const h = p as RuleParams<'unsafe_house'>;
      return `鉴定等级：${h.grades.join('、')}级；范围：${h.exitedOnly ? '已脱贫户' : '全部建档立卡户'}`;
    }
    case 'record_missing':
      return `比对系统：${(p as RuleParams<'record_missing'>).against.map((s) => SOURCE_LABELS[s]).join('、')}`;
    case 'record_mismatch': {
      const m = p as RuleParams<'record_mismatch'>;
      return `比对字段：${m.fields.map((f) => FIELD_LABELS[f]).join('、')}；收入容差${m.incomeTolerance}元`;
    }
    default:
      return '无参数';
  }
}
