// 待办: each role's landing page — what waits for the signed-in person, computed by the server
// (GET /api/workbench). Leaders have nothing waiting here and land on the 督查看板.
import { formatChineseDate, landingOf } from '@paicha/core';
import { Card, Col, Empty, Result, Row, Space, Spin, Tag, Typography } from 'antd';
import { Link, Navigate } from 'react-router-dom';
import { notificationsApi, notificationsChanged } from '../../api/notifications';
import { type WorkbenchEntry, workbenchApi } from '../../api/workbench';
import { useUser } from '../../auth/AuthContext';
import { useCampaign } from '../../campaign/CampaignContext';
import { LoadError } from '../../components/LoadError';
import { useAsync } from '../../hooks/useAsync';
import { WorkbenchSectionCard } from './WorkbenchSectionCard';

/** Opening a notice from here reads it, as opening it from the bell does. */
function openNotice(e: WorkbenchEntry) {
  notificationsApi.read([Number(e.key)]).then(notificationsChanged, () => {});
}

function Workbench() {
  const user = useUser();
  const { campaigns, campaignId, error: listError, reload: reloadList } = useCampaign();
  const { data, error, loading, reload } = useAsync(
    async () => (campaignId === undefined ? undefined : workbenchApi.get(campaignId)),
    [campaignId],
  );

  if (listError) return <LoadError error={listError} onRetry={reloadList} />;
  if (campaigns && !campaigns.length) return <Empty description="尚未创建排查活动" />;
  if (error) return <LoadError error={error} onRetry={reload} />;
  if (loading || !data) return <Spin style={{ display: 'block', margin: 48 }} />;

  const waiting = data.sections.filter((s) => s.count > 0);
  const clear = data.sections.filter((s) => s.count === 0);
  return (
    <Space
      direction="vertical"
      size="middle"
      style={{ width: '100%' }}
      data-testid="workbench"
      data-total={data.total}
    >
      <Card size="small">
        <div
          style={{
            display: 'flex',
            justifyContent: 'space-between',
            alignItems: 'center',
            gap: 16,
            flexWrap: 'wrap',
          }}
        >
          <div>
            <Typography.Title level={4} style={{ margin: 0 }}>
              待办事项
            </Typography.Title>
            <Typography.Text type="secondary">
              {user.unit.name} · 今天是{formatChineseDate(data.today)}
              {data.total > 0 ? `，共有 ${data.total} 项等待办理` : ''}
            </Typography.Text>
          </div>
          <Link to="/overview" data-testid="workbench-overview">
            查看工作概览（阶段、时间节点、37项排查事项）
          </Link>
        </div>
      </Card>
      {waiting.length === 0 && (
        <Card>
          <Result status="success" title="暂无待办事项" subTitle="需要您办理的事项会显示在这里" />
        </Card>
      )}
      <Row gutter={[16, 16]}>
        {waiting.map((s) => (
          <Col key={s.key} xs={24} xl={12}>
            <WorkbenchSectionCard section={s} {...(s.key === 'notices' ? { onOpen: openNotice } : {})} />
          </Col>
        ))}
      </Row>
      {clear.length > 0 && waiting.length > 0 && (
        <Card size="small" data-testid="workbench-clear">
          <Space wrap size={[8, 8]}>
            <Typography.Text type="secondary">以下事项暂无待办：</Typography.Text>
            {clear.map((s) => (
              <Link key={s.key} to={s.link} data-testid="workbench-clear-item" data-key={s.key}>
                <Tag color="green">{s.title}</Tag>
              </Link>
            ))}
          </Space>
        </Card>
      )}
    </Space>
  );
}

export default function WorkbenchPage() {
  const user = useUser();
  if (landingOf(user.role) === 'supervision') return <Navigate to="/supervision" replace />;
  return <Workbench />;
}
