import { App, Form, Input } from 'antd';
import { ApiError, errorMessage } from '../api/client';
import { authApi } from '../api/endpoints';
import { useUser } from '../auth/AuthContext';
import { FormModal } from './FormModal';
import { PASSWORD_POLICY_HINT, passwordRule } from './passwordRule';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

/** Mounted only while shown (see AppLayout), so every opening starts with an empty form. */
export function ChangePasswordModal({ onClose }: { onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const me = useUser();

  return (
    <FormModal<Values>
      title="修改密码"
      okText="确认修改"
      form={form}
      formProps={{ name: 'change-password', 'data-testid': 'change-password-form' }}
      submit={async (v) => {
        await authApi.changePassword(v.currentPassword, v.newPassword);
        message.success('密码已修改');
      }}
      explain={(e) => {
        // A refused new password belongs under that field; a wrong or rate-limited current one under its own.
        const field =
          e instanceof ApiError && e.code === 'validation_failed' ? 'newPassword' : 'currentPassword';
        form.setFields([{ name: field, errors: [errorMessage(e)] }]);
        return null;
      }}
      onClose={onClose}
    >
      <Form.Item
        name="currentPassword"
        label="当前密码"
        rules={[{ required: true, message: '请输入当前密码' }]}
      >
        <Input.Password autoComplete="current-password" />
      </Form.Item>
      <Form.Item
        name="newPassword"
        label="新密码"
        extra={PASSWORD_POLICY_HINT}
        rules={[{ required: true, message: '请输入新密码' }, passwordRule(() => me.username)]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        name="confirm"
        label="确认新密码"
        dependencies={['newPassword']}
        rules={[
          { required: true, message: '请再次输入新密码' },
          ({ getFieldValue }) => ({
            validator: (_, value) =>
              !value || value === getFieldValue('newPassword')
                ? Promise.resolve()
                : Promise.reject(new Error('两次输入的新密码不一致')),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
    </FormModal>
  );
}
