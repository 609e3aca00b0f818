// 单位评分: each unit's reporting timeliness, overdue problems, closure rate and returns over a
// chosen period, the composite score and ranking with the formula beside it; Excel export and,
// for the office, a 通报 draft built from exactly these figures. The period lives in the URL.
import { FileExcelOutlined, FileWordOutlined, SettingOutlined } from '@ant-design/icons';
import { isAdmin } from '@paicha/core';
import { App, Button, Card, DatePicker, Empty, Space, Spin, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { useUser } from '../../auth/AuthContext';
import { useCampaign } from '../../campaign/CampaignContext';
import { CampaignPicker } from '../../components/CampaignPicker';
import { CN_DATE_FORMATS, cnDate } from '../../components/dates';
import { LoadError } from '../../components/LoadError';
import { testIdRow } from '../../components/rowProps';
import { useAction } from '../../hooks/useAction';
import { useAsync } from '../../hooks/useAsync';
import { type Period, type ScorecardRow, supervisionApi } from './api';
import { RulesModal } from './RulesModal';
import { FormulaCard, GroupsCard } from './ScorecardNotes';
import { scorecardColumns } from './scorecardColumns';

export default function ScorecardPage() {
  const user = useUser();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const { campaigns, campaignId } = useCampaign();
  const [params, setParams] = useSearchParams();
  const period: Period = useMemo(
    () => ({ from: params.get('from') ?? undefined, to: params.get('to') ?? undefined }),
    [params],
  );
  const {
    data: sc,
    error,
    loading,
    reload,
  } = useAsync(
    async () => (campaignId === undefined ? undefined : supervisionApi.scorecard(campaignId, period)),
    [campaignId, period],
  );
  const [rulesOpen, setRulesOpen] = useState(false);
  const { run, busy } = useAction((f: () => Promise<void>) => f());
  const office = isAdmin(user.role);

  if (campaigns && !campaigns.length) return <Empty description="尚未创建排查活动" />;
  if (error) return <LoadError error={error} onRetry={reload} />;
  if (!sc || campaignId === undefined) return <Spin style={{ display: 'block', margin: 48 }} />;

  const chosen = { from: sc.period.from, to: sc.period.to };
  const draft = () =>
    run(async () => {
      const c = await supervisionApi.createCircular(campaignId, chosen);
      message.success('已生成通报草稿，请审核');
      navigate(`/supervision/circulars/${c.id}`);
    });

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title="单位评分排名"
        extra={<CampaignPicker />}
        size="small"
        actions={undefined}
        data-testid="scorecard"
      >
        <Space wrap style={{ marginBottom: 12 }}>
          <Typography.Text>统计期间</Typography.Text>
          <DatePicker.RangePicker
            aria-label="统计期间"
            allowClear={false}
            format={CN_DATE_FORMATS}
            value={[dayjs(sc.period.from), dayjs(sc.period.to)]}
            onChange={(v) => {
              if (!v?.[0] || !v[1]) return;
              setParams({ from: v[0].format('YYYY-MM-DD'), to: v[1].format('YYYY-MM-DD') });
            }}
          />
          <Button onClick={() => setParams({})}>活动开始至今</Button>
          <Button
            icon={<FileExcelOutlined />}
            data-testid="scorecard-export"
            onClick={() => void run(() => supervisionApi.exportScorecard(campaignId, chosen))}
          >
            导出 Excel
          </Button>
          {office && (
            <>
              <Button
                type="primary"
                icon={<FileWordOutlined />}
                loading={busy}
                data-testid="generate-circular"
                onClick={() => void draft()}
              >
                生成通报草稿
              </Button>
              <Button icon={<SettingOutlined />} onClick={() => setRulesOpen(true)} data-testid="rules-open">
                评分与通报规则
              </Button>
            </>
          )}
        </Space>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 12 }}>
          报送按{cnDate(sc.period.from)}至{cnDate(sc.period.to)}期间到期的月报和节点报送统计（
          {sc.reportsDue.length === 0 ? '期间内无到期报送' : sc.reportsDue.map((r) => r.title).join('、')}
          ）；问题数据截至{cnDate(sc.period.asOf)}；退回按期间内发生的次数统计。
        </Typography.Paragraph>
        <Table<ScorecardRow>
          rowKey={(r) => r.unit.id}
          size="small"
          bordered
          loading={loading}
          pagination={false}
          columns={scorecardColumns(sc.period.asOf === sc.period.today)}
          dataSource={sc.units}
          scroll={{ x: 1330 }}
          onRow={(r) => testIdRow('scorecard-row', { 'data-unit': r.unit.name, 'data-rank': r.rank ?? '' })}
        />
      </Card>
      <FormulaCard sc={sc} />
      <GroupsCard sc={sc} />
      {rulesOpen && <RulesModal rules={sc.rules} onClose={() => setRulesOpen(false)} onSaved={reload} />}
    </Space>
  );
}
