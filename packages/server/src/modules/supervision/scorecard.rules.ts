// The scorecard's arithmetic, pure: sub-scores, the weighted composite, ranking, and which units
// fall under the plan's four 通报批评 headings (§四(三): 责任不到位、工作不主动、措施不得力、
// 成效不明显). The weights and thresholds, and their defaults, are core's scoring-rules.ts.
import type { CriticismGroup, Thresholds, Weights } from '@paicha/core';

export interface UnitFigures {
  /** Reports (monthly + milestone submissions) due in the period: expected, on time, late, missing. */
  expected: number;
  onTime: number;
  late: number;
  missing: number;
  /** Problems as of the period's end. */
  found: number;
  closed: number;
  overdue: number;
  /** 退回 in the period: of problem closure requests and of reports/submissions. */
  returnedProblems: number;
  returnedReports: number;
  /** 提交 in the period (problem closure requests + report/submission submissions). */
  submitted: number;
}

export const ZERO_FIGURES: UnitFigures = {
  expected: 0,
  onTime: 0,
  late: 0,
  missing: 0,
  found: 0,
  closed: 0,
  overdue: 0,
  returnedProblems: 0,
  returnedReports: 0,
  submitted: 0,
};
export const FIGURE_KEYS = Object.keys(ZERO_FIGURES) as (keyof UnitFigures)[];

export interface Rates {
  onTimeRate: number | null;
  closureRate: number | null;
  overdueRate: number | null;
  returnRate: number | null;
}

const ratio = (x: number, of: number) => (of === 0 ? null : x / of);

export function ratesOf(f: UnitFigures): Rates {
  const returned = f.returnedProblems + f.returnedReports;
  return {
    onTimeRate: ratio(f.onTime, f.expected),
    closureRate: ratio(f.closed, f.found),
    overdueRate: ratio(f.overdue, f.found),
    // A return always follows a submission, but the two may fall in different periods.
    returnRate: ratio(returned, Math.max(f.submitted, returned)),
  };
}

/**
 * 0–100, one decimal: Σ weight × sub-score / Σ weight, over the components that apply to the unit
 * (no report due → no timeliness component; no problems → no closure or overdue component; nothing
 * submitted → no returns component). Null when none applies.
 */
export function compositeScore(r: Rates, w: Weights): number | null {
  const parts: [number | null, number][] = [
    [r.onTimeRate, w.onTime],
    [r.closureRate, w.closure],
    [r.overdueRate === null ? null : 1 - r.overdueRate, w.overdue],
    [r.returnRate === null ? null : 1 - r.returnRate, w.returns],
  ];
  let sum = 0;
  let weight = 0;
  for (const [score, wt] of parts) {
    if (score === null || wt <= 0) continue;
    sum += score * wt;
    weight += wt;
  }
  // The epsilon keeps x.x5 from rounding down through binary error (52.75 → 52.8).
  return weight === 0 ? null : Math.round((sum / weight) * 1000 + 1e-6) / 10;
}

/** Competition ranking (1, 2, 2, 4) by score, highest first; unscored units get no rank. */
export function rank(scores: readonly (number | null)[]): (number | null)[] {
  return scores.map((s) => (s === null ? null : 1 + scores.filter((o) => o !== null && o > s).length));
}

export interface GroupHit {
  group: CriticismGroup;
  /** The figures that put the unit there, as the circular prints them. */
  reason: string;
}

/** The 通报 headings a unit falls under, with the figures that put it there. */
export function groupsOf(f: UnitFigures, t: Thresholds): GroupHit[] {
  const hits: GroupHit[] = [];
  if (f.overdue >= t.overdueAtLeast)
    hits.push({ group: '责任不到位', reason: `逾期未整改问题${f.overdue}个` });
  if (f.missing >= t.missingAtLeast || f.late + f.missing >= t.lateOrMissingAtLeast) {
    const parts = [f.missing > 0 ? `逾期未报${f.missing}次` : '', f.late > 0 ? `逾期报送${f.late}次` : ''];
    hits.push({ group: '工作不主动', reason: parts.filter(Boolean).join('、') });
  }
  const returned = f.returnedProblems + f.returnedReports;
  if (returned >= t.returnedAtLeast) {
    const parts = [
      f.returnedProblems > 0 ? `问题销号申请被退回${f.returnedProblems}次` : '',
      f.returnedReports > 0 ? `报送材料被退回${f.returnedReports}次` : '',
    ];
    hits.push({ group: '措施不得力', reason: parts.filter(Boolean).join('、') });
  }
  const closure = ratio(f.closed, f.found);
  if (closure !== null && closure * 100 < t.closureRateBelow)
    hits.push({
      group: '成效不明显',
      reason: `整改销号率${percent(closure)}，发现问题${f.found}个、已销号${f.closed}个`,
    });
  return hits;
}

/** The earlier / later of two calendar dates (YYYY-MM-DD compares as text). */
export const earliest = (a: string, b: string) => [a, b].sort()[0] as string;
export const latest = (a: string, b: string) => [a, b].sort()[1] as string;

/** 0.6667 → 66.7%, 1 → 100%, null → —. */
export function percent(x: number | null): string {
  if (x === null) return '—';
  const s = (Math.round(x * 1000) / 10).toFixed(1);
  return `${s.endsWith('.0') ? s.slice(0, -2) : s}%`;
}

/** The thresholds as sentences, for the page and the circular. */
export function thresholdTexts(t: Thresholds): Record<CriticismGroup, string> {
  return {
    责任不到位: `逾期未整改问题${t.overdueAtLeast}个及以上`,
    工作不主动: `逾期未报${t.missingAtLeast}次及以上，或逾期报送与逾期未报合计${t.lateOrMissingAtLeast}次及以上`,
    措施不得力: `问题销号申请和报送材料被退回合计${t.returnedAtLeast}次及以上`,
    成效不明显: `整改销号率低于${t.closureRateBelow}%`,
  };
}
