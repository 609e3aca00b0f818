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

/** Phrases in the 责任单位 column that stand for a group of units. */
const GROUP_PHRASES: Record<string, UnitKind> = {
  各街道: 'street',
  区各相关部门: 'department',
  区相关部门: 'department',
};

export interface UnitRef {
  id: number;
  name: string;
  kind: UnitKind;
}

export interface ResolvedUnits {
  units: UnitRef[];
  /** Phrases naming a unit that does not exist (the office must create or rename one). */
  unknown: string[];
}

/**
 * Resolve a 责任单位 cell ("各街道\n区住建局") against the current units:
 * "各街道" → every street, "区各相关部门"/"区相关部门" → every department, a name → that unit.
 */
export function resolveUnitsText(unitsText: string, all: readonly UnitRef[]): ResolvedUnits {
  const chosen = new Map<number, UnitRef>();
  const unknown: string[] = [];
  for (const phrase of unitsText
    .split(/[\n、，,]/)
    .map((s) => s.trim())
    .filter(Boolean)) {
    const groupKind = GROUP_PHRASES[phrase];
    if (groupKind) {
      for (const u of all) if (u.kind === groupKind) chosen.set(u.id, u);
      continue;
    }
    const named = all.find((u) => u.name === phrase);
    if (named) chosen.set(named.id, named);
    else unknown.push(phrase);
  }
  return { units: [...chosen.values()].sort((a, b) => a.id - b.id), unknown };
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
