import { Col, Empty, Row, Space, Spin, Typography } from 'antd';
import { campaignsApi } from '../../api/endpoints';
import { useCampaign } from '../../campaign/CampaignContext';
import { LoadError } from '../../components/LoadError';
import { useAsync } from '../../hooks/useAsync';
import { CampaignHeader } from './CampaignHeader';
import { CheckItemGroups } from './CheckItemGroups';
import { PhaseTimeline } from './PhaseTimeline';
import { UpcomingDeadlines } from './UpcomingDeadlines';

/** 工作概览: where the campaign stands today and what every unit is asked to check. */
export default function OverviewPage() {
  const { campaigns, campaignId, error: listError, reload: reloadList } = useCampaign();
  const { data, error, loading, reload } = useAsync(
    async () =>
      campaignId === undefined
        ? undefined
        : Promise.all([campaignsApi.overview(campaignId), campaignsApi.checkItems(campaignId)]),
    [campaignId],
  );

  if (listError) return <LoadError error={listError} onRetry={reloadList} />;
  if (campaigns && !campaigns.length) return <Empty description="尚未创建排查活动" />;
  if (error) return <LoadError error={error} onRetry={reload} />;
  if (loading || !data) return <Spin style={{ display: 'block', margin: 48 }} />;

  const [overview, items] = data;
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <CampaignHeader campaign={overview.campaign} today={overview.today} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={15}>
          <PhaseTimeline
            phases={overview.campaign.phases}
            today={overview.today}
            currentPhaseSeq={overview.currentPhaseSeq}
          />
        </Col>
        <Col xs={24} xl={9}>
          <UpcomingDeadlines upcoming={overview.upcoming} />
        </Col>
      </Row>
      <Typography.Title level={4} style={{ margin: '8px 0 0' }}>
        排查事项（共{items.length}项）
      </Typography.Title>
      <CheckItemGroups items={items} />
    </Space>
  );
}
