// 待上传: the visits still on the phone, how many, and why one was refused (kept until deleted).
import { Alert, Button, Card, List, Popconfirm, Space, Typography } from 'antd';
import { cnDateTime } from '../../components/dates';
import { useOutbox } from './useOutbox';

export function OutboxCard() {
  const { drafts, online, syncing, sync, remove } = useOutbox();
  if (drafts.length === 0) return null;
  return (
    <Card
      size="small"
      style={{ marginBottom: 12, borderColor: '#faad14' }}
      data-testid="outbox"
      data-count={drafts.length}
      title={<span data-testid="outbox-title">待上传 {drafts.length} 条核实记录</span>}
      extra={
        <Button size="small" loading={syncing} disabled={!online} onClick={() => void sync()}>
          立即上传
        </Button>
      }
    >
      {!online && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 8 }}
          message="当前没有网络。记录已保存在手机上，恢复网络后自动上传。"
        />
      )}
      <List
        size="small"
        dataSource={drafts}
        renderItem={(d) => (
          <List.Item data-testid="outbox-item" data-household={d.householdId}>
            <Space direction="vertical" size={0} style={{ width: '100%' }}>
              <Typography.Text strong>户编号 {d.householdId}</Typography.Text>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                记录于 {cnDateTime(d.visit.recordedAt)} · 照片 {d.photos.length} 张
              </Typography.Text>
              {d.error && (
                <Space wrap>
                  <Typography.Text type="danger">未能上传：{d.error}</Typography.Text>
                  <Popconfirm
                    title="删除这条未上传的记录？"
                    okText="删除"
                    cancelText="取消"
                    onConfirm={() => remove(d.clientId)}
                  >
                    <Button size="small" danger>
                      删除
                    </Button>
                  </Popconfirm>
                </Space>
              )}
            </Space>
          </List.Item>
        )}
      />
    </Card>
  );
}
