import { FileWordOutlined, PlusOutlined } from '@ant-design/icons';
import { formatChineseDate } from '@paicha/core';
import { Button, Card, Select, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import type { CampaignSummary } from '../../../api/types';
import { useCampaign } from '../../../campaign/CampaignContext';
import { LoadError } from '../../../components/LoadError';
import { testIdRow } from '../../../components/rowProps';
import { NewCampaignModal } from './NewCampaignModal';
import { StructureEditor } from './structure/StructureEditor';

const columnsFor = (currentId: number | undefined): ColumnsType<CampaignSummary> => [
  {
    title: '活动名称',
    dataIndex: 'title',
    render: (title: string, c) => (
      <Space>
        {title}
        {c.id === currentId && (
          <Tag color="blue" data-testid="current-campaign-tag">
            当前活动
          </Tag>
        )}
      </Space>
    ),
  },
  { title: '牵头单位', dataIndex: 'issuer', width: 180 },
  { title: '开始日期', dataIndex: 'startDate', width: 150, render: formatChineseDate },
  { title: '结束日期', dataIndex: 'endDate', width: 150, render: formatChineseDate },
];

/**
 * 活动管理: start a campaign from the plan template or from a new plan's own 任务分解表 (从方案导入,
 * from-plan/), and adjust its items and their units.
 */
export default function CampaignsPage() {
  const { campaigns, campaignId, currentId, reload, error } = useCampaign();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [creating, setCreating] = useState(false);
  // The campaign being edited starts as the one selected app-wide (or the one just imported,
  // ?edit=), but can differ from it.
  const [editId, setEditId] = useState<number | undefined>(() => Number(params.get('edit')) || undefined);
  const editing = editId ?? campaignId;

  if (error) return <LoadError error={error} onRetry={reload} />;

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Card
        title="排查活动"
        extra={
          <Space>
            <Button
              icon={<FileWordOutlined />}
              onClick={() => navigate('/admin/campaigns/from-plan')}
              data-testid="campaign-from-plan"
            >
              从方案导入
            </Button>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              新建活动
            </Button>
          </Space>
        }
      >
        <Table<CampaignSummary>
          rowKey="id"
          loading={!campaigns}
          dataSource={campaigns}
          columns={columnsFor(currentId)}
          pagination={false}
          onRow={(c) => testIdRow('campaign-row', { 'data-campaign-id': c.id })}
        />
      </Card>
      <Card
        title="活动结构：排查事项、阶段与节点"
        extra={
          <Space>
            <Typography.Text type="secondary">活动</Typography.Text>
            <Select
              aria-label="选择要编辑的活动"
              style={{ minWidth: 300 }}
              value={editing}
              onChange={setEditId}
              options={(campaigns ?? []).map((c) => ({ value: c.id, label: c.title }))}
            />
          </Space>
        }
      >
        {editing !== undefined ? (
          <StructureEditor campaignId={editing} />
        ) : (
          <Typography.Text type="secondary">请先新建排查活动。</Typography.Text>
        )}
      </Card>
      {creating && (
        <NewCampaignModal
          onClose={() => setCreating(false)}
          onCreated={(c) => {
            // Creating moves nobody, the admin included: only the editor below opens the new one.
            reload();
            setEditId(c.id);
          }}
        />
      )}
    </Space>
  );
}
