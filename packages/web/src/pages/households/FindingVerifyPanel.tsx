// A finding's verification in its drawer: the state, the cadre, the steps this user may take
// (the street's 属实 / 不属实 / 已整改 with note and evidence; the office's decision on a 不属实)
// and every step taken, with its evidence.
import { actionAllowedFrom, FINDING_ACTION_LABELS, type FindingAction, mayTakeOn } from '@paicha/core';
import { Button, Descriptions, Empty, Form, Input, Space, Timeline, Typography, type UploadFile } from 'antd';
import { useState } from 'react';
import type { Finding } from '../../api/householdTypes';
import { filesApi } from '../../api/problems';
import type { Attachment } from '../../api/problemTypes';
import { verificationApi } from '../../api/verification';
import { useUser } from '../../auth/AuthContext';
import { cnDateTime } from '../../components/dates';
import { EvidenceUpload, uploadState } from '../../components/EvidenceUpload';
import { FormModal } from '../../components/FormModal';
import { LoadError } from '../../components/LoadError';
import { useAsync } from '../../hooks/useAsync';
import { VerificationTag } from './VerificationTag';

const STREET: FindingAction[] = ['confirm', 'dispute', 'rectify'];
const OFFICE: FindingAction[] = ['accept', 'reject'];
/** Steps that must say why: 不属实 (what is wrong), 已整改 (what was done), the office's 不认定. */
const NOTE_REQUIRED: Partial<Record<FindingAction, string>> = {
  dispute: '请说明数据哪里有误',
  rectify: '请填写整改情况',
  reject: '请填写不认定的理由，街道将据此整改',
};

export function FindingVerifyPanel(props: { finding: Finding; onChanged: () => void }) {
  const f = props.finding;
  const user = useUser();
  const subject = { role: user.role, unitId: user.unit.id };
  const history = useAsync(() => verificationApi.history(f.id), [f.id, f.version]);
  const [step, setStep] = useState<FindingAction>();
  const open = f.status === 'open';
  const may = (actions: FindingAction[], policy: 'finding.verify' | 'finding.review') =>
    open && f.unit && mayTakeOn(subject, policy, f.unit.id)
      ? actions.filter((a) => actionAllowedFrom(a).includes(f.verification))
      : [];
  const actions = [...may(STREET, 'finding.verify'), ...may(OFFICE, 'finding.review')];

  return (
    <div data-testid="finding-verify" style={{ marginTop: 16 }}>
      <Descriptions column={1} bordered size="small" labelStyle={{ width: 110 }}>
        <Descriptions.Item label="核实状态">
          <VerificationTag state={f.verification} />
          {f.verificationNote && <div className="cell-content">{f.verificationNote}</div>}
        </Descriptions.Item>
        <Descriptions.Item label="核实人员">
          {f.assignee ? `${f.assignee.name}${f.assignee.phone ? `（${f.assignee.phone}）` : ''}` : '—'}
        </Descriptions.Item>
      </Descriptions>
      {actions.length > 0 && (
        <Space wrap style={{ margin: '12px 0' }}>
          {actions.map((a) => (
            <Button
              key={a}
              type={a === 'confirm' || a === 'accept' ? 'primary' : 'default'}
              onClick={() => setStep(a)}
              data-testid={`verify-${a}`}
            >
              {FINDING_ACTION_LABELS[a]}
            </Button>
          ))}
        </Space>
      )}
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        核实记录
      </Typography.Title>
      {history.error ? (
        <LoadError error={history.error} onRetry={history.reload} />
      ) : !history.data?.events.length ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="尚无核实记录" />
      ) : (
        <Timeline
          items={history.data.events.map((e) => ({
            children: (
              <div data-testid="verify-event" data-action={e.action}>
                <Typography.Text strong>{e.actionLabel}</Typography.Text>
                <Typography.Text type="secondary">
                  {' '}
                  {e.actor ?? ''} {cnDateTime(e.at)}
                </Typography.Text>
                {e.note && <div className="cell-content">{e.note}</div>}
                {e.attachments.map((a) => (
                  <div key={a.id}>
                    <a href={filesApi.url(a.id)} target="_blank" rel="noreferrer">
                      {a.name}
                    </a>
                  </div>
                ))}
              </div>
            ),
          }))}
        />
      )}
      {step && (
        <StepModal
          finding={f}
          action={step}
          onClose={() => setStep(undefined)}
          onDone={() => {
            setStep(undefined);
            props.onChanged();
          }}
        />
      )}
    </div>
  );
}

function StepModal(props: {
  finding: Finding;
  action: FindingAction;
  onClose: () => void;
  onDone: () => void;
}) {
  const [form] = Form.useForm<{ note: string }>();
  const [files, setFiles] = useState<UploadFile<Attachment>[]>([]);
  const { action, finding } = props;
  const office = action === 'accept' || action === 'reject';
  const required = NOTE_REQUIRED[action];
  return (
    <FormModal<{ note: string }>
      form={form}
      title={FINDING_ACTION_LABELS[action]}
      okText="确定"
      onClose={props.onClose}
      failure={{ testId: 'verify-error' }}
      formProps={{ 'data-testid': 'verify-form', initialValues: { note: '' } }}
      submit={async ({ note }) => {
        const up = uploadState(files);
        if (up.busy) throw new Error('文件仍在上传，请稍候');
        if (office)
          await verificationApi.decide(finding.id, {
            action: action as 'accept' | 'reject',
            version: finding.version,
            note,
          });
        else
          await verificationApi.step(finding.id, {
            action: action as 'confirm' | 'dispute' | 'rectify',
            version: finding.version,
            note,
            attachmentIds: up.ids,
          });
        props.onDone();
      }}
    >
      <Form.Item
        name="note"
        label={office ? '办公室意见' : '说明'}
        rules={required ? [{ required: true, whitespace: true, message: required }] : []}
      >
        <Input.TextArea rows={3} maxLength={2000} data-testid="verify-note" />
      </Form.Item>
      {!office && (
        <Form.Item label="佐证材料（照片、证明等）">
          <EvidenceUpload files={files} onChange={setFiles} />
        </Form.Item>
      )}
    </FormModal>
  );
}
