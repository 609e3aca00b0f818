import { Form, Input } from 'antd';
import { FormModal } from '../../components/FormModal';

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
  return (
    <FormModal<{ reason: string }>
      title={title}
      okText={okText}
      cancelText="取消"
      maskClosable={false}
      okButtonProps={{ 'data-testid': 'reason-ok' }}
      form={form}
      submit={(v) => onOk(v.reason.trim())}
      onClose={onClose}
      intro={<p>{hint}</p>}
    >
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
    </FormModal>
  );
}
