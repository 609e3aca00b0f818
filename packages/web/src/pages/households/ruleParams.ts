// How the rules page shows and edits each rule parameter. The server validates (core's rule
// schemas) and its messages are shown beside the fields; this table only supplies the words.
import {
  COMPARABLE_FIELDS,
  FIELD_LABELS,
  HOUSEHOLD_SOURCES,
  HOUSING_GRADES,
  RULE_PARAM_LABELS,
  SOURCE_LABELS,
} from '@paicha/core';

const L = RULE_PARAM_LABELS;

type ParamKind = 'number' | 'integer' | 'date' | 'keywords' | 'boolean' | 'multi';

export interface ParamMeta {
  label: string;
  kind: ParamKind;
  unit?: string;
  help?: string;
  options?: { value: string; label: string }[];
}

const GRADE_WORDS: Record<string, string> = {
  A: 'A级（安全）',
  B: 'B级（基本安全）',
  C: 'C级（局部危险）',
  D: 'D级（整栋危险）',
};

const PARAM_META: Record<string, ParamMeta> = {
  incomeLine: {
    label: L.incomeLine,
    kind: 'number',
    unit: '元',
    help: '江苏2016—2020年脱贫标准为6000元',
  },
  schoolAgeMin: { label: L.schoolAgeMin, kind: 'integer', unit: '周岁' },
  schoolAgeMax: {
    label: L.schoolAgeMax,
    kind: 'integer',
    unit: '周岁',
    help: '义务教育一般到15周岁，有的地方按16周岁',
  },
  referenceDate: {
    label: L.referenceDate,
    kind: 'date',
    help: '一般取学年开始日（9月1日），学年中途年龄不随之变化',
  },
  seriousHealthExempt: {
    label: L.seriousHealthExempt,
    kind: 'boolean',
    help: '国扶系统健康状况为“患有大病”或“残疾”（单独或与其他状况并列）的适龄儿童，按“身体原因不具备学习条件”不报失学辍学',
  },
  exemptKeywords: {
    label: L.exemptKeywords,
    kind: 'keywords',
    help: '在校生状况或健康状况中含有这些词的（身体原因不具备学习条件）不计；回车或顿号分隔',
  },
  requireSeriousIllness: { label: L.requireSeriousIllness, kind: 'boolean' },
  grades: {
    label: L.grades,
    kind: 'multi',
    options: HOUSING_GRADES.map((g) => ({ value: g, label: GRADE_WORDS[g] ?? g })),
  },
  exitedOnly: { label: L.exitedOnly, kind: 'boolean', help: '关闭时检查全部建档立卡户' },
  against: {
    label: L.against,
    kind: 'multi',
    options: HOUSEHOLD_SOURCES.filter((s) => s !== 'national').map((s) => ({
      value: s,
      label: SOURCE_LABELS[s],
    })),
  },
  fields: {
    label: L.fields,
    kind: 'multi',
    options: COMPARABLE_FIELDS.map((f) => ({ value: f, label: FIELD_LABELS[f] })),
  },
  incomeTolerance: {
    label: L.incomeTolerance,
    kind: 'number',
    unit: '元',
    help: '两系统收入相差不超过此数不算不一致',
  },
};

/** The description of a parameter the table does not know (a rule added on the server later). */
export function paramMeta(key: string, value: unknown): ParamMeta {
  const known = PARAM_META[key];
  if (known) return known;
  if (typeof value === 'boolean') return { label: key, kind: 'boolean' };
  if (typeof value === 'number') return { label: key, kind: 'number' };
  if (Array.isArray(value)) return { label: key, kind: 'keywords' };
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return { label: key, kind: 'date' };
  return { label: key, kind: 'keywords' };
}
