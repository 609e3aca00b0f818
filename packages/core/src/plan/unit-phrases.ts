// How a 责任单位 cell ("各街道\n区住建局", "各街道，区财政局、区人社局") resolves to units — the one
// rule behind the built-in plan's assignments, a unit added later, and an imported plan's preview.
import type { UnitKind, UnitRef } from './units.js';

export const PHRASE_KINDS = ['all_streets', 'all_departments', 'unit', 'unresolved'] as const;
export type PhraseKind = (typeof PHRASE_KINDS)[number];

/** Phrases that stand for a group of units; compared after normalising (spaces, brackets). */
const GROUP_PHRASES: Record<string, { kind: PhraseKind; unitKind: UnitKind }> = {
  各街道: { kind: 'all_streets', unitKind: 'street' },
  各街道办事处: { kind: 'all_streets', unitKind: 'street' },
  区各相关部门: { kind: 'all_departments', unitKind: 'department' },
  区相关部门: { kind: 'all_departments', unitKind: 'department' },
  各相关部门: { kind: 'all_departments', unitKind: 'department' },
  区各有关部门: { kind: 'all_departments', unitKind: 'department' },
  区有关部门: { kind: 'all_departments', unitKind: 'department' },
  各有关部门: { kind: 'all_departments', unitKind: 'department' },
};

export interface ResolvedPhrase {
  phrase: string;
  kind: PhraseKind;
  unitIds: number[];
  /** For an unresolved phrase: the units it most likely meant, closest first (at most 3). */
  suggestions: { unitId: number; name: string }[];
}

/** A cell's phrases: one a line, or separated by 、，,；; as plans write them. */
export function splitUnitPhrases(unitsText: string): string[] {
  return unitsText
    .split(/[\n\r、，,；;]/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Spaces (also full-width) and brackets dropped, so "区 住建局" and "区住建局" are one name. */
function normalise(name: string): string {
  return name.replace(/[\s\u3000（）()【】[\]“”"]/g, '');
}

/** The name with and without the district's leading 区 (plans write both: 区住建局 / 住建局). */
function nameKeys(name: string): string[] {
  const n = normalise(name);
  return n.startsWith('区') && n.length > 2 ? [n, n.slice(1)] : [n, `区${n}`];
}

/**
 * Resolve one phrase against the units (the caller passes the active ones): a group phrase takes
 * every unit of its kind, a name the unit so named (exactly, else normalised), anything else is
 * unresolved with suggestions.
 */
export function resolvePhrase(phrase: string, all: readonly UnitRef[]): ResolvedPhrase {
  const group = GROUP_PHRASES[normalise(phrase)];
  if (group) {
    const unitIds = all.filter((u) => u.kind === group.unitKind).map((u) => u.id);
    return { phrase, kind: group.kind, unitIds, suggestions: [] };
  }
  const exact = all.find((u) => u.name === phrase);
  if (exact) return { phrase, kind: 'unit', unitIds: [exact.id], suggestions: [] };
  const keys = new Set(nameKeys(phrase));
  const close = all.filter((u) => nameKeys(u.name).some((k) => keys.has(k)));
  if (close.length === 1 && close[0])
    return { phrase, kind: 'unit', unitIds: [close[0].id], suggestions: [] };
  return { phrase, kind: 'unresolved', unitIds: [], suggestions: suggest(phrase, all) };
}

/** Closest names by shared characters (Dice over single characters and pairs), best 3 with any overlap. */
function suggest(phrase: string, all: readonly UnitRef[]) {
  const grams = (s: string) => {
    const n = normalise(s).replace(/^区/, '');
    const out = new Set<string>(n);
    for (let i = 0; i + 1 < n.length; i++) out.add(n.slice(i, i + 2));
    return out;
  };
  const mine = grams(phrase);
  return all
    .map((u) => {
      const theirs = grams(u.name);
      let shared = 0;
      for (const g of theirs) if (mine.has(g)) shared++;
      return { u, score: (2 * shared) / (mine.size + theirs.size || 1) };
    })
    .filter((s) => s.score >= 0.3)
    .sort((a, b) => b.score - a.score || a.u.id - b.u.id)
    .slice(0, 3)
    .map((s) => ({ unitId: s.u.id, name: s.u.name }));
}

export interface ResolvedUnits {
  units: UnitRef[];
  /** Phrases naming a unit that does not exist (the office must create or rename one). */
  unknown: string[];
}

/**
 * Resolve a whole 责任单位 cell to the set of units it names, in id order. The built-in plan's
 * campaign and a unit added later both assign items by this; an imported plan's preview shows the
 * same phrases one by one (resolvePhrase).
 */
export function resolveUnitsText(unitsText: string, all: readonly UnitRef[]): ResolvedUnits {
  const chosen = new Map<number, UnitRef>();
  const unknown: string[] = [];
  const byId = new Map(all.map((u) => [u.id, u]));
  for (const phrase of splitUnitPhrases(unitsText)) {
    const r = resolvePhrase(phrase, all);
    if (r.kind === 'unresolved') unknown.push(phrase);
    for (const id of r.unitIds) chosen.set(id, byId.get(id) as UnitRef);
  }
  return { units: [...chosen.values()].sort((a, b) => a.id - b.id), unknown };
}
