import { Select, Space, Typography } from 'antd';
import { useCampaign } from '../campaign/CampaignContext';

/** Campaign selector; renders nothing while there is only one campaign to choose. */
export function CampaignPicker() {
  const { campaigns, campaignId, select } = useCampaign();
  if (!campaigns || campaigns.length < 2) return null;
  return (
    <Space>
      <Typography.Text type="secondary">当前活动</Typography.Text>
      <Select
        data-testid="campaign-select"
        aria-label="选择排查活动"
        style={{ minWidth: 320 }}
        value={campaignId}
        onChange={select}
        options={campaigns.map((c) => ({ value: c.id, label: c.title }))}
      />
    </Space>
  );
}
