import { Card, Empty, Table, Tabs, Tag } from 'antd';
import type { HouseholdSourceRecord, HouseholdSourceRecords } from '../../api/householdTypes';
import { testIdRow } from '../../components/rowProps';

/**
 * The household as 阳光扶贫 and each department's list holds it, one tab per imported source: the
 * clerk checks a finding against the records it came from without opening the files.
 */
export function SourcesCard({ sources }: { sources: HouseholdSourceRecords[] }) {
  if (sources.length === 0)
    return (
      <Card title="其他来源的记录">
        <Empty description="尚未导入阳光扶贫或部门数据" />
      </Card>
    );
  return (
    <Card title="其他来源的记录" data-testid="household-sources">
      <Tabs
        items={sources.map((s) => ({
          key: s.source,
          label: (
            <span data-testid={`source-tab-${s.source}`}>
              {s.label} <Tag color={s.records.length ? 'blue' : 'default'}>{s.records.length}</Tag>
            </span>
          ),
          children: (
            <Table<HouseholdSourceRecord>
              rowKey="row"
              size="small"
              bordered
              pagination={false}
              dataSource={s.records}
              onRow={(r) => testIdRow('source-row', { 'data-source': s.source, 'data-row': r.row })}
              locale={{ emptyText: `${s.label}中没有这一户的记录` }}
              columns={[
                { title: '文件行号', dataIndex: 'row', width: 90, align: 'center' },
                { title: '姓名', dataIndex: 'name', width: 110, render: (v: string | null) => v ?? '—' },
                {
                  title: '证件号码',
                  dataIndex: 'idNumber',
                  width: 220,
                  render: (v: string | null) => <span style={{ fontFamily: 'monospace' }}>{v ?? '—'}</span>,
                },
                {
                  title: '记录内容',
                  dataIndex: 'fields',
                  render: (fields: HouseholdSourceRecord['fields']) =>
                    fields.length === 0
                      ? '—'
                      : fields.map((f) => (
                          <span key={f.label} style={{ marginRight: 16, whiteSpace: 'nowrap' }}>
                            {f.label}：{f.value}
                          </span>
                        )),
                },
              ]}
            />
          ),
        }))}
      />
    </Card>
  );
}
