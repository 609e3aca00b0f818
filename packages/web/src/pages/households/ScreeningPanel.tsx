import { PlayCircleOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Collapse, Popconfirm, Row, Statistic, Tag } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router-dom';
import { householdsApi } from '../../api/households';
import type { ScreeningRuleView, ScreeningRun } from '../../api/householdTypes';
import { cnDateTime } from '../../components/dates';
import { LoadError } from '../../components/LoadError';
import { useAction } from '../../hooks/useAction';
import { useAsync } from '../../hooks/useAsync';
import { RuleOutcomes, RunHistory } from './RunTables';

const POLL_MS = 700;

/**
 * 开展比对筛查 and what the runs found: the latest run's summary (new / still there / no longer
 * found, per rule) and earlier runs. The office starts runs; leaders and inspectors read.
 */
export function ScreeningPanel(props: {
  campaignId: number;
  canRun: boolean;
  rules: ScreeningRuleView[];
  onFinished: () => void;
}) {
  const { campaignId } = props;
  const { message } = App.useApp();
  const runs = useAsync(() => householdsApi.screenings(campaignId), [campaignId]);
  // Live, not the run's snapshot: mapping a place routes its findings between runs.
  const unrouted = useAsync(
    async () =>
      (await householdsApi.findings({ campaignId, unrouted: 1, status: 'open', page: 1, pageSize: 1 })).total,
    [campaignId],
  );
  // The run started here: watched even if it ends before the list is read again.
  const [watching, setWatching] = useState<number>();
  const onFinished = useRef(props.onFinished);
  onFinished.current = props.onFinished;
  // Runs already reported, so a list read while one was running does not report it twice.
  const reported = useRef(new Set<number>());
  const start = useAction(async () => setWatching((await householdsApi.startScreening(campaignId)).id));
  const activeId =
    watching ?? runs.data?.find((r) => r.status === 'running' && !reported.current.has(r.id))?.id;

  // While a run is in progress (started here or elsewhere), poll it and refresh when it ends.
  useEffect(() => {
    if (activeId === undefined) return;
    let stopped = false;
    const timer = setInterval(async () => {
      try {
        const r = await householdsApi.screening(activeId);
        if (stopped || r.status === 'running') return;
        stopped = true;
        clearInterval(timer);
        reported.current.add(activeId);
        if (r.status === 'done')
          message.success(
            `比对完成：发现 ${r.summary.findings ?? 0} 条问题线索，其中新发现 ${r.summary.new ?? 0} 条`,
          );
        else message.error(r.message || '比对失败');
        setWatching(undefined);
        runs.reload();
        unrouted.reload();
        onFinished.current();
      } catch {
        // A missed poll is retried on the next tick.
      }
    }, POLL_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [activeId, message, runs.reload, unrouted.reload]);

  const running = activeId !== undefined;
  const latest: ScreeningRun | undefined = runs.data?.find(
    (r) => r.status !== 'running' && r.id !== activeId,
  );
  const s = latest?.summary;
  const runButton = props.canRun && (
    <Popconfirm
      title="用各系统当前导入的数据开展比对筛查？"
      description={
        <div style={{ maxWidth: 360 }}>
          新发现的问题将自动登记到所在街道的问题台账（来源“数据比对”）；此前发现、本次不再出现的问题线索标记为“已不再发现”。
        </div>
      }
      okText="开始比对"
      cancelText="取消"
      onConfirm={() => void start.run()}
      disabled={running}
    >
      <Button
        type="primary"
        icon={<PlayCircleOutlined />}
        loading={start.busy || running}
        data-testid="run-screening"
      >
        {running ? '正在比对…' : '开展比对筛查'}
      </Button>
    </Popconfirm>
  );

  return (
    <Card
      title="比对筛查"
      extra={runButton}
      style={{ marginBottom: 16 }}
      data-testid="screening-panel"
      data-run-status={running ? 'running' : (latest?.status ?? 'none')}
    >
      {runs.error ? (
        <LoadError error={runs.error} onRetry={runs.reload} />
      ) : !latest ? (
        <Alert
          type="info"
          showIcon
          message={running ? '正在比对，请稍候…' : '本次活动尚未开展比对筛查。'}
          description={
            props.canRun && !running ? '先在“数据导入”中导入国扶系统等数据，再开展比对筛查。' : undefined
          }
        />
      ) : latest.status === 'failed' ? (
        <Alert
          type="error"
          showIcon
          message={`最近一次比对失败（${cnDateTime(latest.startedAt)}）`}
          description={latest.message}
        />
      ) : (
        <>
          <div style={{ marginBottom: 12, color: '#666' }}>
            最近一次比对：{cnDateTime(latest.startedAt)}
            {s?.durationMs !== undefined &&
              (s.durationMs < 1000 ? '，用时不到 1 秒' : `，用时 ${Math.round(s.durationMs / 1000)} 秒`)}
            {running && (
              <Tag color="processing" style={{ marginLeft: 8 }}>
                正在进行新的比对
              </Tag>
            )}
          </div>
          <Row gutter={16} data-testid="run-summary">
            <Col span={4}>
              <Statistic title="问题线索" value={s?.findings ?? 0} />
            </Col>
            <Col span={4}>
              <Statistic title="新发现" value={s?.new ?? 0} valueStyle={{ color: '#cf1322' }} />
            </Col>
            <Col span={4}>
              <Statistic title="仍存在" value={(s?.stillOpen ?? 0) + (s?.reappeared ?? 0)} />
            </Col>
            <Col span={4}>
              <Statistic title="已不再发现" value={s?.resolved ?? 0} valueStyle={{ color: '#389e0d' }} />
            </Col>
            <Col span={4}>
              <Statistic title="新登记台账问题" value={s?.problemsCreated ?? 0} />
            </Col>
            <Col span={4}>
              <Statistic
                title="地名待对应的线索"
                value={unrouted.data ?? 0}
                valueStyle={unrouted.data ? { color: '#d46b08' } : undefined}
              />
              {!!unrouted.data && props.canRun && <Link to="/households/places">去对应街道</Link>}
            </Col>
          </Row>
          {!!s?.unfiled && (
            <Alert
              style={{ marginTop: 12 }}
              type="warning"
              showIcon
              data-testid="run-unfiled"
              message={`${s.unfiled} 条问题线索所属的比对规则未对应本活动的排查事项，未登记到台账`}
              description={
                <>
                  未对应的规则：
                  {(s.rules ?? [])
                    .filter((r) => r.unmapped)
                    .map((r) => props.rules.find((x) => x.id === r.id)?.title ?? r.id)
                    .join('、')}
                  。{props.canRun && <Link to="/admin/campaigns">到“活动管理 → 比对规则对应事项”设置</Link>}
                </>
              }
            />
          )}
          <Collapse
            ghost
            style={{ marginTop: 8 }}
            items={[
              {
                key: 'rules',
                label: '各规则发现的问题',
                children: <RuleOutcomes run={latest} rules={props.rules} />,
              },
              {
                key: 'runs',
                label: `比对记录（${runs.data?.length ?? 0} 次）`,
                children: <RunHistory runs={runs.data ?? []} />,
              },
            ]}
          />
        </>
      )}
    </Card>
  );
}
