import { Table, Typography } from 'antd';
import type { UploadPreview } from '../../api/householdTypes';

/** The first data rows as the import will read them (names and ID numbers masked). */
export function SampleTable({ preview }: { preview: UploadPreview }) {
  const rows = preview.sample.map((cells, i) => ({ key: i, cells }));
  return (
    <>
      <Typography.Title level={5} style={{ marginTop: 8 }}>
        数据样例（前 {rows.length} 行，姓名和证件号码已脱敏）
      </Typography.Title>
      <Table
        size="small"
        bordered
        pagination={false}
        dataSource={rows}
        scroll={{ x: 'max-content' }}
        data-testid="sample-table"
        columns={preview.columns.map((c, i) => ({
          key: c.column,
          title: (
            <div style={{ whiteSpace: 'nowrap' }}>
              {c.header}
              <div style={{ fontWeight: 400, fontSize: 12, color: c.field ? '#389e0d' : '#999' }}>
                {c.fieldLabel ?? '不导入'}
              </div>
            </div>
          ),
          render: (_: unknown, r: { cells: string[] }) => (
            <span style={{ whiteSpace: 'nowrap', color: c.field ? undefined : '#999' }}>{r.cells[i]}</span>
          ),
        }))}
      />
    </>
  );
}
