import { Dropdown, Space, Table } from 'antd';
import type { SorterResult } from 'antd/es/table/interface';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { problemsApi } from '../../api/problems';
import type { LedgerList as ListName, Problem } from '../../api/problemTypes';
import type { CheckItem, Unit } from '../../api/types';
import { useUser } from '../../auth/AuthContext';
import { LoadError } from '../../components/LoadError';
import { testIdRow } from '../../components/rowProps';
import { PAGE_SIZES } from '../../hooks/tableQuery';
import { useAction } from '../../hooks/useAction';
import { useAsync } from '../../hooks/useAsync';
import { BatchBar } from './batch/BatchBar';
import { batchKindsFor, selectable } from './batch/batchRules';
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
  const user = useUser();
  const { filters, sort, order, page, pageSize } = lq;
  const listQuery = { campaignId, ...filters, sort, order };
  const queryKey = JSON.stringify(listQuery);
  const { data, error, loading, reload } = useAsync(
    () => problemsApi.list({ ...listQuery, page, pageSize }),
    [queryKey, page, pageSize],
  );
  // Ticked rows, kept across pages (with the version each was listed at) until the filters change.
  const [selected, setSelected] = useState(new Map<number, Problem>());
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new query is what clears the ticks
  useEffect(() => setSelected(new Map()), [queryKey]);
  const batches = batchKindsFor(user).length > 0;

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
      <BatchBar
        user={user}
        selected={[...selected.values()]}
        onClear={() => setSelected(new Map())}
        onDrop={(ids) => {
          setSelected((m) => new Map([...m].filter(([id]) => !ids.includes(id))));
          void reload();
        }}
        onDone={() => {
          setSelected(new Map());
          void reload();
        }}
      />
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
          rowSelection={
            batches
              ? {
                  preserveSelectedRowKeys: true,
                  selectedRowKeys: [...selected.keys()],
                  columnWidth: 40,
                  getCheckboxProps: (p) => ({ disabled: !selectable(user, p) }),
                  onChange: (keys, rows) => {
                    // Rows ticked on other pages are not in `rows`: keep what was known of them.
                    const known = new Map(rows.filter(Boolean).map((r) => [r.id, r]));
                    setSelected(
                      (m) =>
                        new Map(
                          keys.flatMap((k) => {
                            const p = known.get(Number(k)) ?? m.get(Number(k));
                            return p ? [[p.id, p] as const] : [];
                          }),
                        ),
                    );
                  },
                }
              : undefined
          }
          data-testid="problem-table"
          onRow={(p) => ({
            ...testIdRow('problem-row', { 'data-id': p.id }),
            onClick: (e) => {
              // Let the id link and text selection behave normally.
              const target = e.target as HTMLElement;
              if (target.closest('a, .ant-table-selection-column') || window.getSelection()?.toString())
                return;
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
