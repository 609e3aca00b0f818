import { App, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../api/client';
import { authApi } from '../api/endpoints';
import { validValues } from './validValues';

/** The server's minimum (docs/API.md); checked here too so the user learns it before submitting. */
export const MIN_PASSWORD_LENGTH = 8;

interface Values {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

/** Mounted only while shown (see AppLayout), so every opening starts with an empty form. */
export function ChangePasswordModal({ onClose }: { onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const { message } = App.useApp();

  async function submit() {
    const v = await validValues(form);
    if (!v) return;
    setSaving(true);
    try {
      await authApi.changePassword(v.currentPassword, v.newPassword);
      message.success('密码已修改');
      form.resetFields();
      onClose();
    } catch (e) {
      form.setFields([{ name: 'currentPassword', errors: [errorMessage(e)] }]);
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal
      title="修改密码"
      open
      onOk={() => void submit()}
      okText="确认修改"
      confirmLoading={saving}
      onCancel={() => {
        form.resetFields();
        onClose();
      }}
    >
      <Form form={form} layout="vertical" name="change-password" data-testid="change-password-form">
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
          rules={[
            { required: true, message: '请输入新密码' },
            { min: MIN_PASSWORD_LENGTH, message: `新密码至少${MIN_PASSWORD_LENGTH}位` },
          ]}
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
      </Form>
    </Modal>
  );
}
