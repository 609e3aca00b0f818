// A row's detail as a clerk reads it: what changed (field, before, after) and the rest as
// label: value lines — core's describeAuditDetail, the same reading the export writes.
import { describeAuditDetail } from '@paicha/core';
import { Descriptions, Table, Typography } from 'antd';

export function AuditDetail({ detail }: { detail: unknown }) {
  const { changes, facts } = describeAuditDetail(detail);
  if (!changes.length && !facts.length) return <Typography.Text type="secondary">无详细内容</Typography.Text>;
  return (
    <div data-testid="audit-detail" style={{ maxWidth: 960 }}>
      {changes.length > 0 && (
        <Table
          size="small"
          bordered
          pagination={false}
          rowKey="field"
          dataSource={changes}
          style={{ marginBottom: facts.length ? 12 : 0 }}
          data-testid="audit-changes"
          columns={[
            { title: '字段', dataIndex: 'field', width: 160 },
            {
              title: '修改前',
              dataIndex: 'before',
              render: (v: string) => <Typography.Text delete>{v}</Typography.Text>,
            },
            {
              title: '修改后',
              dataIndex: 'after',
              render: (v: string) => <Typography.Text strong>{v}</Typography.Text>,
            },
          ]}
        />
      )}
      {facts.length > 0 && (
        <Descriptions size="small" bordered column={1} labelStyle={{ width: 160 }}>
          {facts.map((f) => (
            <Descriptions.Item key={f.label} label={f.label}>
              <span style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>{f.value}</span>
            </Descriptions.Item>
          ))}
        </Descriptions>
      )}
    </div>
  );
}
