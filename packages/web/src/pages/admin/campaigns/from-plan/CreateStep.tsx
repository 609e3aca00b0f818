import type { FromPlanRowError } from '@paicha/core/api/campaign-import';
import { Alert, App, Button, Descriptions, List, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { ApiError, errorMessage } from '../../../../api/client';
import { campaignsApi } from '../../../../api/endpoints';
import type { Unit } from '../../../../api/types';
import { useCampaign } from '../../../../campaign/CampaignContext';
import { cnDate } from '../../../../components/dates';
import { fromPlanBody, type PlanDraft, planProblems } from './planDraft';
import { monthlyPeriods } from './planMonths';

const STEP_NAMES = ['上传方案', '预览与责任单位', '活动信息'];

/** The server's refusal of single items (details.rows), when it gives them. */
function rowErrors(e: unknown): FromPlanRowError[] {
  if (!(e instanceof ApiError)) return [];
  const rows = (e.details as { rows?: FromPlanRowError[] } | undefined)?.rows;
  return Array.isArray(rows) ? rows : [];
}

/** Step 4: what will be created, what still stops it, and the one button that creates it. */
export function CreateStep(props: {
  draft: PlanDraft;
  units: Unit[];
  onGo: (step: number) => void;
  onCreated: (id: number) => void;
  /** The unit list changed on the server (a new unit's name was taken meanwhile): load it again. */
  onUnitsChanged: () => void;
}) {
  const { message } = App.useApp();
  const { reload } = useCampaign();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<{ message: string; rows: FromPlanRowError[]; taken: boolean }>();
  const problems = planProblems(props.draft, props.units);
  const body = problems.length === 0 ? fromPlanBody(props.draft) : undefined;
  const i = props.draft.info;
  const periods = monthlyPeriods(i);
  const monthWord = (p: string) => `${p.slice(0, 4)}年${Number(p.slice(5))}月`;
  const assigned = new Set(body?.items.flatMap((it) => it.unitIds) ?? []);

  async function create() {
    if (!body) return;
    setBusy(true);
    setFailure(undefined);
    try {
      const created = await campaignsApi.fromPlan(body);
      message.success(`已创建“${created.title}”：${created.itemCount} 项排查事项`);
      reload();
      props.onCreated(created.id);
    } catch (e) {
      setFailure({
        message: errorMessage(e),
        rows: rowErrors(e),
        taken: e instanceof ApiError && e.code === 'conflict',
      });
    } finally {
      setBusy(false);
    }
  }

  return (
    <div data-testid="plan-create-step">
      {problems.length > 0 && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          message="还不能创建"
          data-testid="plan-problems"
          description={
            <List
              size="small"
              dataSource={problems}
              renderItem={(p) => (
                <List.Item
                  actions={[
                    <Button key="go" type="link" size="small" onClick={() => props.onGo(p.step)}>
                      去“{STEP_NAMES[p.step]}”修改
                    </Button>,
                  ]}
                >
                  {p.message}
                </List.Item>
              )}
            />
          }
        />
      )}
      <Descriptions bordered size="small" column={2} style={{ marginBottom: 16 }} data-testid="plan-summary">
        <Descriptions.Item label="活动名称">{i.title}</Descriptions.Item>
        <Descriptions.Item label="文号">{i.docNumber || '（无）'}</Descriptions.Item>
        <Descriptions.Item label="月报表标题">{i.reportTitle}</Descriptions.Item>
        <Descriptions.Item label="起止日期">
          {cnDate(i.startDate)} 至 {cnDate(i.endDate)}
        </Descriptions.Item>
        <Descriptions.Item label="排查事项">{props.draft.preview?.items.length ?? 0} 项</Descriptions.Item>
        <Descriptions.Item label="每月报送">
          {i.monthlyDueDay ? `每月${i.monthlyDueDay}日前` : ''}
          {periods.length > 0
            ? `，${monthWord(periods[0] as string)}至${monthWord(periods.at(-1) as string)}共 ${periods.length} 期`
            : '，活动开始后每月一期'}
        </Descriptions.Item>
        <Descriptions.Item label="工作阶段">
          {i.phases.map((p) => p.name).join('、') || '（无）'}
        </Descriptions.Item>
        <Descriptions.Item label="报送节点">
          {i.milestones.map((m) => `${m.title}（${cnDate(m.dueDate)}）`).join('、') || '（无）'}
        </Descriptions.Item>
        <Descriptions.Item label="责任单位" span={2}>
          {body && `现有单位 ${assigned.size} 个`}
          {body?.newUnits && body.newUnits.length > 0 && (
            <Space wrap style={{ marginLeft: 8 }}>
              随活动新建：
              {body.newUnits.map((u) => (
                <Tag key={u.name} color="blue">
                  {u.name}（{u.kind === 'street' ? '街道' : '部门'}）
                </Tag>
              ))}
              <Typography.Text type="secondary">
                新建的部门、街道也承担写明“区各相关部门”“各街道”的事项。
              </Typography.Text>
            </Space>
          )}
        </Descriptions.Item>
      </Descriptions>
      {failure && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          message={failure.message}
          data-testid="plan-create-error"
          action={
            failure.taken && (
              <Button
                size="small"
                onClick={() => {
                  props.onUnitsChanged();
                  props.onGo(1);
                }}
              >
                回到预览，改为对应现有单位
              </Button>
            )
          }
          description={
            failure.rows.length > 0 && (
              <ul style={{ margin: 0, paddingLeft: 20 }}>
                {failure.rows.map((r) => (
                  <li key={`${r.seq}-${r.message}`}>
                    第 {r.seq} 项：{r.message}
                  </li>
                ))}
              </ul>
            )
          }
        />
      )}
      <Space>
        <Button
          type="primary"
          disabled={!body}
          loading={busy}
          onClick={() => void create()}
          data-testid="plan-create"
        >
          确认创建活动
        </Button>
        <Typography.Text type="secondary">
          在一个事务中创建活动、新单位、阶段、节点和排查事项；任何一项不合格都不会创建。
        </Typography.Text>
      </Space>
    </div>
  );
}
