import { formatChineseDate } from '@paicha/core';
import { Card, Steps, Typography } from 'antd';
import type { Phase } from '../../api/types';

interface Props {
  phases: Phase[];
  today: string;
  currentPhaseSeq: number | null;
}

/**
 * The four phases with their dates. The current phase is the server's (it knows the campaign's
 * calendar); the others are done or waiting by comparing their dates with the server's today,
 * so a campaign that is over shows every phase done.
 */
export function PhaseTimeline({ phases, today, currentPhaseSeq }: Props) {
  const current = phases.find((p) => p.seq === currentPhaseSeq);
  const items = phases.map((p) => ({
    title: p.name,
    description: (
      // nowrap: a date broken after 年 or before 日 reads badly; the step labels have room.
      <span data-testid={`phase-${p.seq}`} style={{ whiteSpace: 'nowrap', fontSize: 12 }}>
        {formatChineseDate(p.startDate)}
        <br />至{formatChineseDate(p.endDate)}
      </span>
    ),
    status:
      p.seq === currentPhaseSeq
        ? ('process' as const)
        : p.endDate < today
          ? ('finish' as const)
          : ('wait' as const),
  }));
  return (
    <Card title="工作阶段" style={{ height: '100%' }}>
      <Steps items={items} size="small" labelPlacement="vertical" data-testid="phase-steps" />
      <Typography.Paragraph style={{ marginTop: 16, marginBottom: 0 }} type="secondary">
        {current ? (
          <>
            <Typography.Text strong data-testid="current-phase">
              当前阶段：{current.name}
            </Typography.Text>
            。{current.description}
          </>
        ) : today < (phases[0]?.startDate ?? today) ? (
          '活动尚未开始。'
        ) : (
          '各阶段均已结束。'
        )}
      </Typography.Paragraph>
    </Card>
  );
}
