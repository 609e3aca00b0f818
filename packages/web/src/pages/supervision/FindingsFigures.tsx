// 数据比对 findings on the dashboard, counted apart from the problems above them: one problem per
// street × rule holds a street's findings, so the campaign's figures stay about problems while the
// data work (found, checked at the household, cleared, 不属实) stays visible here.
import { Card, Empty, Space, Statistic, Table } from 'antd';
import { Link } from 'react-router-dom';
import type { Dashboard } from './api';

type Row = Dashboard['findings']['units'][number];

const FIGURES = [
  { key: 'found', title: '发现线索' },
  { key: 'verified', title: '已入户核实' },
  { key: 'cleared', title: '再次比对已消除' },
  { key: 'disputeAccepted', title: '认定不属实' },
  { key: 'done', title: '已完成' },
] as const;

export function FindingsFigures({ d }: { d: Dashboard }) {
  const f = d.findings;
  return (
    <Card
      title="数据比对问题线索（单独统计，不计入上方问题数）"
      size="small"
      extra={<Link to="/households">查看筛查结果</Link>}
      data-testid="dashboard-findings"
    >
      {f.totals.found === 0 ? (
        <Empty description="本活动尚无数据比对问题线索" />
      ) : (
        <Space direction="vertical" size="middle" style={{ width: '100%' }}>
          <Space size={48} wrap>
            {FIGURES.map((k) => (
              <Statistic key={k.key} title={k.title} value={f.totals[k.key]} />
            ))}
          </Space>
          <Table<Row>
            rowKey={(r) => r.unit.id}
            size="small"
            pagination={false}
            dataSource={f.units}
            columns={[
              { title: '单位', render: (_, r) => r.unit.name },
              ...FIGURES.map((k) => ({
                title: k.title,
                align: 'center' as const,
                width: 120,
                render: (_: unknown, r: Row) => r[k.key],
              })),
              {
                title: '完成率',
                align: 'center' as const,
                width: 100,
                render: (_: unknown, r: Row) => (r.found ? `${Math.floor((r.done * 100) / r.found)}%` : '—'),
              },
            ]}
          />
        </Space>
      )}
    </Card>
  );
}
