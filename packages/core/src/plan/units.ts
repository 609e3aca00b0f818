// Units the plan names, and how the table's 责任单位 phrases resolve to real units.

export const UNIT_KINDS = ['office', 'street', 'department'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

export const OFFICE_NAME = '区领导小组办公室';

/** The district departments the plan names as responsible units. */
export const PLAN_DEPARTMENTS = ['区财政局', '区住建局', '区社会事业局', '区人社局', '资源分局'] as const;

/**
 * The plan names no street; these example streets are seeded so the system is usable at once.
 * The office renames, adds and removes streets on the 单位管理 page.
 */
export const EXAMPLE_STREETS = ['中云街道', '猴嘴街道', '朝阳街道', '宋跳街道'] as const;

export interface UnitRef {
  id: number;
  name: string;
  kind: UnitKind;
}

/**
 * The 责任单位 text for a set of units, written the way the plan writes it: all streets as
 * "各街道", all departments as "区各相关部门", otherwise by name, one per line.
 */
export function describeUnits(chosen: readonly UnitRef[], all: readonly UnitRef[]): string {
  const lines: string[] = [];
  for (const [kind, group] of [
    ['street', '各街道'],
    ['department', '区各相关部门'],
  ] as const) {
    const ofKind = all.filter((u) => u.kind === kind);
    const picked = chosen.filter((u) => u.kind === kind);
    if (ofKind.length > 1 && picked.length === ofKind.length) lines.push(group);
    else lines.push(...picked.map((u) => u.name));
  }
  lines.push(...chosen.filter((u) => u.kind === 'office').map((u) => u.name));
  return lines.join('\n');
}
