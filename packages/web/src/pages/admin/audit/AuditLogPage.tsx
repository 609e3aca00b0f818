import { DownloadOutlined } from '@ant-design/icons';
import { auditActionLabel, auditEntityLabel } from '@paicha/core';
import { Button, Card, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link } from 'react-router-dom';
import { type AuditEntry, auditLogApi } from '../../../api/audit';
import { unitsApi, usersApi } from '../../../api/endpoints';
import { cnDateTime } from '../../../components/dates';
import { LoadError } from '../../../components/LoadError';
import { testIdRow } from '../../../components/rowProps';
import { PAGE_SIZES } from '../../../hooks/tableQuery';
import { useAction } from '../../../hooks/useAction';
import { useAsync } from '../../../hooks/useAsync';
import { AuditDetail } from './AuditDetail';
import { AuditFilters } from './AuditFilters';
import { AuditStatusCard } from './AuditStatusCard';
import { useAuditQuery } from './auditQuery';

/**
 * The object in words: 用户 王主任（wangzr）, 单位 中云街道; a problem by its number and what it is
 * (问题 #12 3户危房…), as the ledger calls it; the number alone when it has no name (deleted since).
 */
function entityText(e: AuditEntry): string {
  const kind = auditEntityLabel(e.entity);
  const number = e.entityId === null ? '' : ` #${e.entityId}`;
  if (!e.entityName) return `${kind}${number}`;
  return e.entity === 'problem' ? `${kind}${number} ${e.entityName}` : `${kind} ${e.entityName}`;
}

/** Where an entity can be opened in the app, when it has a page of its own. */
function entityLink(e: AuditEntry): string | null {
  if (e.entityId === null) return null;
  if (e.entity === 'problem') return `/problems/${e.entityId}`;
  return null;
}

const columns: ColumnsType<AuditEntry> = [
  { title: '序号', dataIndex: 'id', width: 72 },
  { title: '时间', dataIndex: 'at', width: 170, render: (at: string) => cnDateTime(at) },
  {
    title: '操作人',
    key: 'actor',
    width: 280,
    render: (_, e) =>
      e.actor ? (
        <>
          {e.actor.name}
          {e.actor.unit && <Typography.Text type="secondary">（{e.actor.unit}）</Typography.Text>}
        </>
      ) : (
        <Typography.Text type="secondary">系统</Typography.Text>
      ),
  },
  {
    title: '操作',
    dataIndex: 'action',
    width: 170,
    render: (a: string) => <span data-testid="audit-action">{auditActionLabel(a)}</span>,
  },
  {
    title: '对象',
    key: 'entity',
    render: (_, e) => {
      const link = entityLink(e);
      const label = entityText(e);
      return <span data-testid="audit-entity">{link ? <Link to={link}>{label}</Link> : label}</span>;
    },
  },
];

/** 审计日志: every recorded step, who took it and when, for the office to look up and file. */
export default function AuditLogPage() {
  const aq = useAuditQuery();
  const { query, page, pageSize, update } = aq;
  const people = useAsync(() => Promise.all([usersApi.list(), unitsApi.list()]), []);
  const entries = useAsync(
    () => auditLogApi.entries({ ...query, page, pageSize }),
    [JSON.stringify(query), page, pageSize],
  );
  const exportList = useAction(() => auditLogApi.exportEntries(query));
  const [users, units] = people.data ?? [[], []];

  return (
    <Card
      title="审计日志"
      extra={
        <Button
          icon={<DownloadOutlined />}
          loading={exportList.busy}
          onClick={() => void exportList.run()}
          data-testid="audit-export"
        >
          导出Excel
        </Button>
      }
    >
      <AuditStatusCard />
      <AuditFilters aq={aq} users={users} units={units} />
      {query.entityId && (
        <Tag closable onClose={() => update({ entityId: undefined })} style={{ marginBottom: 12 }}>
          只看{query.entity ? auditEntityLabel(query.entity) : '对象'} #{query.entityId}
        </Tag>
      )}
      {entries.error ? (
        <LoadError error={entries.error} onRetry={entries.reload} />
      ) : (
        <Table<AuditEntry>
          rowKey="id"
          size="small"
          bordered
          loading={entries.loading}
          dataSource={entries.data?.items}
          columns={columns}
          onRow={(e) => testIdRow('audit-row', { 'data-action': e.action, 'data-id': String(e.id) })}
          expandable={{
            expandedRowRender: (e) => <AuditDetail detail={e.detail} />,
            expandRowByClick: true,
          }}
          locale={{ emptyText: '没有符合条件的记录' }}
          pagination={{
            current: page,
            pageSize,
            total: entries.data?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: PAGE_SIZES,
            showTotal: (t) => `共 ${t} 条记录`,
            onChange: (p, size) =>
              update(size === pageSize ? { page: p } : { pageSize: size, page: undefined }),
          }}
        />
      )}
    </Card>
  );
}
