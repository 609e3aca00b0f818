// One unit's monthly report: the unit fills it in and its head submits it; the office accepts,
// returns or unlocks it; everyone who may see it can download it as .xlsx or .docx.
import { ArrowLeftOutlined } from '@ant-design/icons';
import { phoneProblem } from '@paicha/core';
import { Alert, Button, Card, Col, Form, Input, Row, Space, Spin, Tag, Typography } from 'antd';
import { useCallback } from 'react';
import { Link, useParams } from 'react-router-dom';
import { reportsApi } from '../../api/reports';
import { useCampaign } from '../../campaign/CampaignContext';
import { DeadlineText } from '../../components/DeadlineText';
import { cnDateTime } from '../../components/dates';
import { LoadError } from '../../components/LoadError';
import { useVersionedEditor } from '../../hooks/useVersionedEditor';
import { periodLabel, StatusTag, TimelinessTag } from './labels';
import { ReportActions } from './ReportActions';
import { ReportTable, type TextField } from './ReportTable';
import { checksOf } from './reportChecks';
import { changedRows, draftOf, inputOf, type MetaField, withCell, withMeta } from './reportDraft';
import { ValidationSummary } from './ValidationSummary';
import { WorkflowHistory } from './WorkflowHistory';

const META: { field: MetaField; label: string; placeholder: string }[] = [
  { field: 'fillerName', label: '填报人', placeholder: '填报人姓名' },
  { field: 'reviewerName', label: '审核人', placeholder: '单位负责人（不填则为报送的负责人）' },
  { field: 'phone', label: '联系电话', placeholder: '例如 0518-85882331' },
];

export default function ReportPage() {
  const params = useParams();
  const { campaignId } = useCampaign();
  const period = params.period ?? '';
  const unitId = Number(params.unitId);
  if (campaignId === undefined) return <Spin style={{ display: 'block', margin: 48 }} />;
  return (
    <ReportEditor
      key={`${campaignId}-${period}-${unitId}`}
      campaignId={campaignId}
      period={period}
      unitId={unitId}
    />
  );
}

function ReportEditor(key: { campaignId: number; period: string; unitId: number }) {
  const editor = useVersionedEditor({
    storageKey: `paicha.report.${key.campaignId}.${key.period}.${key.unitId}`,
    load: () => reportsApi.get(key.campaignId, key.period, key.unitId),
    draftOf,
    save: (d, base, version) =>
      reportsApi.save(key.campaignId, key.period, key.unitId, {
        ...inputOf(d, draftOf(base), version),
        // The 序号 the rows were read under: the server refuses the save if the office moved items since.
        structureVersion: base.structureVersion,
      }),
  });
  const { update } = editor;
  // Stable, so the table's memoised cells re-render only when their own text changes.
  const setCell = useCallback(
    (seq: number, field: TextField, value: string) => update((d) => withCell(d, seq, field, value)),
    [update],
  );
  // On a version conflict: the latest version, and the rows it changed against the clerk's base.
  const { view, draft, conflict: latest } = editor;
  const changedElsewhere = latest && view ? changedRows(view, latest) : undefined;
  if (editor.loadError && !view)
    return <LoadError error={editor.loadError} onRetry={() => void editor.reload()} />;
  if (!view || !draft) return <Spin style={{ display: 'block', margin: 48 }} />;
  const editable = view.can.save;
  const issues = checksOf(view, draft.rows, editable);
  const phoneError = editable ? phoneProblem(draft.phone) : null;

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title={
          <Space wrap>
            <Link to="/reports" aria-label="返回月报列表">
              <ArrowLeftOutlined />
            </Link>
            <span data-testid="report-title">
              {view.unit.name} · {periodLabel(view.period)}月报
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
          <Typography.Text type="secondary" data-testid="report-meta">
            {view.title}（版本 {view.version}）
            {view.submittedAt && ` · 报送：${cnDateTime(view.submittedAt)} ${view.submittedBy ?? ''}`}
            {view.firstSubmittedAt &&
              view.firstSubmittedAt !== view.submittedAt &&
              `（首次报送 ${cnDateTime(view.firstSubmittedAt)}）`}
            {view.reviewedAt && ` · 审核：${cnDateTime(view.reviewedAt)} ${view.reviewedBy ?? ''}`}
          </Typography.Text>
          {view.snapshotAt && (
            <Typography.Text data-testid="snapshot-label">
              <Tag color="purple">截至提交时</Tag>
              表中内容和台账数字为 {cnDateTime(view.snapshotAt)} 报送时的留存，之后台账的变化不影响本月报。
            </Typography.Text>
          )}
          {view.status === 'returned' && view.returnReason && (
            <Alert
              type="warning"
              showIcon
              data-testid="return-reason"
              message={`领导小组办公室退回：${view.returnReason}`}
              description="请修改后由单位负责人重新报送。"
            />
          )}
          {view.status === 'accepted' && (
            <Alert
              type="success"
              showIcon
              message="已审核通过，月报已锁定。如需修改，请联系领导小组办公室解锁。"
            />
          )}
          {!view.expected && (
            <Alert type="info" showIcon message="本单位在本活动中没有承担排查事项，无需报送月报。" />
          )}
          {view.prefilledFrom && editable && (
            <Alert
              type="info"
              showIcon
              data-testid="prefilled"
              message={`已按${periodLabel(view.prefilledFrom)}月报预填，请逐项核对更新后保存。`}
            />
          )}
          {editor.restoredAt && (
            <Alert
              type="info"
              showIcon
              data-testid="restored-draft"
              message={`已恢复您在 ${cnDateTime(editor.restoredAt)} 输入但尚未保存的内容。`}
              action={
                <Button size="small" onClick={() => void editor.discard()}>
                  放弃这些输入
                </Button>
              }
            />
          )}
          {latest && changedElsewhere && (
            <Alert
              type="error"
              showIcon
              data-testid="version-conflict"
              message={`保存未成功：该月报已被${latest.updatedBy ?? '他人'}于${latest.updatedAt ? cnDateTime(latest.updatedAt) : '刚才'}修改（现为版本 ${latest.version}，状态：${latest.statusLabel}）。`}
              description={`您输入的内容仍保留在下方，未丢失。${changedElsewhere.size ? `对方改动了第${[...changedElsewhere].join('、')}项（已用黄色框标出）。` : ''}“保存我的修改”只写入您改动过的内容，对方的其他改动保留，同一项以您的为准。`}
              action={
                <Space direction="vertical">
                  {latest.can.save && (
                    <Button
                      size="small"
                      danger
                      data-testid="overwrite"
                      onClick={() => void editor.save(latest.version).catch(() => {})}
                    >
                      保存我的修改
                    </Button>
                  )}
                  <Button size="small" data-testid="take-latest" onClick={() => void editor.discard()}>
                    放弃我的输入，载入最新内容
                  </Button>
                </Space>
              }
            />
          )}
          <Form layout="vertical">
            <Row gutter={16}>
              {META.map((m) => (
                <Col key={m.field} xs={24} md={8}>
                  <Form.Item
                    label={m.label}
                    style={{ marginBottom: 0 }}
                    {...(m.field === 'phone' && phoneError
                      ? {
                          validateStatus: 'error' as const,
                          help: <span data-testid="phone-error">{phoneError}</span>,
                        }
                      : m.field === 'phone' && editable
                        ? { help: '手机号，或带区号的固定电话' }
                        : {})}
                  >
                    <Input
                      aria-label={m.label}
                      data-testid={`meta-${m.field}`}
                      value={draft[m.field]}
                      placeholder={editable ? m.placeholder : ''}
                      readOnly={!editable}
                      variant={editable ? 'outlined' : 'filled'}
                      maxLength={40}
                      onChange={(e) => update((d) => withMeta(d, m.field, e.target.value))}
                    />
                  </Form.Item>
                </Col>
              ))}
            </Row>
          </Form>
        </Space>
      </Card>
      <ReportActions editor={editor} issues={issues} />
      <ValidationSummary
        issues={issues}
        editable={editable}
        explanation={view.explanation}
        hasRows={view.rows.length > 0}
      />
      <Card title="任务分解月报表" size="small">
        <ReportTable
          rows={view.rows}
          issues={issues}
          snapshotAt={view.snapshotAt}
          texts={draft.rows}
          editable={editable}
          today={view.today}
          changedElsewhere={changedElsewhere}
          onChange={setCell}
        />
      </Card>
      <Card title="办理记录" size="small">
        <WorkflowHistory history={view.history} />
      </Card>
    </Space>
  );
}
