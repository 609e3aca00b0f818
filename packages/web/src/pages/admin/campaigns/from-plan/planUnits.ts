// Units the campaign creates: one per distinct name among the phrases decided as 新建 (two
// phrases the office names alike make one unit), checked as the server checks them.
import type { NewUnitKind, PlanDraft } from './planTypes';
import { newUnitName } from './planTypes';

export function newUnitsOf(d: PlanDraft): { name: string; kind: NewUnitKind }[] {
  const out: { name: string; kind: NewUnitKind }[] = [];
  for (const phrase of d.preview?.unresolved ?? []) {
    const dec = d.decisions[phrase];
    if (dec?.kind !== 'new') continue;
    const name = newUnitName(phrase, dec);
    if (!out.some((u) => u.name === name)) out.push({ name, kind: dec.unitKind });
  }
  return out;
}

/** Why a new unit's name cannot be used (null: it can), against the units that exist. */
export function newUnitNameProblem(name: string, units: readonly { name: string }[]): string | null {
  const n = name.trim();
  if (n.length < 2) return '新单位名称至少 2 个字';
  if (n.length > 40) return '新单位名称不能超过 40 个字';
  if (units.some((u) => u.name === n)) return `已有名为“${n}”的单位`;
  return null;
}

/** Every new unit's problem: a name unusable, or one name given two kinds. */
export function newUnitProblems(d: PlanDraft, units: readonly { name: string }[]): string[] {
  const out: string[] = [];
  const kinds = new Map<string, NewUnitKind>();
  for (const phrase of d.preview?.unresolved ?? []) {
    const dec = d.decisions[phrase];
    if (dec?.kind !== 'new') continue;
    const name = newUnitName(phrase, dec);
    const problem = newUnitNameProblem(name, units);
    if (problem) out.push(`“${phrase}”：${problem}`);
    const kind = kinds.get(name);
    if (kind && kind !== dec.unitKind) out.push(`新单位“${name}”既作部门又作街道`);
    kinds.set(name, dec.unitKind);
  }
  return out;
}
