// A campaign's structure on the 活动管理 page: its items, phases and milestones, the screening
// rules' items, and the history of changes. Once the campaign has started every change is
// versioned with a reason, typed once here for the edits that follow.
import { Alert, Input, Space, Tabs, Tag, Typography } from 'antd';
import { campaignsApi } from '../../../../api/endpoints';
import { useAsync } from '../../../../hooks/useAsync';
import { CheckItemEditor } from '../CheckItemEditor';
import { MilestoneEditor } from './MilestoneEditor';
import { PhaseEditor } from './PhaseEditor';
import { RuleItemTable } from './RuleItemTable';
import { StructureHistory } from './StructureHistory';
import { useStructure } from './useStructure';

export function StructureEditor({ campaignId }: { campaignId: number }) {
  const structure = useStructure(campaignId);
  const { state } = structure;
  const { data: campaign } = useAsync(() => campaignsApi.get(campaignId), [campaignId, structure.tick]);

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      {state?.started ? (
        <Alert
          type="warning"
          showIcon
          message="活动已开始：对排查事项、阶段和节点的修改都记入修改记录，须填写修改原因；已报送的月报表仍按报送时的事项显示。"
          description={
            <Input
              data-testid="structure-reason"
              placeholder="修改原因（如：按区领导小组意见调整）"
              maxLength={500}
              value={structure.reason}
              onChange={(e) => structure.setReason(e.target.value)}
            />
          }
        />
      ) : (
        <Typography.Text type="secondary">
          活动尚未开始：可自由增删、调整排查事项和阶段，修改仍记入修改记录。
        </Typography.Text>
      )}
      <Tabs
        items={[
          {
            key: 'items',
            label: '排查事项',
            children: <CheckItemEditor campaignId={campaignId} structure={structure} />,
          },
          {
            key: 'plan',
            label: '阶段与节点',
            children: (
              <Space direction="vertical" size="large" style={{ width: '100%' }}>
                <PhaseEditor campaignId={campaignId} phases={campaign?.phases ?? []} structure={structure} />
                <MilestoneEditor
                  campaignId={campaignId}
                  milestones={campaign?.milestones ?? []}
                  structure={structure}
                />
              </Space>
            ),
          },
          {
            key: 'rules',
            label: '比对规则对应事项',
            children: <RuleItemTable campaignId={campaignId} structure={structure} />,
          },
          {
            key: 'history',
            label: (
              <span data-testid="structure-history-tab">
                修改记录 {state && <Tag>版本 {state.version}</Tag>}
              </span>
            ),
            children: <StructureHistory changes={state?.changes ?? []} />,
          },
        ]}
      />
    </Space>
  );
}
