import { Form, Input, Modal } from 'antd';
import { useState } from 'react';

interface Props {
  title: string;
  okText: string;
  hint: string;
  onOk: (reason: string) => Promise<void>;
  onClose: () => void;
}

/** 退回 / 解锁: the office must say why; the unit reads it on its report. */
export function ReasonModal({ title, okText, hint, onOk, onClose }: Props) {
  const [form] = Form.useForm<{ reason: string }>();
  const [busy, setBusy] = useState(false);
  return (
    <Modal
      open
      title={title}
      okText={okText}
      cancelText="取消"
      confirmLoading={busy}
      maskClosable={false}
      okButtonProps={{ 'data-testid': 'reason-ok' }}
      onCancel={onClose}
      onOk={async () => {
        const v = await form.validateFields().catch(() => null);
        if (!v) return;
        setBusy(true);
        try {
          await onOk(v.reason.trim());
          onClose();
        } finally {
          setBusy(false);
        }
      }}
    >
      <p>{hint}</p>
      <Form form={form} layout="vertical">
        <Form.Item
          name="reason"
          label="原因"
          rules={[
            { required: true, whitespace: true, message: '请填写原因' },
            { min: 2, message: '至少2个字' },
          ]}
        >
          <Input.TextArea rows={4} maxLength={500} showCount data-testid="reason-input" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
