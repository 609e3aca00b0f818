import { App, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../../api/client';
import { usersApi } from '../../../api/endpoints';
import type { User } from '../../../api/types';
import { PASSWORD_POLICY_HINT, passwordRule } from '../../../components/passwordRule';
import { validValues } from '../../../components/validValues';

export function ResetPasswordModal({ user, onClose }: { user: User; onClose: () => void }) {
  const [form] = Form.useForm<{ password: string }>();
  const [saving, setSaving] = useState(false);
  const { message } = App.useApp();

  async function submit() {
    const v = await validValues(form);
    if (!v) return;
    setSaving(true);
    try {
      await usersApi.resetPassword(user.id, v.password);
      message.success(`已重置 ${user.displayName} 的密码`);
      onClose();
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal
      title={`重置密码：${user.displayName || user.username}（${user.username}）`}
      open
      onOk={() => void submit()}
      okText="重置"
      confirmLoading={saving}
      onCancel={onClose}
    >
      <Form form={form} name="reset-password" layout="vertical">
        <Form.Item
          name="password"
          label="新密码"
          extra={PASSWORD_POLICY_HINT}
          rules={[{ required: true, message: '请输入新密码' }, passwordRule(() => user.username)]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
