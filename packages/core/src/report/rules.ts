// Validation rules of the 月报表, DHIS2-style: each rule is data — when it applies, a left side,
// an operator and a right side that must hold, how important it is and what the clerk reads —
// and one pure evaluator runs them. The server evaluates them on every save and at submission
// (errors refuse the submission, warnings need the unit head's explanation); the web runs the
// same evaluator on the draft being typed, so a row is flagged before it is even saved.
import { claimOf, isFilled, statedProblemCount } from './text.js';

/** The figures a rule can compare, for one row: its texts read by text.ts and the ledger's counts. */
export type RuleOperand =
  /** 发现: the ledger's problems for this unit and item, as the row shows them. */
  | 'ledgerFound'
  /** The number 排查情况 says was found (“发现问题3个”); missing when it states none. */
  | 'statedFound'
  /** 1 when 排查情况 says nothing was found (“经排查，未发现问题”). */
  | 'saysNone'
  /** 1 when 排查情况 says problems were found. */
  | 'saysProblems'
  /** 1 when 排查情况 is filled in. */
  | 'situationFilled'
  /** 1 when both 整改措施 and 整改进度 are filled in. */
  | 'rectificationFilled';

export type RuleOperator = '==' | '!=' | '>' | '>=' | '<' | '<=';

export interface RuleCondition {
  left: RuleOperand | number;
  operator: RuleOperator;
  right: RuleOperand | number;
}

export const REPORT_RULE_IDS = [
  'situation_blank',
  'none_but_ledger',
  'problems_but_ledger_empty',
  'count_differs',
  'rectification_blank',
] as const;
export type ReportRuleId = (typeof REPORT_RULE_IDS)[number];

/** error: must be corrected before submitting; warning: may be submitted with an explanation. */
export type RuleSeverity = 'error' | 'warning';

export interface ReportRule {
  id: ReportRuleId;
  name: string;
  severity: RuleSeverity;
  /** The rule applies only when all of these hold. */
  when: readonly RuleCondition[];
  /** What must then hold; a row where it does not is flagged. */
  check: RuleCondition;
  /** Shown beside the row; {ledgerFound} and {statedFound} are filled in. */
  message: string;
  /** What the clerk can do about it. */
  instruction: string;
}

export const REPORT_RULES: readonly ReportRule[] = [
  {
    id: 'situation_blank',
    name: '排查情况未填写',
    severity: 'error',
    when: [],
    check: { left: 'situationFilled', operator: '==', right: 1 },
    message: '排查情况未填写',
    instruction: '每个承担的事项都要写明排查情况；确无问题的写“经排查，未发现问题。”',
  },
  {
    id: 'none_but_ledger',
    name: '写“未发现问题”但台账有问题',
    severity: 'warning',
    when: [{ left: 'saysNone', operator: '==', right: 1 }],
    check: { left: 'ledgerFound', operator: '==', right: 0 },
    message: '排查情况写“未发现问题”，但台账中本单位此项有{ledgerFound}个问题',
    instruction: '请按台账如实填写发现的问题（可用“按台账生成”），或在报送时说明原因。',
  },
  {
    id: 'problems_but_ledger_empty',
    name: '写有问题但台账没有记录',
    severity: 'warning',
    when: [{ left: 'saysProblems', operator: '==', right: 1 }],
    check: { left: 'ledgerFound', operator: '>', right: 0 },
    message: '排查情况写有发现问题，但台账中本单位此项没有问题记录',
    instruction: '请把发现的问题录入问题台账，或改正排查情况。',
  },
  {
    id: 'count_differs',
    name: '问题个数与台账不一致',
    severity: 'warning',
    when: [
      { left: 'statedFound', operator: '>', right: 0 },
      { left: 'ledgerFound', operator: '>', right: 0 },
    ],
    check: { left: 'statedFound', operator: '==', right: 'ledgerFound' },
    message: '排查情况写发现{statedFound}个问题，台账中为{ledgerFound}个',
    instruction: '请核对问题台账与排查情况中的问题个数。',
  },
  {
    id: 'rectification_blank',
    name: '有问题但整改措施或进度未填',
    severity: 'warning',
    when: [{ left: 'ledgerFound', operator: '>', right: 0 }],
    check: { left: 'rectificationFilled', operator: '==', right: 1 },
    message: '台账中本单位此项有{ledgerFound}个问题，整改措施或整改进度未填写',
    instruction: '请填写整改措施和整改进度（可用“按台账生成”）。',
  },
];

/** A row as the rules see it: its texts and the ledger's count beside it. */
export interface RuleRow {
  seq: number;
  situation: string;
  measures: string;
  progress: string;
  /** Rows kept only for the record (the item was taken off the unit) are not checked. */
  assigned: boolean;
  counts: { found: number };
}

export interface ReportViolation {
  seq: number;
  rule: ReportRuleId;
  severity: RuleSeverity;
  message: string;
}

function operands(row: RuleRow): Record<RuleOperand, number | null> {
  const claim = claimOf(row.situation);
  return {
    ledgerFound: row.counts.found,
    statedFound: statedProblemCount(row.situation),
    saysNone: claim === 'none' ? 1 : 0,
    saysProblems: claim === 'problems' ? 1 : 0,
    situationFilled: claim === 'blank' ? 0 : 1,
    rectificationFilled: isFilled(row.measures) && isFilled(row.progress) ? 1 : 0,
  };
}

function compare(a: number, op: RuleOperator, b: number): boolean {
  switch (op) {
    case '==':
      return a === b;
    case '!=':
      return a !== b;
    case '>':
      return a > b;
    case '>=':
      return a >= b;
    case '<':
      return a < b;
    case '<=':
      return a <= b;
  }
}

/** true / false, or null when an operand is missing (the rule is then skipped, as in DHIS2). */
function holds(c: RuleCondition, values: Record<RuleOperand, number | null>): boolean | null {
  const side = (s: RuleOperand | number) => (typeof s === 'number' ? s : values[s]);
  const [a, b] = [side(c.left), side(c.right)];
  if (a === null || b === null) return null;
  return compare(a, c.operator, b);
}

/** Every rule over every assigned row, in row order then rule order. */
export function validateReport(rows: readonly RuleRow[], rules = REPORT_RULES): ReportViolation[] {
  const out: ReportViolation[] = [];
  for (const row of rows) {
    if (!row.assigned) continue;
    const values = operands(row);
    for (const rule of rules) {
      if (!rule.when.every((c) => holds(c, values) === true)) continue;
      if (holds(rule.check, values) !== false) continue;
      out.push({
        seq: row.seq,
        rule: rule.id,
        severity: rule.severity,
        message: rule.message.replace(/\{(\w+)\}/g, (_, k: string) => String(values[k as RuleOperand] ?? '')),
      });
    }
  }
  return out;
}

export function ruleOf(id: ReportRuleId): ReportRule {
  const rule = REPORT_RULES.find((r) => r.id === id);
  if (!rule) throw new RangeError(`unknown report rule ${id}`);
  return rule;
}

/** 第3、5项 — the rows a list of violations names, for messages. */
export function seqList(violations: readonly { seq: number }[]): string {
  return `第${[...new Set(violations.map((v) => v.seq))].join('、')}项`;
}
