import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Space, Steps, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { unitsApi } from '../../../../api/endpoints';
import { cnDateTime } from '../../../../components/dates';
import { LoadError } from '../../../../components/LoadError';
import { useAsync } from '../../../../hooks/useAsync';
import { useDraft } from '../../../../hooks/useDraft';
import { CreateStep } from './CreateStep';
import { InfoStep } from './InfoStep';
import { PreviewStep } from './PreviewStep';
import { draftItems, EMPTY_DRAFT, type PlanDraft, undecided } from './planDraft';
import { editItems } from './planItems';
import { UploadStep } from './UploadStep';

const STEPS = [{ title: '上传方案' }, { title: '预览与责任单位' }, { title: '活动信息' }, { title: '创建' }];

/**
 * 从方案导入: upload the plan (.docx) or its 任务分解表 (.xlsx) → preview with every 责任单位 phrase
 * resolved or decided → the campaign's information (title, 文号, dates, phases, milestones) →
 * create. The whole wizard is one draft: steps can be revisited and a reload resumes it.
 */
export default function FromPlanPage() {
  const navigate = useNavigate();
  const draft = useDraft<PlanDraft>('campaign-from-plan');
  const [d, setD] = useState<PlanDraft>(() => draft.restored?.values ?? EMPTY_DRAFT);
  const [resumed] = useState(() => (draft.restored?.values.preview ? draft.restored.savedAt : undefined));
  const units = useAsync(() => unitsApi.list(), []);
  const { save } = draft;
  useEffect(() => save(d), [d, save]);

  const go = (step: number) => setD((prev) => ({ ...prev, step }));
  const open = undecided(d).length;

  function restart() {
    draft.clear();
    setD(EMPTY_DRAFT);
  }

  if (units.error) return <LoadError error={units.error} onRetry={units.reload} />;
  const all = units.data ?? [];

  return (
    <Card
      title={
        <Space>
          <Button
            type="text"
            icon={<ArrowLeftOutlined />}
            aria-label="返回活动管理"
            onClick={() => navigate('/admin/campaigns')}
          />
          从方案导入排查活动
        </Space>
      }
      data-testid="from-plan"
      extra={
        d.preview && (
          <Button onClick={restart} data-testid="plan-restart">
            放弃并重新开始
          </Button>
        )
      }
    >
      <Steps
        current={d.step}
        style={{ marginBottom: 24 }}
        // Any step already reachable can be opened directly; nothing typed is lost by it.
        onChange={(s) => d.preview && go(s)}
        items={STEPS.map((s, i) => ({ ...s, disabled: i > 0 && !d.preview }))}
        data-testid="plan-steps"
      />
      {resumed && d.step > 0 && (
        <Alert
          type="info"
          showIcon
          closable
          style={{ marginBottom: 16 }}
          message={`已恢复 ${cnDateTime(resumed)} 未完成的导入，可以接着操作。`}
        />
      )}
      {d.step === 0 && (
        <UploadStep
          current={d.preview}
          onPreview={(next) => setD(next)}
          onNext={d.preview ? () => go(1) : undefined}
        />
      )}
      {d.step === 1 && d.preview && (
        <PreviewStep
          preview={d.preview}
          items={draftItems(d)}
          onEdit={(rows, edit) => setD((prev) => editItems(prev, rows, edit))}
          units={all}
          decisions={d.decisions}
          onDecide={(phrase, decision) =>
            setD((prev) => {
              const decisions = { ...prev.decisions };
              if (decision) decisions[phrase] = decision;
              else delete decisions[phrase];
              return { ...prev, decisions };
            })
          }
        />
      )}
      {d.step === 2 && (
        <InfoStep
          info={{ ...EMPTY_DRAFT.info, ...d.info }}
          onChange={(info) => setD((prev) => ({ ...prev, info }))}
        />
      )}
      {d.step === 3 && (
        <CreateStep
          draft={d}
          units={all}
          onGo={go}
          onUnitsChanged={units.reload}
          onCreated={(id) => {
            draft.clear();
            navigate(`/admin/campaigns?edit=${id}`);
          }}
        />
      )}
      {d.preview && (
        <Space style={{ marginTop: 24 }}>
          {d.step > 0 && (
            <Button onClick={() => go(d.step - 1)} data-testid="plan-prev">
              上一步
            </Button>
          )}
          {d.step < 3 && (
            <Button type="primary" onClick={() => go(d.step + 1)} data-testid="plan-next">
              下一步
            </Button>
          )}
          {d.step === 1 && open > 0 && (
            <Typography.Text type="warning">
              还有 {open} 个责任单位未作决定，创建前须逐一决定。
            </Typography.Text>
          )}
        </Space>
      )}
    </Card>
  );
}
