// A screening run files one ledger problem per street × rule (a "group"), with the rule's findings
// listed inside it. The group's wording and when it may go to 销号 are stated here once: the
// server's set-based SQL (findings/ledger.repository.ts, the 2026-12-03-026 migration) and the web
// follow them. Whether one finding is done is finding-verification.ts `findingIsDone`.
import type { RuleId } from './rule-params.js';
import { screeningRule } from './rules.js';

/** What a group counts its findings in: households for a household rule, people otherwise. */
export function groupCountWord(rule: RuleId): '户' | '人' {
  return screeningRule(rule).scope === 'household' ? '户' : '人';
}

/**
 * The group problem's description, e.g. 数据比对：已脱贫户人均纯收入低于脱贫标准（中云街道，32户).
 * SQL writes it with the count filled in: `groupDescriptionParts` gives the text around it.
 */
export function groupDescription(rule: RuleId, unitName: string, count: number): string {
  const { before, after } = groupDescriptionParts(rule);
  return `${before}${unitName}，${count}${after}`;
}

export function groupDescriptionParts(rule: RuleId): { before: string; after: string } {
  return { before: `数据比对：${screeningRule(rule).title}（`, after: `${groupCountWord(rule)}）` };
}

/** Why a group problem may not be submitted for 销号 yet, or null when every finding is done. */
export function groupSubmitBlockedBy(findings: { total: number; done: number } | null): string | null {
  if (findings === null) return null;
  const open = findings.total - findings.done;
  return open > 0 ? `还有${open}条问题线索未完成（再次比对不再发现或不属实已认定），不能提交销号` : null;
}
