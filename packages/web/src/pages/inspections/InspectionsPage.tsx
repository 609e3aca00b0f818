// 明察暗访: the office's (and inspectors') open and unannounced visits, with what they found and
// the problems those findings became. Units see the visits to them, read-only.
import { PlusOutlined } from '@ant-design/icons';
import { seesAllUnits } from '@paicha/core';
import { Button, Card, Empty, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { inspectionsApi } from '../../api/inspections';
import { useUser } from '../../auth/AuthContext';
import { useCampaign } from '../../campaign/CampaignContext';
import { CampaignPicker } from '../../components/CampaignPicker';
import { LoadError } from '../../components/LoadError';
import { testIdRow } from '../../components/rowProps';
import { useAsync } from '../../hooks/useAsync';
import { InspectionFormModal } from './InspectionFormModal';
import { inspectionColumns } from './inspectionColumns';
import { canRecordVisit } from './inspectionRoles';

export default function InspectionsPage() {
  const user = useUser();
  const navigate = useNavigate();
  const { campaigns, campaignId } = useCampaign();
  const [adding, setAdding] = useState(false);
  const { data, error, loading, reload } = useAsync(
    async () => (campaignId === undefined ? undefined : inspectionsApi.list(campaignId)),
    [campaignId],
  );
  const recorder = canRecordVisit(user.role);

  if (campaigns && !campaigns.length) return <Empty description="尚未创建排查活动" />;
  if (error) return <LoadError error={error} onRetry={reload} />;

  return (
    <Card
      title="明察暗访"
      extra={
        <Space wrap>
          <CampaignPicker />
          {recorder && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setAdding(true)}
              data-testid="inspection-new"
            >
              登记检查
            </Button>
          )}
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">
        {seesAllUnits(user.role)
          ? '领导小组办公室通过明察暗访督促检查各单位排查整改情况。检查发现的问题可“转为问题”，交办被检查单位限期整改。'
          : `领导小组办公室对${user.unit.name}的明察暗访记录；交办的问题在问题台账中办理。`}
      </Typography.Paragraph>
      <Table
        rowKey="id"
        size="small"
        bordered
        loading={loading}
        columns={inspectionColumns}
        dataSource={data ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true, showTotal: (t) => `共 ${t} 次检查` }}
        locale={{ emptyText: recorder ? '尚未登记明察暗访，点击“登记检查”添加' : '暂无检查记录' }}
        onRow={(v) => testIdRow('inspection-row', { 'data-id': v.id, 'data-unit': v.unit.name })}
        data-testid="inspection-table"
      />
      {adding && campaignId !== undefined && (
        <InspectionFormModal
          campaignId={campaignId}
          onClose={() => setAdding(false)}
          onSaved={(v) => navigate(`/inspections/${v.id}`)}
        />
      )}
    </Card>
  );
}
