import { ArrowLeftOutlined, EditOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Result, Row, Space, Spin } from 'antd';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { ApiError } from '../../../api/client';
import { useUser } from '../../../auth/AuthContext';
import { FindingsProgress } from '../../../components/FindingsProgress';
import { LoadError } from '../../../components/LoadError';
import { OverdueTag, ProblemStatusTag } from '../../../components/ProblemTags';
import { canEdit } from '../../../components/problemRoles';
import { ProblemUrge } from '../../../components/SupervisionUrge';
import { useDraft } from '../../../hooks/useDraft';
import type { EditDraft } from '../problemForm';
import { GroupFindings } from './GroupFindings';
import { HistoryTimeline } from './HistoryTimeline';
import { ProblemEditForm } from './ProblemEditForm';
import { ProblemInfo } from './ProblemInfo';
import { StepActions } from './StepActions';
import { useProblemDetail } from './useProblemDetail';

function NotFound() {
  const navigate = useNavigate();
  return (
    <div data-testid="problem-not-found">
      <Result
        status="404"
        title="问题不存在"
        subTitle="该问题不存在，或不属于您所在的单位。"
        extra={<Button onClick={() => navigate('/problems')}>返回问题台账</Button>}
      />
    </div>
  );
}

/** One problem: its record, the steps the user may take, and its whole history. */
export default function ProblemDetailPage() {
  const id = Number(useParams().id);
  const user = useUser();
  const navigate = useNavigate();
  const { detail, error, reload, set } = useProblemDetail(id);
  const draft = useDraft<EditDraft>(`paicha.draft.problem.${id}.${user.id}`);
  // Reopen the editor when an unsaved edit was left behind.
  const [editing, setEditing] = useState(Boolean(draft.restored));

  if (!Number.isInteger(id) || id <= 0 || (error instanceof ApiError && error.status === 404))
    return <NotFound />;
  if (error && !detail) return <LoadError error={error} onRetry={() => void reload()} />;
  if (!detail) return <Spin style={{ display: 'block', margin: 48 }} />;
  const p = detail.problem;
  const editable = canEdit(user, p);

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid="problem-detail">
      <Card
        title={
          <Space wrap>
            <span>问题 {p.id}</span>
            <ProblemStatusTag status={p.status} />
            <OverdueTag overdue={p.overdue} />
          </Space>
        }
        extra={
          <Space>
            <ProblemUrge problem={p} />
            <Button
              icon={<ArrowLeftOutlined />}
              // Back to the filtered list the clerk came from; a pasted link has no "back" in the app.
              onClick={() => ((window.history.state?.idx ?? 0) > 0 ? navigate(-1) : navigate('/problems'))}
            >
              返回
            </Button>
          </Space>
        }
      >
        {p.status === 'returned' && p.returnReason && (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 16 }}
            message="领导小组办公室已退回，请按退回理由继续整改后重新提交销号"
            description={`退回理由：${p.returnReason}`}
            data-testid="return-reason"
          />
        )}
        {p.findings && (
          <div style={{ marginBottom: 12 }}>
            <FindingsProgress p={p} wide />
          </div>
        )}
        <StepActions user={user} detail={detail} onDone={set} onReload={reload} />
      </Card>
      <Row gutter={[16, 16]}>
        {/* The form needs the whole width; the history moves below while editing. */}
        <Col xs={24} xl={editing && editable ? 24 : 15}>
          <Card
            title="问题信息"
            extra={
              editable &&
              !editing && (
                <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="edit-problem">
                  编辑
                </Button>
              )
            }
          >
            {editing && editable ? (
              <ProblemEditForm
                user={user}
                problem={p}
                draft={draft}
                onSaved={(d) => {
                  set(d);
                  setEditing(false);
                }}
                onReload={reload}
                onCancel={() => setEditing(false)}
              />
            ) : (
              <ProblemInfo p={p} />
            )}
          </Card>
        </Col>
        <Col xs={24} xl={editing && editable ? 24 : 9}>
          <Card title={`办理记录（${detail.events.length}）`}>
            <HistoryTimeline events={detail.events} />
          </Card>
        </Col>
      </Row>
      {p.findings && <GroupFindings problem={p} />}
    </Space>
  );
}
