import { App, Form, Input } from 'antd';
import { type ReactNode, useState } from 'react';
import { errorMessage } from '../../../api/client';
import type { ProblemDetail } from '../../../api/problemTypes';
import { FormModal } from '../../../components/FormModal';
import { ConflictAlert, isVersionConflict } from './ConflictAlert';

export interface StepModalProps {
  title: string;
  okText: string;
  /** What the step does, in the clerk's words: the dialog is the confirmation. */
  intro: ReactNode;
  label: string;
  required: boolean;
  placeholder?: string;
  danger?: boolean;
  testId: string;
  run: (text: string) => Promise<ProblemDetail>;
  onDone: (d: ProblemDetail) => void;
  onReload: () => Promise<unknown>;
  onClose: () => void;
}

/** 提交销号 / 销号 / 退回 / 重新打开: one text field, confirmed in a dialog; input kept on failure. */
export function StepModal(p: StepModalProps) {
  const [form] = Form.useForm<{ text: string }>();
  const [conflict, setConflict] = useState(0);
  const { message } = App.useApp();

  return (
    <FormModal<{ text: string }>
      title={p.title}
      okText={p.okText}
      cancelText="取消"
      okButtonProps={{ danger: p.danger, 'data-testid': `${p.testId}-ok` }}
      maskClosable={false}
      form={form}
      formProps={{ 'data-testid': `${p.testId}-form` }}
      submit={async (v) => {
        const d = await p.run((v.text ?? '').trim());
        message.success(`${p.okText.replace(/^确认/, '')}成功`);
        p.onDone(d);
      }}
      failure={{}}
      explain={(e) => {
        if (!isVersionConflict(e)) return errorMessage(e);
        setConflict((c) => c + 1);
        return null;
      }}
      onClose={p.onClose}
      intro={
        <>
          <div style={{ marginBottom: 16 }}>{p.intro}</div>
          {conflict > 0 && <ConflictAlert key={conflict} onReload={p.onReload} />}
        </>
      }
    >
      <Form.Item
        name="text"
        label={p.label}
        rules={p.required ? [{ required: true, whitespace: true, message: `请填写${p.label}` }] : []}
      >
        <Input.TextArea rows={4} maxLength={1000} showCount placeholder={p.placeholder} />
      </Form.Item>
    </FormModal>
  );
}
