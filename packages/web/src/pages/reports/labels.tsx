// Words and colours of the reporting workflow, shared by the 月报 and 节点报送 pages.
import { Tag } from 'antd';
import type { ReportStatus, Timeliness } from '../../api/reports';

const STATUS: Record<ReportStatus, { label: string; color: string }> = {
  not_started: { label: '未填报', color: 'default' },
  draft: { label: '草稿', color: 'blue' },
  submitted: { label: '已报送', color: 'processing' },
  returned: { label: '已退回', color: 'orange' },
  accepted: { label: '已通过', color: 'green' },
};

const TIMELINESS: Record<Timeliness, { label: string; color: string }> = {
  on_time: { label: '按时', color: 'green' },
  late: { label: '逾期', color: 'red' },
  missing: { label: '逾期未报', color: 'volcano' },
  pending: { label: '待报', color: 'default' },
  not_expected: { label: '无需报送', color: 'default' },
};

export const ACTION_LABELS: Record<string, string> = {
  create: '创建草稿',
  save: '保存草稿',
  submit: '审核并报送',
  accept: '审核通过',
  return: '退回',
  unlock: '解锁',
  problem_list: '附台账问题清单',
};

export function StatusTag({ status }: { status: ReportStatus }) {
  const s = STATUS[status];
  return (
    <Tag color={s.color} data-testid="status-tag" data-status={status}>
      {s.label}
    </Tag>
  );
}

export function TimelinessTag({ value }: { value: Timeliness }) {
  const t = TIMELINESS[value];
  return (
    <Tag color={t.color} data-testid="timeliness-tag" data-timeliness={value}>
      {t.label}
    </Tag>
  );
}

/** 2020-01 → 2020年1月 */
export function periodLabel(period: string): string {
  return `${Number(period.slice(0, 4))}年${Number(period.slice(5, 7))}月`;
}

/** 0.222 → 22.2%; no expected reports → — */
export function rate(r: number | null): string {
  return r === null ? '—' : `${Math.round(r * 1000) / 10}%`;
}
