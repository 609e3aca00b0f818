import { DownloadOutlined } from '@ant-design/icons';
import { Button, Card, Input, Segmented, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { householdsApi } from '../../../api/households';
import type { Finding } from '../../../api/householdTypes';
import type { Problem } from '../../../api/problemTypes';
import { LoadError } from '../../../components/LoadError';
import { useAction } from '../../../hooks/useAction';
import { useAsync } from '../../../hooks/useAsync';
import { FindingStatusTag, householdLink } from '../../households/findingColumns';

type Status = 'all' | 'open' | 'resolved';

const STATUS_OPTIONS: { label: string; value: Status }[] = [
  { label: '全部', value: 'all' },
  { label: '未完成', value: 'open' },
  { label: '已不再发现', value: 'resolved' },
];

/**
 * The findings a 数据比对 group holds (one street × rule), paged by the server in the order
 * found, filtered by village, state and text; the export streams the same filter as .xlsx.
 */
export function GroupFindings({ problem }: { problem: Problem }) {
  const [status, setStatus] = useState<Status>('all');
  const [village, setVillage] = useState('');
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const query = { problemId: problem.id, campaignId: problem.campaignId, status, village, q };
  const list = useAsync(
    () => householdsApi.findings({ ...query, page, pageSize }),
    [problem.id, problem.version, status, village, q, page, pageSize],
  );
  const exportList = useAction(() => householdsApi.exportFindings(query));
  const filter = (set: () => void) => {
    set();
    setPage(1);
  };

  return (
    <Card
      title={`问题线索清单（已完成 ${problem.findings?.done ?? 0} / ${problem.findings?.total ?? 0}）`}
      extra={
        <Button
          icon={<DownloadOutlined />}
          loading={exportList.busy}
          onClick={() => void exportList.run()}
          data-testid="group-findings-export"
        >
          导出Excel
        </Button>
      }
      data-testid="group-findings"
    >
      <Space wrap style={{ marginBottom: 12 }}>
        <Segmented<Status>
          options={STATUS_OPTIONS}
          value={status}
          onChange={(v) => filter(() => setStatus(v))}
          data-testid="group-findings-status"
        />
        <Input.Search
          allowClear
          placeholder="村（社区）名称"
          style={{ width: 180 }}
          onSearch={(v) => filter(() => setVillage(v.trim()))}
          data-testid="group-findings-village"
        />
        <Input.Search
          allowClear
          placeholder="户编号或描述中的文字"
          style={{ width: 220 }}
          onSearch={(v) => filter(() => setQ(v.trim()))}
          data-testid="group-findings-q"
        />
        <Typography.Text type="secondary">
          再次比对不再发现、或办公室认定不属实的问题线索计为已完成；全部完成后方可提交销号。
        </Typography.Text>
      </Space>
      {list.error !== undefined && !list.data ? (
        <LoadError error={list.error} onRetry={list.reload} />
      ) : (
        <Table<Finding>
          rowKey="id"
          size="small"
          loading={list.loading}
          dataSource={list.data?.items ?? []}
          onRow={(f) =>
            ({ 'data-testid': 'group-finding-row', 'data-household': f.householdId ?? '' }) as object
          }
          pagination={{
            current: page,
            pageSize,
            total: list.data?.total ?? 0,
            showSizeChanger: true,
            showTotal: (n) => `共 ${n} 条`,
            onChange: (p, s) => {
              setPage(s === pageSize ? p : 1);
              setPageSize(s);
            },
          }}
          columns={[
            { title: '户编号', width: 170, render: (_, f) => householdLink(f.householdId) },
            { title: '村（社区）', dataIndex: 'village', width: 120, render: (v: string) => v || '—' },
            { title: '问题描述', dataIndex: 'detail' },
            { title: '状态', width: 190, render: (_, f) => <FindingStatusTag f={f} /> },
          ]}
        />
      )}
    </Card>
  );
}
