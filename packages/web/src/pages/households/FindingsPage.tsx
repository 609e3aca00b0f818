import { DownloadOutlined, SettingOutlined } from '@ant-design/icons';
import { isAdmin, mayTake, seesAllUnits } from '@paicha/core';
import { Alert, Button, Card, Empty, Space, Spin, Table } from 'antd';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { unitsApi } from '../../api/endpoints';
import { householdsApi } from '../../api/households';
import type { Finding } from '../../api/householdTypes';
import { workbenchApi, workbenchChanged } from '../../api/workbench';
import { useUser } from '../../auth/AuthContext';
import { useCampaign } from '../../campaign/CampaignContext';
import { CampaignPicker } from '../../components/CampaignPicker';
import { LoadError } from '../../components/LoadError';
import { testIdRow } from '../../components/rowProps';
import { PAGE_SIZES } from '../../hooks/tableQuery';
import { useAction } from '../../hooks/useAction';
import { useAsync } from '../../hooks/useAsync';
import { BatchBar } from './BatchBar';
import { FindingDrawer } from './FindingDrawer';
import { FindingsFilters } from './FindingsFilters';
import { findingColumns } from './findingColumns';
import { apiQuery, useFindingsQuery } from './findingsQuery';
import { ScreeningPanel } from './ScreeningPanel';
import { TrendCard } from './TrendCard';
import { UNMASKED_NOTICE, UnmaskSwitch } from './UnmaskSwitch';

/**
 * 筛查结果: what the screenings found. The office runs screenings and sees every street (and the
 * findings whose place is not yet mapped); a street sees only its own — the server scopes.
 */
export default function FindingsPage() {
  const user = useUser();
  const navigate = useNavigate();
  const { campaigns, campaignId } = useCampaign();
  const wide = seesAllUnits(user.role);
  const office = isAdmin(user.role);
  const fq = useFindingsQuery();
  const { view } = fq;
  const [unmasked, setUnmasked] = useState(false);
  const [detail, setDetail] = useState<number>();
  const [runsDone, setRunsDone] = useState(0);
  // The office has now seen the screening results: its 待办 counts only runs finished later.
  useEffect(() => {
    if (office) workbenchApi.seen('screening').then(workbenchChanged, () => {});
  }, [office]);
  // The street's clerks tick findings for the batch steps.
  const clerk = mayTake(user.role, 'finding.verify');
  const [selected, setSelected] = useState<number[]>([]);
  const rules = useAsync(() => householdsApi.rules(), []);
  const streets = useAsync(
    async () => (wide ? (await unitsApi.list()).filter((u) => u.kind === 'street') : undefined),
    [wide],
  );
  const query = apiQuery(view, campaignId, unmasked);
  const findings = useAsync(
    async () =>
      campaignId === undefined
        ? undefined
        : householdsApi.findings({ ...query, page: view.page, pageSize: view.pageSize }),
    [JSON.stringify(query), view.page, view.pageSize],
  );

  const exportList = useAction(() => householdsApi.exportFindings(query));

  const title = wide ? '筛查结果' : `筛查结果（${user.unit.name}）`;
  if (campaigns && !campaigns.length)
    return (
      <Card title={title}>
        <Empty description="尚未创建排查活动" />
      </Card>
    );
  if (campaignId === undefined) return <Spin style={{ display: 'block', margin: 48 }} />;

  return (
    <>
      {wide && (
        <ScreeningPanel
          campaignId={campaignId}
          canRun={office}
          rules={rules.data ?? []}
          onFinished={() => {
            findings.reload();
            setRunsDone((n) => n + 1);
          }}
        />
      )}
      <TrendCard campaignId={campaignId} wide={wide} version={runsDone} />
      <Card
        title={title}
        data-testid="findings"
        extra={
          <Space wrap>
            <CampaignPicker />
            {office && <UnmaskSwitch value={unmasked} onChange={setUnmasked} />}
            <Button icon={<SettingOutlined />} onClick={() => navigate('/households/rules')}>
              筛查规则
            </Button>
            <Button
              icon={<DownloadOutlined />}
              onClick={() => void exportList.run()}
              data-testid="findings-export"
            >
              导出Excel
            </Button>
          </Space>
        }
      >
        {unmasked && (
          <Alert
            type="warning"
            showIcon
            message={UNMASKED_NOTICE}
            style={{ marginBottom: 16 }}
            data-testid="unmasked-notice"
          />
        )}
        {!wide && (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 16 }}
            message="这里是区里比对国扶系统、阳光扶贫和各部门数据后发现的本街道问题线索；每条已自动登记到本单位问题台账（来源“数据比对”）。请逐条核实（属实、不属实或已整改），可勾选后批量标记属实或交村干部入户核实；整改在台账中办理。姓名和证件号码已脱敏。"
          />
        )}
        <FindingsFilters fq={fq} rules={rules.data ?? []} streets={streets.data} />
        {clerk && (
          <BatchBar
            ids={selected}
            onDone={() => {
              setSelected([]);
              findings.reload();
            }}
          />
        )}
        {findings.error ? (
          <LoadError error={findings.error} onRetry={findings.reload} />
        ) : (
          <Table<Finding>
            rowKey="id"
            size="small"
            bordered
            loading={findings.loading}
            dataSource={findings.data?.items}
            rowSelection={
              clerk
                ? {
                    selectedRowKeys: selected,
                    onChange: (keys) => setSelected(keys as number[]),
                    getCheckboxProps: (f) => ({ disabled: f.status !== 'open' }),
                  }
                : undefined
            }
            columns={findingColumns({
              showUnit: wide,
              onDetail: (f) => setDetail(f.id),
              sorted: { sort: view.sort, order: view.order },
            })}
            onRow={(f) =>
              testIdRow('finding-row', { 'data-rule': f.rule, 'data-household': f.householdId ?? '' })
            }
            scroll={{ x: 1240 }}
            locale={{ emptyText: view.status === 'open' ? '没有存在的问题线索' : '没有符合条件的问题线索' }}
            pagination={{
              current: view.page,
              pageSize: view.pageSize,
              total: findings.data?.total ?? 0,
              showSizeChanger: true,
              pageSizeOptions: PAGE_SIZES,
              showTotal: (t) => `共 ${t} 条问题线索`,
              onChange: (page, pageSize) =>
                fq.update(pageSize === view.pageSize ? { page } : { pageSize, page: undefined }),
            }}
            onChange={(_pg, _filters, sorter, extra) => {
              if (extra.action !== 'sort') return;
              const s = Array.isArray(sorter) ? sorter[0] : sorter;
              // A third click clears the order: back to 序号.
              fq.update(
                s?.order
                  ? { sort: String(s.columnKey), order: s.order === 'descend' ? 'desc' : 'asc' }
                  : { sort: undefined, order: undefined },
              );
            }}
          />
        )}
      </Card>
      {detail !== undefined && (
        <FindingDrawer
          id={detail}
          unmasked={unmasked}
          onClose={() => setDetail(undefined)}
          onChanged={findings.reload}
        />
      )}
    </>
  );
}
