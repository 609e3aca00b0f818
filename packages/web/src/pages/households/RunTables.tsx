import { Table, Tag } from 'antd';
import type { RuleOutcome, ScreeningRuleView, ScreeningRun } from '../../api/householdTypes';
import { cnDateTime } from '../../components/dates';

/** What each rule found in one run, or why it did not run (停用, 缺少数据). */
export function RuleOutcomes({ run, rules }: { run: ScreeningRun; rules: ScreeningRuleView[] }) {
  const title = (id: string) => rules.find((r) => r.id === id)?.title ?? id;
  return (
    <Table<RuleOutcome>
      size="small"
      rowKey="id"
      pagination={false}
      dataSource={run.summary.rules ?? []}
      columns={[
        {
          title: '序号',
          dataIndex: 'checkItem',
          width: 70,
          align: 'center',
          sorter: (a, b) => a.checkItem - b.checkItem,
          // An unmapped rule has no item in the campaign: its findings stay out of the ledger.
          render: (seq: number, o) => (o.unmapped ? <Tag color="warning">未对应</Tag> : seq),
        },
        { title: '规则', dataIndex: 'id', render: (id: string) => title(id) },
        {
          title: '发现',
          dataIndex: 'findings',
          width: 90,
          align: 'right',
          sorter: (a, b) => a.findings - b.findings,
          render: (n: number, o) => (o.skipped ? '—' : n),
        },
        {
          title: '说明',
          dataIndex: 'skipped',
          width: 260,
          render: (s: string | null) =>
            s ? <Tag color="default">未检查：{s}</Tag> : <Tag color="success">已检查</Tag>,
        },
      ]}
    />
  );
}

const STATUS = {
  running: ['进行中', 'processing'],
  done: ['完成', 'success'],
  failed: ['失败', 'error'],
} as const;

/** Earlier runs of the campaign, newest first. */
export function RunHistory({ runs }: { runs: ScreeningRun[] }) {
  return (
    <Table<ScreeningRun>
      size="small"
      rowKey="id"
      dataSource={runs}
      pagination={{ pageSize: 10, hideOnSinglePage: true }}
      columns={[
        { title: '开始时间', dataIndex: 'startedAt', width: 180, render: cnDateTime },
        {
          title: '状态',
          dataIndex: 'status',
          width: 90,
          render: (s: ScreeningRun['status']) => <Tag color={STATUS[s][1]}>{STATUS[s][0]}</Tag>,
        },
        { title: '问题线索', width: 90, align: 'right', render: (_, r) => r.summary.findings ?? '—' },
        { title: '新发现', width: 90, align: 'right', render: (_, r) => r.summary.new ?? '—' },
        {
          title: '仍存在',
          width: 90,
          align: 'right',
          render: (_, r) =>
            r.summary.stillOpen === undefined ? '—' : r.summary.stillOpen + (r.summary.reappeared ?? 0),
        },
        { title: '已不再发现', width: 100, align: 'right', render: (_, r) => r.summary.resolved ?? '—' },
        { title: '说明', dataIndex: 'message', render: (m: string) => m || '' },
      ]}
    />
  );
}
