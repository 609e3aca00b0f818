// The systems whose exports are reconciled (DESIGN.md "Household import formats"). The ids are
// the `paicha import <source>` argument: a contract.

export const HOUSEHOLD_SOURCES = [
  'national',
  'sunshine',
  'education',
  'medical',
  'housing',
  'civil',
  'water',
] as const;
export type HouseholdSource = (typeof HOUSEHOLD_SOURCES)[number];

export const SOURCE_LABELS: Record<HouseholdSource, string> = {
  national: '全国扶贫开发信息系统',
  sunshine: '阳光扶贫监管系统',
  education: '教育学籍',
  medical: '医疗保险参保',
  housing: '危房鉴定',
  civil: '民政低保特困',
  water: '自来水入户',
};

export function isHouseholdSource(s: string): s is HouseholdSource {
  return (HOUSEHOLD_SOURCES as readonly string[]).includes(s);
}
