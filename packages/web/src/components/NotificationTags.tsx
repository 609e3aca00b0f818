import { NOTIFICATION_KIND_LABELS, NOTIFICATION_RESOLUTIONS, type NotificationKind } from '@paicha/core';
import { Tag } from 'antd';

const COLOURS: Record<NotificationKind, string> = {
  upcoming: 'gold',
  missed: 'red',
  urge: 'magenta',
  assigned: 'blue',
  reassigned: 'default',
  returned: 'volcano',
  accepted: 'green',
  closed: 'green',
  reopened: 'orange',
  submitted: 'geekblue',
  circular: 'purple',
  finding_decision: 'cyan',
};

/** Every kind with its Chinese name and colour, in the order the filters offer them. */
export const NOTIFICATION_KINDS: Record<string, { label: string; color: string }> = Object.fromEntries(
  (Object.keys(NOTIFICATION_KIND_LABELS) as NotificationKind[]).map((k) => [
    k,
    { label: NOTIFICATION_KIND_LABELS[k], color: COLOURS[k] },
  ]),
);

/** The kind filter's options: 即将到期, 已逾期, 催办, 交办, 退回, … */
export const NOTIFICATION_KIND_OPTIONS = Object.entries(NOTIFICATION_KINDS).map(([value, k]) => ({
  value,
  label: k.label,
}));

/** 即将到期 / 已逾期 / 催办 / 交办 / 退回 / …, each in its own colour. */
export function NotificationKindTag({ kind }: { kind: string }) {
  const k = NOTIFICATION_KINDS[kind] ?? { label: '通知', color: 'default' };
  return (
    <Tag color={k.color} data-testid="notification-kind" data-kind={kind} style={{ marginInlineEnd: 0 }}>
      {k.label}
    </Tag>
  );
}

/** Why a reminder needs nothing more: 已完成 (its item was done) or 已过期 (its date has passed). */
export function NotificationResolvedTag({ resolved }: { resolved: keyof typeof NOTIFICATION_RESOLUTIONS }) {
  return (
    <Tag data-testid="notification-resolved" data-resolved={resolved} style={{ marginInlineEnd: 0 }}>
      {NOTIFICATION_RESOLUTIONS[resolved]}
    </Tag>
  );
}
