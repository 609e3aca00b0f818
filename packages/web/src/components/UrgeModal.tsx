// 催办: the office sends a notice to one or more units. Prefilled from where it is opened (a
// missing monthly report, an overdue problem) or chosen freely; confirmed before it is sent, and
// nothing typed is lost when sending fails.
import { App, Button, Form, Input, Select, Space, Typography } from 'antd';
import { unitsApi } from '../api/endpoints';
import { type NotificationEntity, notificationsApi, notificationsChanged } from '../api/notifications';
import type { Unit } from '../api/types';
import { useAsync } from '../hooks/useAsync';
import { FormModal } from './FormModal';
import { groupedUnitOptions } from './unitOptions';

export interface UrgeDefaults {
  title?: string;
  body?: string;
  link?: string;
  /** What the link opens, in words (the path means nothing to a clerk). */
  linkLabel?: string;
  entity?: NotificationEntity;
  entityId?: number | null;
}

interface Props {
  /** Units to send to. Given: fixed (shown, not editable). Absent: the office picks them. */
  units?: { id: number; name: string }[];
  defaults?: UrgeDefaults;
  onClose: () => void;
  onSent?: (created: number) => void;
}

interface Values {
  unitIds: number[];
  title: string;
  body: string;
  link: string;
}

const LINKS = [
  { value: '', label: '不附链接' },
  { value: '/reports', label: '月报' },
  { value: '/submissions', label: '节点报送' },
  { value: '/problems', label: '问题台账' },
  { value: '/tasks', label: '本单位任务' },
];

export function UrgeModal({ units: fixed, defaults = {}, onClose, onSent }: Props) {
  const [form] = Form.useForm<Values>();
  const { message, modal } = App.useApp();
  const choices = useAsync(
    async () => (fixed ? [] : (await unitsApi.list()).filter((u) => u.kind !== 'office')),
    [],
  );
  const named: { id: number; name: string }[] = fixed ?? choices.data ?? [];
  const initial: Values = {
    unitIds: fixed?.map((u) => u.id) ?? [],
    title: defaults.title ?? '',
    body: defaults.body ?? '',
    link: defaults.link ?? '',
  };

  // Fixed units have no form field, so validateFields() leaves them out.
  const unitIdsOf = (v: Values) => (fixed ? fixed.map((u) => u.id) : v.unitIds);

  async function send(v: Values) {
    const { created } = await notificationsApi.urge({
      unitIds: unitIdsOf(v),
      title: v.title.trim(),
      body: (v.body ?? '').trim(),
      link: defaults.link || v.link || '',
      entity: defaults.entity ?? 'general',
      entityId: defaults.entityId ?? null,
    });
    message.success(`已向 ${created} 个单位发送催办`);
    notificationsChanged();
    onSent?.(created);
  }

  function confirmation(v: Values) {
    const ids = unitIdsOf(v);
    const names = named.filter((u) => ids.includes(u.id)).map((u) => u.name);
    return {
      title: `确认向 ${names.length} 个单位发送催办？`,
      content: `${names.join('、')}将在系统通知中收到“【催办】${v.title.trim()}”。发送后不能撤回。`,
      okText: '发送',
      cancelText: '再看看',
      okButtonProps: { 'data-testid': 'urge-confirm' },
    };
  }

  function cancel() {
    // Quick picks set values without "touching" a field, so compare with what was prefilled.
    const now = form.getFieldsValue(true) as Values;
    const changed = (Object.keys(initial) as (keyof Values)[]).some(
      (k) => JSON.stringify(now[k]) !== JSON.stringify(initial[k]),
    );
    if (!changed) return onClose();
    modal.confirm({
      title: '放弃填写的催办内容？',
      okText: '放弃',
      cancelText: '继续填写',
      onOk: onClose,
    });
  }

  const pickKind = (kind: Unit['kind']) =>
    form.setFieldValue(
      'unitIds',
      (choices.data ?? []).filter((u) => u.kind === kind).map((u) => u.id),
    );

  return (
    <FormModal<Values>
      title="催办"
      width={620}
      maskClosable={false}
      okText="发送催办"
      cancelText="取消"
      okButtonProps={{ 'data-testid': 'urge-ok' }}
      onCancel={cancel}
      form={form}
      formProps={{ name: 'urge', 'data-testid': 'urge-form', initialValues: initial }}
      confirm={confirmation}
      submit={send}
      failure={{ title: '发送失败，填写的内容已保留' }}
      onClose={onClose}
    >
      {fixed ? (
        <Form.Item label="催办单位">
          <Typography.Text strong data-testid="urge-units">
            {fixed.map((u) => u.name).join('、')}
          </Typography.Text>
        </Form.Item>
      ) : (
        <Form.Item
          name="unitIds"
          label="催办单位"
          rules={[{ required: true, message: '请选择催办单位' }]}
          extra={
            <Space size={4}>
              快速选择：
              <Button size="small" type="link" onClick={() => pickKind('street')}>
                全部街道
              </Button>
              <Button size="small" type="link" onClick={() => pickKind('department')}>
                全部部门
              </Button>
            </Space>
          }
        >
          <Select
            mode="multiple"
            allowClear
            showSearch
            optionFilterProp="label"
            loading={choices.loading}
            placeholder="选择一个或多个单位"
            options={groupedUnitOptions(choices.data ?? [])}
          />
        </Form.Item>
      )}
      <Form.Item
        name="title"
        label="催办事项"
        extra="通知标题前会自动加上“【催办】”"
        rules={[
          { required: true, whitespace: true, message: '请填写催办事项' },
          { min: 2, message: '催办事项至少2个字' },
        ]}
      >
        <Input maxLength={100} showCount />
      </Form.Item>
      <Form.Item name="body" label="催办内容">
        <Input.TextArea rows={4} maxLength={1000} showCount />
      </Form.Item>
      {defaults.link ? (
        <Form.Item label="通知链接" extra="单位点开通知后直接进入该页面">
          <Typography.Text>{defaults.linkLabel ?? defaults.link}</Typography.Text>
        </Form.Item>
      ) : (
        <Form.Item name="link" label="通知链接" extra="单位点开通知后进入的页面">
          <Select options={LINKS} />
        </Form.Item>
      )}
    </FormModal>
  );
}
