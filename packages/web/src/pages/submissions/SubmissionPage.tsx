// One unit's submission for one milestone (工作方案 / 排查结果和问题清单 / 整改结果 / 总结).
import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Space, Spin, Typography } from 'antd';
import { Link, useParams } from 'react-router-dom';
import { submissionsApi } from '../../api/reports';
import { useCampaign } from '../../campaign/CampaignContext';
import { DeadlineText } from '../../components/DeadlineText';
import { cnDateTime } from '../../components/dates';
import { LoadError } from '../../components/LoadError';
import { useVersionedEditor } from '../../hooks/useVersionedEditor';
import { StatusTag, TimelinessTag } from '../reports/labels';
import { WorkflowHistory } from '../reports/WorkflowHistory';
import { SubmissionActions } from './SubmissionActions';
import { SubmissionFiles } from './SubmissionFiles';
import { draftOf, inputOf, type TextKey } from './submissionDraft';

/** What each milestone's text is about, as the plan words it. */
const CONTENT_HINTS: Record<string, string> = {
  plan: '问题排查落实情况和工作方案：向党委政府和单位主要领导报告、明确责任分工、研究部署和所作安排等情况。',
  problem_list: '问题排查结果：排查范围、方法、发现问题的数量和类型；问题清单可从台账直接生成。',
  rectification: '整改结果：问题整改完成情况、整改措施和成效、未完成问题的原因和计划。',
  summary: '工作总结：大排查和整改工作的总体情况。',
};

export default function SubmissionPage() {
  const params = useParams();
  const { campaignId } = useCampaign();
  if (campaignId === undefined) return <Spin style={{ display: 'block', margin: 48 }} />;
  const key = { campaignId, milestoneId: Number(params.milestoneId), unitId: Number(params.unitId) };
  return <SubmissionEditor key={`${key.campaignId}-${key.milestoneId}-${key.unitId}`} {...key} />;
}

function SubmissionEditor(key: { campaignId: number; milestoneId: number; unitId: number }) {
  const editor = useVersionedEditor({
    storageKey: `paicha.submission.${key.campaignId}.${key.milestoneId}.${key.unitId}`,
    load: () => submissionsApi.get(key.campaignId, key.milestoneId, key.unitId),
    draftOf,
    save: (d, _base, version) =>
      submissionsApi.save(key.campaignId, key.milestoneId, key.unitId, inputOf(d, version)),
  });
  const { view, draft, conflict } = editor;
  if (editor.loadError && !view)
    return <LoadError error={editor.loadError} onRetry={() => void editor.reload()} />;
  if (!view || !draft) return <Spin style={{ display: 'block', margin: 48 }} />;
  const editable = view.can.save;
  const texts: { key: TextKey; label: string; hint: string; rows: number }[] = [
    { key: 'content', label: '报送内容', hint: CONTENT_HINTS[view.milestone.kind] ?? '', rows: 8 },
    ...(view.needs.summaryFields
      ? [
          { key: 'experience' as const, label: '经验做法', hint: '总结提炼的好经验、好做法。', rows: 6 },
          {
            key: 'institutions' as const,
            label: '建章立制',
            hint: '建立和完善的制度、机制（名称、文号、主要内容）。',
            rows: 6,
          },
        ]
      : []),
  ];

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title={
          <Space wrap>
            <Link to="/submissions" aria-label="返回节点报送">
              <ArrowLeftOutlined />
            </Link>
            <span data-testid="submission-title">
              {view.unit.name} · {view.milestone.title}
            </span>
            <StatusTag status={view.status} />
            <TimelinessTag value={view.timeliness} />
          </Space>
        }
        extra={
          <Typography.Text type="secondary">
            <DeadlineText deadline={view.deadline} prefix="截止日期：" />
          </Typography.Text>
        }
      >
        <Space direction="vertical" size={12} style={{ width: '100%' }}>
          <Typography.Text type="secondary">
            {view.milestone.description}
            {view.submittedAt && ` · 报送：${cnDateTime(view.submittedAt)} ${view.submittedBy ?? ''}`}
            {view.reviewedAt && ` · 审核：${cnDateTime(view.reviewedAt)} ${view.reviewedBy ?? ''}`}
          </Typography.Text>
          {view.status === 'returned' && view.returnReason && (
            <Alert type="warning" showIcon message={`领导小组办公室退回：${view.returnReason}`} />
          )}
          {editor.restoredAt && (
            <Alert
              type="info"
              showIcon
              message="已恢复您上次输入但尚未保存的内容。"
              action={
                <Button size="small" onClick={() => void editor.discard()}>
                  放弃这些输入
                </Button>
              }
            />
          )}
          {conflict && (
            <Alert
              type="error"
              showIcon
              data-testid="version-conflict"
              message={`保存未成功：已被${conflict.updatedBy ?? '他人'}修改（现为版本 ${conflict.version}，${conflict.statusLabel}）。`}
              description="您输入的内容仍保留在页面上。"
              action={
                <Space direction="vertical">
                  {conflict.can.save && (
                    <Button
                      size="small"
                      danger
                      onClick={() => void editor.save(conflict.version).catch(() => {})}
                    >
                      以我的内容覆盖保存
                    </Button>
                  )}
                  <Button size="small" onClick={() => void editor.discard()}>
                    放弃我的输入，载入最新内容
                  </Button>
                </Space>
              }
            />
          )}
          <SubmissionActions editor={editor} />
        </Space>
      </Card>
      <Card title="报送材料" size="small">
        <Form layout="vertical">
          {texts.map((t) => (
            <Form.Item key={t.key} label={t.label} extra={editable ? t.hint : undefined}>
              {editable ? (
                <Input.TextArea
                  aria-label={t.label}
                  data-testid={`submission-${t.key}`}
                  rows={t.rows}
                  maxLength={20000}
                  value={draft[t.key]}
                  onChange={(e) => editor.update((d) => ({ ...d, [t.key]: e.target.value }))}
                />
              ) : (
                <div style={{ whiteSpace: 'pre-wrap' }}>
                  {draft[t.key] || <Typography.Text type="secondary">—</Typography.Text>}
                </div>
              )}
            </Form.Item>
          ))}
          <Form.Item label="附件（纸质材料加盖公章后扫描上传，并附电子档）">
            <SubmissionFiles
              files={draft.files}
              editable={editable}
              onChange={(files) => editor.update((d) => ({ ...d, files }))}
            />
          </Form.Item>
        </Form>
      </Card>
      <Card title="办理记录" size="small">
        <WorkflowHistory history={view.history} />
      </Card>
    </Space>
  );
}
