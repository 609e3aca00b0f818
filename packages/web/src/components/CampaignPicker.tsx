import { Button, Select, Space, Typography } from 'antd';
import { useCampaign } from '../campaign/CampaignContext';
import { useAction } from '../hooks/useAction';

/**
 * Campaign selector; renders nothing while there is only one campaign to choose. The choice is
 * the person's own and kept on the server; "回到当前活动" forgets it, so they follow the campaign
 * of the day again (the next one once it starts).
 */
export function CampaignPicker() {
  const { campaigns, campaignId, currentId, chosen, select } = useCampaign();
  const choose = useAction(select);
  if (!campaigns || campaigns.length < 2) return null;
  return (
    <Space wrap>
      <Typography.Text type="secondary">当前活动</Typography.Text>
      <Select
        data-testid="campaign-select"
        aria-label="选择排查活动"
        style={{ minWidth: 320 }}
        value={campaignId}
        loading={choose.busy}
        // Picking the current campaign means following it (to the next one once that starts),
        // not pinning it: the saved choice is cleared.
        onChange={(id: number) => choose.run(id === currentId ? null : id)}
        options={campaigns.map((c) => ({
          value: c.id,
          label: c.id === currentId ? `${c.title}（当前）` : c.title,
        }))}
      />
      {chosen && (
        <Button type="link" data-testid="campaign-follow-current" onClick={() => choose.run(null)}>
          回到当前活动
        </Button>
      )}
    </Space>
  );
}
