import { CATEGORIES, type Category } from '@paicha/core';
import { App, Form, Input, Modal, Select, Typography } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../../api/client';
import { campaignsApi } from '../../../api/endpoints';
import type { CheckItem, Unit } from '../../../api/types';
import { groupedUnitOptions } from '../../../components/unitOptions';
import { validValues } from '../../../components/validValues';

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
  const [saving, setSaving] = useState(false);
  const { message } = App.useApp();

  async function submit() {
    const v = await validValues(form);
    if (!v) return;
    setSaving(true);
    try {
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
      onClose();
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal
      title={`编辑排查事项 第${item.seq}项`}
      open
      onOk={() => void submit()}
      okText="保存"
      confirmLoading={saving}
      onCancel={onClose}
      width={720}
    >
      <Form
        form={form}
        layout="vertical"
        name="check-item"
        data-testid="check-item-form"
        initialValues={{
          category: item.category,
          subCategory: item.subCategory,
          content: item.content,
          unitIds: item.units.map((u) => u.id),
        }}
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
            <Typography.Text type="secondary">
              方案原文：{item.unitsText.replace(/\n/g, '、')}
            </Typography.Text>
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
      </Form>
    </Modal>
  );
}
