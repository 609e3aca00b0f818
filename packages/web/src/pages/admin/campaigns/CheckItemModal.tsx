import { CATEGORIES, type Category } from '@paicha/core';
import { App, Form, Input, Select, Typography } from 'antd';
import { campaignsApi } from '../../../api/endpoints';
import type { CheckItem, Unit } from '../../../api/types';
import { FormModal } from '../../../components/FormModal';
import { groupedUnitOptions } from '../../../components/unitOptions';

interface Values {
  category: Category;
  subCategory: string;
  content: string;
  unitIds: number[];
}

interface Props {
  campaignId: number;
  item: CheckItem;
  units: Unit[];
  onClose: () => void;
  onSaved: () => void;
}

function sameSet(a: number[], b: number[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}

/** Edit one check item: texts via PATCH, responsible units via PUT, each only when changed. */
export function CheckItemModal({ campaignId, item, units, onClose, onSaved }: Props) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();

  async function submit(v: Values) {
    const text = { category: v.category, subCategory: v.subCategory.trim(), content: v.content.trim() };
    if (
      text.category !== item.category ||
      text.subCategory !== item.subCategory ||
      text.content !== item.content
    ) {
      await campaignsApi.updateCheckItem(campaignId, item.seq, text);
    }
    const before = item.units.map((u) => u.id);
    if (!sameSet(before, v.unitIds)) await campaignsApi.setCheckItemUnits(campaignId, item.seq, v.unitIds);
    message.success(`第${item.seq}项已保存`);
    onSaved();
  }

  return (
    <FormModal<Values>
      title={`编辑排查事项 第${item.seq}项`}
      okText="保存"
      width={720}
      form={form}
      formProps={{
        name: 'check-item',
        'data-testid': 'check-item-form',
        initialValues: {
          category: item.category,
          subCategory: item.subCategory,
          content: item.content,
          unitIds: item.units.map((u) => u.id),
        },
      }}
      submit={submit}
      onClose={onClose}
    >
      <Form.Item name="category" label="类别" rules={[{ required: true }]}>
        <Select options={CATEGORIES.map((c) => ({ value: c, label: c }))} />
      </Form.Item>
      <Form.Item
        name="subCategory"
        label="排查项目"
        rules={[{ required: true, whitespace: true, message: '请输入排查项目' }]}
      >
        <Input maxLength={40} />
      </Form.Item>
      <Form.Item
        name="content"
        label="排查内容"
        rules={[{ required: true, whitespace: true, message: '请输入排查内容' }]}
      >
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={2000} />
      </Form.Item>
      <Form.Item
        name="unitIds"
        label="责任单位"
        extra={
          <Typography.Text type="secondary">方案原文：{item.unitsText.replace(/\n/g, '、')}</Typography.Text>
        }
      >
        <Select
          mode="multiple"
          allowClear
          optionFilterProp="label"
          placeholder="选择责任单位"
          options={groupedUnitOptions(units)}
        />
      </Form.Item>
    </FormModal>
  );
}
