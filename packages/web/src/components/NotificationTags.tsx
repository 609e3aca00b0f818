import { Tag } from 'antd';

export const NOTIFICATION_KINDS: Record<string, { label: string; color: string }> = {
  upcoming: { label: '即将到期', color: 'gold' },
  missed: { label: '已逾期', color: 'red' },
  urge: { label: '催办', color: 'magenta' },
};

/** 即将到期 / 已逾期 / 催办, each in its own colour. */
export function NotificationKindTag({ kind }: { kind: string }) {
  const k = NOTIFICATION_KINDS[kind] ?? { label: '通知', color: 'default' };
  return (
    <Tag color={k.color} data-testid="notification-kind" data-kind={kind} style={{ marginInlineEnd: 0 }}>
      {k.label}
    </Tag>
  );
}
