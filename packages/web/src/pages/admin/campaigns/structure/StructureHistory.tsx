// The structure's change history, newest first: version, when, who, what, why.
import type { StructureChange } from '@paicha/core/api/campaign-structure';
import { Table, Tag } from 'antd';
import { cnDateTime } from '../../../../components/dates';
import { testIdRow } from '../../../../components/rowProps';

export function StructureHistory({ changes }: { changes: StructureChange[] }) {
  return (
    <Table<StructureChange>
      rowKey="version"
      size="small"
      bordered
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      dataSource={changes}
      locale={{ emptyText: '尚无修改' }}
      onRow={(c) => testIdRow('structure-change', { 'data-version': c.version })}
      columns={[
        { title: '版本', dataIndex: 'version', width: 60, align: 'center' },
        { title: '时间', dataIndex: 'at', width: 170, render: cnDateTime },
        { title: '修改人', dataIndex: 'actorName', width: 100 },
        {
          title: '修改内容',
          key: 'summary',
          render: (_, c) => (
            <>
              <Tag>{c.actionLabel}</Tag>
              {c.summary}
            </>
          ),
        },
        {
          title: '原因',
          dataIndex: 'reason',
          width: 220,
          render: (reason: string, c) => reason || (c.started ? '' : '（活动开始前）'),
        },
      ]}
    />
  );
}
