import { ArrowLeftOutlined } from '@ant-design/icons';
import {
  EXIT_STATUS_LABELS,
  type ExitStatus,
  HOUSEHOLD_CATEGORY_LABELS,
  type HouseholdCategory,
  isAdmin,
} from '@paicha/core';
import { Alert, Button, Card, Descriptions, Space, Spin, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { ApiError } from '../../api/client';
import { householdsApi } from '../../api/households';
import type { HouseholdMember } from '../../api/householdTypes';
import { verificationApi } from '../../api/verification';
import { useUser } from '../../auth/AuthContext';
import { LoadError } from '../../components/LoadError';
import { testIdRow } from '../../components/rowProps';
import { useAsync } from '../../hooks/useAsync';
import { FindingDrawer } from './FindingDrawer';
import { findingColumns } from './findingColumns';
import { SourcesCard } from './HouseholdSources';
import { UNMASKED_NOTICE, UnmaskSwitch } from './UnmaskSwitch';
import { VisitRecords } from './VisitRecords';

const category = (v: string | null) => (v ? (HOUSEHOLD_CATEGORY_LABELS[v as HouseholdCategory] ?? v) : '—');
const exit = (v: string | null) => (v ? (EXIT_STATUS_LABELS[v as ExitStatus] ?? v) : '—');

/** A household of the current 国扶系统 roll: its members, its records in the other sources, its open findings. */
export default function HouseholdPage() {
  const { householdId = '' } = useParams();
  const user = useUser();
  const navigate = useNavigate();
  const [unmasked, setUnmasked] = useState(false);
  const [detail, setDetail] = useState<number>();
  const hh = useAsync(() => householdsApi.household(householdId, unmasked), [householdId, unmasked]);
  // A household with no findings in reach has no visits either (404): shown as none.
  const visits = useAsync(
    () => verificationApi.visits(householdId).catch(() => ({ items: [] })),
    [householdId],
  );
  const back = (
    <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(-1)}>
      返回
    </Button>
  );

  if (hh.error instanceof ApiError && hh.error.status === 404)
    return (
      <Card title={`户编号 ${householdId}`} extra={back}>
        <Alert
          type="warning"
          showIcon
          message="没有找到这一户"
          description={hh.error.message}
          data-testid="household-missing"
        />
      </Card>
    );
  if (hh.error) return <LoadError error={hh.error} onRetry={hh.reload} />;
  if (!hh.data) return <Spin style={{ display: 'block', margin: 48 }} />;
  const d = hh.data;
  const head = d.members.find((m) => m.isHead);

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }} data-testid="household">
      <Card
        title={`户编号 ${d.householdId}`}
        extra={
          <Space>
            {isAdmin(user.role) && <UnmaskSwitch value={unmasked} onChange={setUnmasked} />}
            {back}
          </Space>
        }
      >
        {!d.masked && (
          <Alert type="warning" showIcon message={UNMASKED_NOTICE} style={{ marginBottom: 16 }} />
        )}
        <Descriptions size="small" column={{ xs: 1, md: 3 }} bordered>
          <Descriptions.Item label="户主">{head?.name ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="乡镇（街道）">{d.township || '—'}</Descriptions.Item>
          <Descriptions.Item label="村（社区）">{d.village || '—'}</Descriptions.Item>
          <Descriptions.Item label="责任单位">
            {d.unit?.name ?? <Tag color="orange">地名待对应</Tag>}
          </Descriptions.Item>
          <Descriptions.Item label="家庭人口数">
            {head?.householdSize ?? d.members[0]?.householdSize ?? '—'}
          </Descriptions.Item>
          <Descriptions.Item label="贫困户属性">
            {category(head?.category ?? d.members[0]?.category ?? null)}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Card title={`家庭成员（国扶系统，${d.members.length} 人）`}>
        <Table<HouseholdMember>
          rowKey="row"
          size="small"
          bordered
          pagination={false}
          dataSource={d.members}
          onRow={(m) => testIdRow('member-row', { 'data-row': m.row })}
          columns={[
            { title: '文件行号', dataIndex: 'row', width: 90, align: 'center' },
            {
              title: '姓名',
              dataIndex: 'name',
              width: 100,
              render: (v: string | null, m) => (
                <>
                  {v ?? '—'} {m.isHead && <Tag color="blue">户主</Tag>}
                </>
              ),
            },
            {
              title: '证件号码',
              dataIndex: 'idNumber',
              width: 230,
              render: (v: string | null, m) => (
                <>
                  <span style={{ fontFamily: 'monospace' }}>{v ?? '—'}</span>
                  {!m.idValid && (
                    <Tag color="red" style={{ marginLeft: 6 }}>
                      无效
                    </Tag>
                  )}
                </>
              ),
            },
            {
              title: '与户主关系',
              dataIndex: 'relation',
              width: 100,
              render: (v: string | null) => <span data-testid="member-relation">{v ?? '—'}</span>,
            },
            { title: '贫困户属性', dataIndex: 'category', width: 110, render: category },
            { title: '脱贫状态', dataIndex: 'exitStatus', width: 90, render: exit },
            {
              title: '人均纯收入（元）',
              dataIndex: 'income',
              width: 130,
              align: 'right',
              render: (v: number | null) => (v === null ? '—' : v.toLocaleString('zh-CN')),
            },
            { title: '在校生/健康状况', dataIndex: 'remarks', render: (v: string | null) => v || '—' },
          ]}
        />
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
          成员信息取自国扶系统最近一次导入的数据；同一户在阳光扶贫和各部门数据中的记录见下方。
        </Typography.Paragraph>
      </Card>
      <SourcesCard sources={d.sources} />
      <Card title={`存在的问题线索（${d.findings.length} 条）`}>
        <Table
          rowKey="id"
          size="small"
          bordered
          pagination={false}
          dataSource={[...d.findings].sort((a, b) => a.checkItem - b.checkItem)}
          columns={findingColumns({
            showUnit: false,
            showHousehold: false,
            onDetail: (f) => setDetail(f.id),
          })}
          onRow={(f) => testIdRow('finding-row', { 'data-rule': f.rule })}
          locale={{ emptyText: '这一户没有存在的问题线索' }}
        />
      </Card>
      {visits.data && (
        <VisitRecords
          visits={visits.data.items}
          findingTitle={(id) => {
            const f = d.findings.find((x) => x.id === id);
            return f ? `序号${f.checkItem} ${f.ruleTitle}` : `线索 #${id}`;
          }}
        />
      )}
      {detail !== undefined && (
        <FindingDrawer
          id={detail}
          unmasked={unmasked}
          onClose={() => setDetail(undefined)}
          onChanged={() => {
            hh.reload();
            visits.reload();
          }}
        />
      )}
    </Space>
  );
}
