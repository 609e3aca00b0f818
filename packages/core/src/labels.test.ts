// What the office reads instead of codes: history lines of a problem and the audit log's
// actions, entities and details.
import { describe, expect, it } from 'vitest';
import {
  AUDIT_ACTION_LABELS,
  AUDIT_ENTITY_LABELS,
  auditActionLabel,
  auditDetailText,
  describeAuditDetail,
} from './audit-labels.js';
import { PROBLEM_ACTIONS, PROBLEM_EVENT_LABELS, problemEventLabel } from './problem.js';

const CHINESE = /^[\u4e00-\u9fff（）：、“”]+/;

describe('problem history lines', () => {
  it('names every step and what screening writes, in Chinese', () => {
    for (const a of PROBLEM_ACTIONS) expect(problemEventLabel(a)).toMatch(CHINESE);
    expect(problemEventLabel('screening_cleared')).toBe('再次比对：问题线索均已完成');
    expect(problemEventLabel('screening_found_again')).toBe('再次比对：又发现问题线索');
    for (const label of Object.values(PROBLEM_EVENT_LABELS)) expect(label).toMatch(CHINESE);
  });

  it('never shows a code it does not know', () => {
    expect(problemEventLabel('some_future_kind')).toBe('办理记录');
  });
});

describe('audit log labels', () => {
  it('names every action and entity in Chinese', () => {
    for (const label of [...Object.values(AUDIT_ACTION_LABELS), ...Object.values(AUDIT_ENTITY_LABELS)])
      expect(label).toMatch(CHINESE);
    expect(auditActionLabel('problem.close')).toBe('销号');
  });

  it('reads a before/patch pair as the fields that changed', () => {
    const d = describeAuditDetail({
      before: { name: '宋跳街道', sortOrder: 9 },
      patch: { name: '宋跳街道办事处' },
    });
    expect(d.changes).toEqual([{ field: '名称', before: '宋跳街道', after: '宋跳街道办事处' }]);
    expect(d.facts).toEqual([]);
  });

  it('reads from/to objects as changes and the rest as label: value lines', () => {
    const d = describeAuditDetail({
      from: { enabled: true, params: { threshold: 6000 } },
      to: { enabled: false, params: { threshold: 6000 } },
      version: 3,
    });
    expect(d.changes).toEqual([{ field: '启用', before: '是', after: '否' }]);
    expect(d.facts).toEqual([{ label: '版本', value: '3' }]);
  });

  it('writes plain lines for the export, unknown keys as they are', () => {
    expect(auditDetailText({ username: 'zy', unitIds: [1, 2], extra: null })).toBe(
      '用户名：zy\n单位编号：1、2\nextra：（空）',
    );
  });
});
