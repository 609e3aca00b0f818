// The audit log in the office's words: what each recorded action and entity is called, and a
// row's detail (free JSON written by each area) turned into lines a clerk can read. The audit
// page and its .xlsx export both use these, so the screen and the file never disagree.

export const AUDIT_ENTITY_LABELS: Record<string, string> = {
  problem: '问题',
  campaign: '专项行动',
  check_item: '排查事项',
  phase: '工作阶段',
  milestone: '时间节点',
  unit: '单位',
  user: '用户',
  monthly_report: '月报表',
  submission: '节点报送',
  circular: '通报',
  inspection: '明察暗访',
  notification: '通知',
  settings: '设置',
  calendar: '节假日',
  household_import: '户籍数据导入',
  household_import_errors: '导入错误明细',
  household_place: '地名对应',
  household_rule: '比对规则',
  household: '户',
  finding: '问题线索',
  finding_visit: '入户核实记录',
  findings: '问题线索列表',
  screening_run: '数据比对',
};

export const AUDIT_ACTION_LABELS: Record<string, string> = {
  'auth.login': '登录',
  'auth.password_changed': '修改本人密码',
  'user.create': '添加用户',
  'user.update': '修改用户',
  'user.password_reset': '重置密码',
  'user.unlock': '解除登录限制',
  'unit.create': '添加单位',
  'unit.update': '修改单位',
  'unit.delete': '删除单位',
  'campaign.create': '创建专项行动',
  'campaign.create_from_plan': '按方案任务分解表创建专项行动',
  'check_item.update': '修改排查事项',
  'check_item.assign_units': '调整排查事项责任单位',
  'check_item.add': '新增排查事项',
  'check_item.move': '调整排查事项序号',
  'check_item.remove': '删除排查事项',
  'phase.add': '新增工作阶段',
  'phase.update': '修改工作阶段',
  'phase.move': '调整工作阶段顺序',
  'phase.remove': '删除工作阶段',
  'milestone.add': '新增时间节点',
  'milestone.update': '修改时间节点',
  'milestone.remove': '删除时间节点',
  'rule_item.set': '设置比对规则对应事项',
  'problem.created': '登记问题',
  'problem.assigned': '交办问题（登记）',
  'problem.edit': '修改问题',
  'problem.assign': '交办问题',
  'problem.import': '导入问题台账',
  'problem.start': '开始整改',
  'problem.progress': '填报整改进展',
  'problem.submit': '提交销号',
  'problem.return': '退回',
  'problem.close': '销号',
  'problem.reopen': '重新打开',
  'monthly_report.create': '填写月报表',
  'monthly_report.save': '保存月报表',
  'monthly_report.submit': '报送月报表',
  'monthly_report.accept': '月报表审核通过',
  'monthly_report.return': '退回月报表',
  'monthly_report.unlock': '月报表解除锁定',
  'submission.create': '填写节点报送',
  'submission.save': '保存节点报送',
  'submission.problem_list': '生成问题清单',
  'submission.submit': '节点报送',
  'submission.accept': '节点报送审核通过',
  'submission.return': '退回节点报送',
  'submission.unlock': '节点报送解除锁定',
  'circular.create': '生成通报草稿',
  'circular.edit': '修改通报',
  'circular.refresh': '刷新通报数据',
  'circular.issue': '签发通报',
  'circular.delete': '删除通报草稿',
  'inspection.create': '登记明察暗访',
  'inspection.update': '修改明察暗访',
  'inspection.delete': '删除明察暗访',
  'notification.urge': '催办',
  'settings.reminders': '修改提醒设置',
  'calendar.day': '修改节假日',
  'calendar.day_reset': '恢复节假日默认安排',
  'calendar.import': '导入节假日',
  'campaign.deadline_policy': '修改截止日期遇节假日的处理',
  'settings.supervision': '修改评分规则',
  'household.import': '导入户籍数据',
  'household.import_rejected': '户籍数据导入未通过',
  'household.unmasked_view': '查看未脱敏信息',
  'household.place_resolve': '对应地名',
  'household.rule_update': '修改比对规则',
  'household.screening': '运行数据比对',
  'finding.confirm': '核实属实',
  'finding.dispute': '核实不属实',
  'finding.rectify': '问题线索整改完成',
  'finding.accept': '认定不属实',
  'finding.reject': '不认定不属实',
  'finding.batch_confirm': '批量标记属实',
  'finding.batch_assign': '交村干部入户核实',
  'finding.visit': '入户核实',
};

/** An action's Chinese name; one not in the map (written by an older version) says what it is. */
export function auditActionLabel(action: string): string {
  return AUDIT_ACTION_LABELS[action] ?? `其他操作（${action}）`;
}

export function auditEntityLabel(entity: string): string {
  return AUDIT_ENTITY_LABELS[entity] ?? `其他对象（${entity}）`;
}

/** Names of the keys areas put into a row's detail. */
export const AUDIT_DETAIL_KEY_LABELS: Record<string, string> = {
  username: '用户名',
  displayName: '姓名',
  name: '名称',
  shortName: '简称',
  kind: '类型',
  role: '角色',
  active: '启用',
  unitId: '单位编号',
  unitIds: '单位编号',
  fromUnitId: '原责任单位编号',
  toUnitId: '新责任单位编号',
  checkItem: '排查事项序号',
  campaignId: '专项行动编号',
  milestoneId: '报送节点编号',
  period: '月份',
  version: '版本',
  structureVersion: '活动结构版本',
  summary: '修改摘要',
  seq: '序号',
  content: '排查内容',
  subCategory: '排查项目',
  unitsText: '责任单位',
  unmappedRules: '因此未对应排查事项的比对规则',
  ip: '登录地址',
  cleared: '解除的限制',
  title: '标题',
  from: '原值',
  to: '新值',
  before: '修改前',
  after: '修改后',
  patch: '修改内容',
  fields: '修改的字段',
  deadline: '整改时限',
  reason: '原因',
  rows: '行数',
  rejected: '未通过行数',
  errors: '错误数',
  source: '数据来源',
  fileName: '文件名',
  findings: '问题线索数',
  new: '新发现',
  resolved: '已不再发现',
  routed: '已对应',
  enabled: '启用',
  params: '参数',
  unit: '单位',
  status: '状态',
  description: '问题描述',
  foundDate: '发现日期',
  place: '地点',
  mode: '整改方式',
  visitDate: '检查日期',
  visitType: '检查方式',
  inspectors: '检查人员',
  sortOrder: '排序',
  note: '说明',
  attachmentIds: '附件编号',
  ids: '问题线索编号',
  householdId: '户编号',
  clientId: '记录编号',
  recordedAt: '记录时间（手机）',
  results: '核实结果',
};

export function auditKeyLabel(key: string): string {
  return AUDIT_DETAIL_KEY_LABELS[key] ?? key;
}

/** One field that changed: its name and its value before and after, as text. */
export interface AuditChange {
  field: string;
  before: string;
  after: string;
}

/** A row's detail as a reader sees it: the changes (when the detail is a before/after pair) and the rest as label: value lines. */
export interface AuditDetailView {
  changes: AuditChange[];
  facts: { label: string; value: string }[];
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function isObject(v: unknown): v is Record<string, Json> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A value as one line of text: yes/no for booleans, nested objects as 名称：值；… */
export function auditValueText(v: unknown): string {
  if (v === null || v === undefined || v === '') return '（空）';
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (typeof v === 'string' || typeof v === 'number') return String(v);
  if (Array.isArray(v)) return v.length ? v.map(auditValueText).join('、') : '（无）';
  if (isObject(v))
    return Object.entries(v)
      .map(([k, x]) => `${auditKeyLabel(k)}：${auditValueText(x)}`)
      .join('；');
  return String(v);
}

/** The pair of objects a detail compares, if it is one: {before, after|patch} or {from, to}. */
function pairOf(d: Record<string, Json>): [Record<string, Json>, Record<string, Json>, string[]] | null {
  const before = d.before ?? d.from;
  const after = d.after ?? d.patch ?? d.to;
  if (!isObject(before) || !isObject(after)) return null;
  const used = [
    d.before !== undefined ? 'before' : 'from',
    d.after !== undefined ? 'after' : d.patch !== undefined ? 'patch' : 'to',
  ];
  return [before, after, used];
}

/**
 * A row's detail for reading. A before/after pair becomes the fields that differ (a patch lists
 * only what it set); everything else becomes label: value lines.
 */
export function describeAuditDetail(detail: unknown): AuditDetailView {
  if (!isObject(detail))
    return {
      changes: [],
      facts: detail === undefined ? [] : [{ label: '内容', value: auditValueText(detail) }],
    };
  const changes: AuditChange[] = [];
  const pair = pairOf(detail);
  const skip = new Set(pair?.[2] ?? []);
  if (pair) {
    const [before, after, used] = pair;
    const keys =
      used[1] === 'patch'
        ? Object.keys(after)
        : [...new Set([...Object.keys(before), ...Object.keys(after)])];
    for (const k of keys) {
      const [b, a] = [auditValueText(before[k]), auditValueText(after[k])];
      if (b !== a) changes.push({ field: auditKeyLabel(k), before: b, after: a });
    }
  }
  const facts = Object.entries(detail)
    .filter(([k]) => !skip.has(k))
    .map(([k, v]) => ({ label: auditKeyLabel(k), value: auditValueText(v) }));
  return { changes, facts };
}

/** The detail as plain text lines (the export's cell). */
export function auditDetailText(detail: unknown): string {
  const { changes, facts } = describeAuditDetail(detail);
  return [
    ...changes.map((c) => `${c.field}：${c.before} → ${c.after}`),
    ...facts.map((f) => `${f.label}：${f.value}`),
  ].join('\n');
}
