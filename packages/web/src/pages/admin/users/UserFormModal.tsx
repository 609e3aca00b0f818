import { ROLE_LABELS, ROLES, type Role } from '@paicha/core';
import { App, Form, Input, Select, Switch } from 'antd';
import { usersApi } from '../../../api/endpoints';
import type { Unit, User } from '../../../api/types';
import { FormModal } from '../../../components/FormModal';
import { PASSWORD_POLICY_HINT, passwordRule } from '../../../components/passwordRule';
import { groupedUnitOptions } from '../../../components/unitOptions';

interface Values {
  username: string;
  displayName: string;
  unitId: number;
  role: Role;
  password: string;
  active: boolean;
  email?: string;
}

interface Props {
  /** The user to edit, or null to add one. */
  user: User | null;
  units: Unit[];
  onClose: () => void;
  onSaved: () => void;
}

export function UserFormModal({ user, units, onClose, onSaved }: Props) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();

  async function submit(v: Values) {
    if (user) {
      await usersApi.update(user.id, {
        displayName: v.displayName.trim(),
        unitId: v.unitId,
        role: v.role,
        active: v.active,
        email: (v.email ?? '').trim(),
      });
      message.success('用户已更新');
    } else {
      await usersApi.create({
        username: v.username.trim(),
        displayName: v.displayName.trim(),
        unitId: v.unitId,
        role: v.role,
        password: v.password,
        email: (v.email ?? '').trim(),
      });
      message.success('用户已添加');
    }
    onSaved();
  }

  const initial = user
    ? {
        displayName: user.displayName,
        unitId: user.unit.id,
        role: user.role,
        active: user.active,
        email: user.email,
      }
    : { role: 'reporter' as Role };

  return (
    <FormModal<Values>
      title={user ? `编辑用户：${user.username}` : '添加用户'}
      okText="保存"
      form={form}
      formProps={{ initialValues: initial, name: 'user', 'data-testid': 'user-form' }}
      submit={submit}
      onClose={onClose}
    >
      {!user && (
        <Form.Item
          name="username"
          label="用户名"
          extra="登录用，创建后不可修改"
          rules={[
            { required: true, whitespace: true, message: '请输入用户名' },
            { min: 2, message: '用户名至少2个字符' },
            {
              pattern: /^[A-Za-z0-9_.\-\u4e00-\u9fa5]+$/,
              message: '用户名只能包含字母、数字、汉字和 _ . -',
            },
          ]}
        >
          <Input autoComplete="off" maxLength={64} />
        </Form.Item>
      )}
      <Form.Item
        name="displayName"
        label="姓名"
        rules={[{ required: true, whitespace: true, message: '请输入姓名' }]}
      >
        <Input maxLength={40} />
      </Form.Item>
      <Form.Item name="unitId" label="所属单位" rules={[{ required: true, message: '请选择所属单位' }]}>
        <Select showSearch optionFilterProp="label" options={groupedUnitOptions(units)} />
      </Form.Item>
      <Form.Item name="role" label="角色" rules={[{ required: true, message: '请选择角色' }]}>
        <Select options={ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }))} />
      </Form.Item>
      <Form.Item
        name="email"
        label="邮箱（选填）"
        extra="填写后可收到到期提醒邮件"
        rules={[{ type: 'email', message: '邮箱格式不正确' }]}
      >
        <Input maxLength={120} autoComplete="off" />
      </Form.Item>
      {user ? (
        <Form.Item name="active" label="启用" valuePropName="checked">
          <Switch checkedChildren="启用" unCheckedChildren="停用" />
        </Form.Item>
      ) : (
        <Form.Item
          name="password"
          label="初始密码"
          extra={`${PASSWORD_POLICY_HINT}。请告知用户登录后在“修改密码”中自行修改`}
          dependencies={['username']}
          rules={[
            { required: true, message: '请输入初始密码' },
            passwordRule(() => form.getFieldValue('username')?.trim()),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      )}
    </FormModal>
  );
}
