// 数据质量趋势: findings per 100 households run by run. A street sees its own street per rule;
// the office chooses per rule (the district) or per street. Also shown, compact, on the dashboard.
import { Card, Empty, Segmented } from 'antd';
import { useMemo, useState } from 'react';
import { householdsApi } from '../../api/households';
import { LoadError } from '../../components/LoadError';
import { useAsync } from '../../hooks/useAsync';
import { EChart } from '../supervision/EChart';
import { type TrendBy, trendChart } from './trendChart';

interface Props {
  campaignId: number;
  /** The office may draw one line per street instead of per rule. */
  wide: boolean;
  compact?: boolean;
  /** Bumped when a run finishes: the chart reloads with its point. */
  version?: number;
}

export function TrendCard({ campaignId, wide, compact = false, version = 0 }: Props) {
  const [by, setBy] = useState<TrendBy>('rule');
  const trend = useAsync(() => householdsApi.trend(campaignId), [campaignId, version]);
  const option = useMemo(
    () => (trend.data ? trendChart(trend.data, by, compact) : undefined),
    [trend.data, by, compact],
  );
  const runs = new Set(trend.data?.points.map((p) => p.runId)).size;
  return (
    <Card
      title="数据质量趋势（每百户问题线索数）"
      size={compact ? 'small' : undefined}
      // On the 数据比对 page it stands above the findings; in the dashboard's grid the gutter spaces it.
      style={compact ? undefined : { marginBottom: 16 }}
      data-testid="trend"
      extra={
        wide && (
          <Segmented<TrendBy>
            size={compact ? 'small' : undefined}
            value={by}
            onChange={setBy}
            options={[
              { value: 'rule', label: '按规则' },
              { value: 'street', label: '按街道' },
            ]}
            data-testid="trend-by"
          />
        )
      }
    >
      {trend.error ? (
        <LoadError error={trend.error} onRetry={trend.reload} />
      ) : runs === 0 ? (
        <Empty description={trend.loading ? '加载中' : '尚无比对记录'} image={Empty.PRESENTED_IMAGE_SIMPLE} />
      ) : (option?.series as unknown[] | undefined)?.length === 0 ? (
        <Empty description={`近 ${runs} 次比对均未发现问题线索`} image={Empty.PRESENTED_IMAGE_SIMPLE} />
      ) : (
        option && (
          <EChart
            option={option}
            height={compact ? 220 : 300}
            testId="trend-chart"
            label={`近 ${runs} 次比对的每百户问题线索数，${by === 'rule' ? '每条线一条规则' : '每条线一个街道'}`}
          />
        )
      )}
    </Card>
  );
}
