import { CATEGORIES, type Category } from '@paicha/core';
import { Form, Input, Select, Typography } from 'antd';
import { campaignsApi, structureApi } from '../../../api/endpoints';
import type { CheckItem, Unit } from '../../../api/types';
import { FormModal } from '../../../components/FormModal';
import { groupedUnitOptions } from '../../../components/unitOptions';
import type { Structure } from './structure/useStructure';

interface Values {
  category: Category;
  subCategory: string;
  content: string;
  unitIds: number[];
}

interface Props {
  campaignId: number;
  /** null: a new item, placed at the end. */
  item: CheckItem | null;
  units: Unit[];
  /** Sends an edit with the structure's version and the reason (useStructure's `run`). */
  run: Structure['run'];
  onClose: () => void;
}

function sameSet(a: number[], b: number[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}

/**
 * Add a check item, or edit one: texts via PATCH, responsible units via PUT, each only when
 * changed (the first names the structure version; the second follows it).
 */
export function CheckItemModal({ campaignId, item, units, run, onClose }: Props) {
  const [form] = Form.useForm<Values>();

  async function submit(v: Values) {
    const text = { category: v.category, subCategory: v.subCategory.trim(), content: v.content.trim() };
    if (item === null) {
      const added = await run('已新增排查事项', (edit) =>
        structureApi.addItem(campaignId, { ...edit, ...text, unitIds: v.unitIds ?? [] }),
      );
      if (added === undefined) throw new Error('not saved');
      return;
    }
    let first = true;
    if (
      text.category !== item.category ||
      text.subCategory !== item.subCategory ||
      text.content !== item.content
    ) {
      const ok = await run(`第${item.seq}项已保存`, (edit) =>
        campaignsApi.updateCheckItem(campaignId, item.seq, { ...edit, ...text }),
      );
      if (ok === undefined) throw new Error('not saved');
      first = false;
    }
    const before = item.units.map((u) => u.id);
    if (!sameSet(before, v.unitIds)) {
      const ok = await run(`第${item.seq}项责任单位已保存`, (edit) =>
        campaignsApi.setCheckItemUnits(
          campaignId,
          item.seq,
          v.unitIds,
          first ? edit : { reason: edit.reason },
        ),
      );
      if (ok === undefined) throw new Error('not saved');
    }
  }

  return (
    <FormModal<Values>
      title={item ? `编辑排查事项 第${item.seq}项` : '新增排查事项（排在最后，可再调整序号）'}
      okText="保存"
      width={720}
      form={form}
      formProps={{
        name: 'check-item',
        'data-testid': 'check-item-form',
        initialValues: item
          ? {
              category: item.category,
              subCategory: item.subCategory,
              content: item.content,
              unitIds: item.units.map((u) => u.id),
            }
          : { category: '其他方面', subCategory: '', content: '', unitIds: [] },
      }}
      submit={submit}
      // `run` already showed why it failed.
      explain={() => null}
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
          item && (
            <Typography.Text type="secondary">
              方案原文：{item.unitsText.replace(/\n/g, '、')}
            </Typography.Text>
          )
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
