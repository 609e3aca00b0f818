import type { UnitDeactivation } from '@paicha/core/api/units';
import { Alert, App, Form, Radio, Select, Skeleton, Space, Typography } from 'antd';
import { unitsApi } from '../../../api/endpoints';
import type { Unit } from '../../../api/types';
import { FormModal } from '../../../components/FormModal';
import { LoadError } from '../../../components/LoadError';
import { UNIT_KIND_LABELS } from '../../../components/labels';
import { useAsync } from '../../../hooks/useAsync';

interface Values {
  disposition: UnitDeactivation['disposition'];
  toUnitId?: number;
}

interface Props {
  unit: Unit;
  /** Every unit, for the active ones of the same kind that could take over. */
  units: Unit[];
  onClose: () => void;
  onDone: () => void;
}

/**
 * 停用单位: states what the unit still holds and makes the admin choose what becomes of it —
 * handed to another unit of the same kind, or kept with the unit (shown as 已停用). The server
 * refuses the request without a choice, so nothing is dropped by accident.
 */
export function DeactivateUnitModal({ unit, units, onClose, onDone }: Props) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const { data: load, error, reload } = useAsync(() => unitsApi.workload(unit.id), [unit.id]);
  const disposition = Form.useWatch('disposition', form);
  const receivers = units.filter((u) => u.active && u.kind === unit.kind && u.id !== unit.id);

  async function submit(v: Values) {
    const body: UnitDeactivation =
      v.disposition === 'move'
        ? { disposition: 'move', toUnitId: v.toUnitId as number }
        : { disposition: 'keep' };
    await unitsApi.deactivate(unit.id, body);
    const to = receivers.find((u) => u.id === v.toUnitId)?.name;
    message.success(to ? `已停用 ${unit.name}，其工作已移交${to}` : `已停用 ${unit.name}`);
    onDone();
  }

  const counts = load && (
    <Alert
      type={load.activeUsers > 0 ? 'error' : 'warning'}
      showIcon
      style={{ marginBottom: 16 }}
      data-testid="unit-workload"
      data-open-problems={load.openProblems}
      data-assignments={load.assignments}
      message={`“${unit.name}”目前有 ${load.openProblems} 个未销号问题，在未结束的活动中承担 ${load.assignments} 项排查事项。`}
      description={
        load.activeUsers > 0
          ? `该单位还有 ${load.activeUsers} 个在用账号，请先在用户管理中将其调到其他单位或停用。`
          : '停用后该单位不再分到新的排查事项和新活动。请选择这些问题和事项的去向：'
      }
    />
  );

  return (
    <FormModal<Values>
      title={`停用单位：${unit.name}`}
      okText="确认停用"
      okButtonProps={{ danger: true, disabled: !load || load.activeUsers > 0 }}
      width={600}
      form={form}
      formProps={{
        name: 'deactivate-unit',
        'data-testid': 'deactivate-form',
        initialValues: { disposition: receivers.length > 0 ? 'move' : 'keep' },
      }}
      submit={submit}
      onClose={onClose}
      failure={{ title: '未能停用' }}
      intro={
        error ? (
          <LoadError error={error} onRetry={reload} />
        ) : (
          (counts ?? <Skeleton active paragraph={{ rows: 2 }} />)
        )
      }
    >
      <Form.Item name="disposition" label="未销号问题和排查事项" rules={[{ required: true }]}>
        <Radio.Group>
          <Space direction="vertical">
            <Radio value="move" data-testid="disposition-move" disabled={receivers.length === 0}>
              移交给其他{UNIT_KIND_LABELS[unit.kind]}（问题记一次交办）
            </Radio>
            <Radio value="keep" data-testid="disposition-keep">
              保留在本单位，显示为“已停用”
            </Radio>
          </Space>
        </Radio.Group>
      </Form.Item>
      {disposition === 'move' && (
        <Form.Item
          name="toUnitId"
          label="接收单位"
          rules={[{ required: true, message: '请选择接收单位' }]}
          extra={
            <Typography.Text type="secondary">
              已销号的问题和已报送的月报仍留在{unit.name}名下。
            </Typography.Text>
          }
        >
          <Select
            aria-label="接收单位"
            data-testid="receiving-unit"
            placeholder={`选择在用的${UNIT_KIND_LABELS[unit.kind]}`}
            options={receivers.map((u) => ({ value: u.id, label: u.name }))}
          />
        </Form.Item>
      )}
    </FormModal>
  );
}
