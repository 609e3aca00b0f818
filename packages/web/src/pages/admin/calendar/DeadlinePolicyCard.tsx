// The campaign's rule for a deadline on a non-working day; every deadline shown, timeliness and
// reminders follow it (server modules/calendar/deadlines.ts).
import { DEADLINE_POLICIES, DEADLINE_POLICY_LABELS } from '@paicha/core';
import { Card, Radio, Typography } from 'antd';
import { calendarApi } from '../../../api/calendar';
import { useCampaign } from '../../../campaign/CampaignContext';
import { LoadError } from '../../../components/LoadError';
import { useAction } from '../../../hooks/useAction';
import { useAsync } from '../../../hooks/useAsync';

export function DeadlinePolicyCard() {
  const { campaignId, campaigns } = useCampaign();
  const { data, error, reload } = useAsync(
    () => (campaignId ? calendarApi.policy(campaignId) : Promise.resolve(undefined)),
    [campaignId],
  );
  const save = useAction(async (policy: (typeof DEADLINE_POLICIES)[number]) => {
    if (!campaignId) return;
    await calendarApi.setPolicy(campaignId, { policy });
    reload();
  });
  const title = campaigns?.find((c) => c.id === campaignId)?.title ?? '';
  if (error) return <LoadError error={error} onRetry={reload} />;
  return (
    <Card size="small" title="截止日期遇节假日" data-testid="deadline-policy">
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {title}：月报表、节点报送的截止日期落在周末或节假日时
      </Typography.Paragraph>
      <Radio.Group
        value={data?.policy}
        disabled={!data || save.busy}
        onChange={(e) => save.run(e.target.value)}
        data-testid="deadline-policy-options"
      >
        {DEADLINE_POLICIES.map((p) => (
          <Radio.Button key={p} value={p} data-testid={`deadline-policy-${p}`}>
            {DEADLINE_POLICY_LABELS[p]}
          </Radio.Button>
        ))}
      </Radio.Group>
    </Card>
  );
}
