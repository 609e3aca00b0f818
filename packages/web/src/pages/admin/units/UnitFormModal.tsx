import type { NewUnit } from '@paicha/core/api/units';
import { App, Form, Input, InputNumber, Select } from 'antd';
import { unitsApi } from '../../../api/endpoints';
import type { Unit } from '../../../api/types';
import { FormModal } from '../../../components/FormModal';
import { UNIT_KIND_LABELS } from '../../../components/labels';

const CREATABLE_KINDS: NewUnit['kind'][] = ['street', 'department'];

interface Values {
  name: string;
  kind: NewUnit['kind'];
  sortOrder?: number;
}

interface Props {
  /** The unit to edit, or null to add a new one. */
  unit: Unit | null;
  onClose: () => void;
  onSaved: () => void;
}

/** Add a unit, or rename / reorder one. A unit's kind is fixed once created (the API says so). */
export function UnitFormModal({ unit, onClose, onSaved }: Props) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();

  async function submit(v: Values) {
    if (unit) {
      await unitsApi.update(unit.id, { name: v.name.trim(), sortOrder: v.sortOrder });
      message.success('单位已更新');
    } else {
      await unitsApi.create({ name: v.name.trim(), kind: v.kind });
      message.success('单位已添加');
    }
    onSaved();
  }

  return (
    <FormModal<Values>
      title={unit ? `编辑单位：${unit.name}` : '添加单位'}
      okText="保存"
      form={form}
      formProps={{
        initialValues: unit
          ? { name: unit.name, kind: unit.kind, sortOrder: unit.sortOrder }
          : { kind: 'street' },
        name: 'unit',
        'data-testid': 'unit-form',
      }}
      submit={submit}
      onClose={onClose}
    >
      <Form.Item
        name="name"
        label="单位名称"
        rules={[
          { required: true, whitespace: true, message: '请输入单位名称' },
          { min: 2, max: 40, message: '单位名称为2至40个字' },
        ]}
      >
        <Input placeholder="如：中云街道" maxLength={40} />
      </Form.Item>
      <Form.Item name="kind" label="单位类型" rules={[{ required: true }]}>
        <Select
          disabled={!!unit}
          // There is exactly one office (seeded); the office adds streets and departments.
          options={(unit ? [unit.kind] : CREATABLE_KINDS).map((k) => ({
            value: k,
            label: UNIT_KIND_LABELS[k],
          }))}
        />
      </Form.Item>
      {unit && (
        <Form.Item name="sortOrder" label="排序" extra="数字越小越靠前">
          <InputNumber min={0} precision={0} style={{ width: '100%' }} />
        </Form.Item>
      )}
    </FormModal>
  );
}
