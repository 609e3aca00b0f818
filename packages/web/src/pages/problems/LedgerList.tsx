import { Dropdown, Space, Table } from 'antd';
import type { SorterResult } from 'antd/es/table/interface';
import { useNavigate } from 'react-router-dom';
import { problemsApi } from '../../api/problems';
import type { LedgerList as ListName, Problem } from '../../api/problemTypes';
import type { CheckItem, Unit } from '../../api/types';
import { LoadError } from '../../components/LoadError';
import { testIdRow } from '../../components/rowProps';
import { PAGE_SIZES } from '../../hooks/tableQuery';
import { useAction } from '../../hooks/useAction';
import { useAsync } from '../../hooks/useAsync';
import { LedgerFilters } from './LedgerFilters';
import { ledgerColumns } from './ledgerColumns';
import type { ListView, useLedgerQuery } from './ledgerQuery';

const LIST_NAMES: Record<ListView, string> = {
  problems: '问题清单',
  responsibility: '责任清单',
  rectification: '整改清单',
};

interface Props {
  campaignId: number;
  view: ListView;
  lq: ReturnType<typeof useLedgerQuery>;
  units: Unit[] | undefined;
  items: CheckItem[];
}

/** One of the three lists: filters, the server-paginated table, and its Excel export. */
export function LedgerList({ campaignId, view, lq, units, items }: Props) {
  const navigate = useNavigate();
  const { filters, sort, order, page, pageSize } = lq;
  const listQuery = { campaignId, ...filters, sort, order };
  const { data, error, loading, reload } = useAsync(
    () => problemsApi.list({ ...listQuery, page, pageSize }),
    [JSON.stringify(listQuery), page, pageSize],
  );

  const exporting = useAction((list: ListName) => problemsApi.exportList(listQuery, list));

  const filtered = Object.values(filters).some(Boolean);
  return (
    <>
      <LedgerFilters
        filters={filters}
        units={units}
        items={items}
        onChange={lq.update}
        onClear={lq.clearFilters}
      />
      <Space style={{ marginBottom: 12 }}>
        <Dropdown.Button
          loading={exporting.busy}
          data-testid="export-button"
          onClick={() => void exporting.run(view)}
          menu={{
            items: [{ key: 'all', label: '导出三张清单（同一文件三个工作表）' }],
            onClick: () => void exporting.run('all'),
          }}
        >
          导出Excel（{LIST_NAMES[view]}）
        </Dropdown.Button>
        <span style={{ color: 'rgba(0,0,0,0.45)' }}>按当前筛选条件导出全部符合的问题</span>
      </Space>
      {error ? (
        <LoadError error={error} onRetry={reload} />
      ) : (
        <Table<Problem>
          rowKey="id"
          size="middle"
          bordered
          loading={loading}
          dataSource={data?.items ?? []}
          columns={ledgerColumns(view, {
            sort,
            order,
            statuses: filters.status ? filters.status.split(',') : [],
            showUnit: units !== undefined,
          })}
          tableLayout="fixed"
          data-testid="problem-table"
          onRow={(p) => ({
            ...testIdRow('problem-row', { 'data-id': p.id }),
            onClick: (e) => {
              // Let the id link and text selection behave normally.
              if ((e.target as HTMLElement).closest('a') || window.getSelection()?.toString()) return;
              navigate(`/problems/${p.id}`);
            },
            style: { cursor: 'pointer' },
          })}
          pagination={{
            current: page,
            pageSize,
            total: data?.total ?? 0,
            pageSizeOptions: PAGE_SIZES,
            showSizeChanger: true,
            showTotal: (t) => (data?.totalCapped ? `超过 ${t} 个问题，请缩小搜索范围` : `共 ${t} 个问题`),
          }}
          onChange={(pg, tableFilters, sorter, extra) => {
            const s = (Array.isArray(sorter) ? sorter[0] : sorter) as SorterResult<Problem> | undefined;
            if (extra.action === 'paginate') {
              lq.update({ page: pg.current ?? 1, pageSize: pg.pageSize ?? 20 });
            } else if (extra.action === 'sort') {
              lq.update({
                sort: s?.order ? String(s.columnKey) : '',
                order: s?.order === 'ascend' ? 'asc' : s?.order ? 'desc' : '',
              });
            } else if (extra.action === 'filter') {
              lq.update({ status: ((tableFilters.status ?? []) as string[]).join(',') });
            }
          }}
          locale={{ emptyText: filtered ? '没有符合筛选条件的问题' : '尚未登记问题' }}
        />
      )}
    </>
  );
}
