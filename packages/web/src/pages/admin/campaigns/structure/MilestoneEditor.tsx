// The campaign's milestones (时间节点): add, edit, remove. One with reports or submissions filed
// against it keeps its kind and month and cannot be removed (the server says so).
import { formatChineseDate } from '@paicha/core';
import type { Milestone } from '@paicha/core/api/campaigns';
import { Button, DatePicker, Form, Input, Select, Space, Table } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { structureApi } from '../../../../api/endpoints';
import { DeadlineHint } from '../../../../components/DeadlineHint';
import { DeadlineText } from '../../../../components/DeadlineText';
import { FormModal } from '../../../../components/FormModal';
import { testIdRow } from '../../../../components/rowProps';
import { useDeadlinePreview } from '../../../../hooks/useDeadlinePreview';
import { AddButton, RemoveButton, saveEdit } from './EditorParts';
import type { Structure } from './useStructure';

const KIND_LABELS: Record<Milestone['kind'], string> = {
  plan: '工作方案',
  problem_list: '问题清单',
  monthly: '月报',
  rectification: '整改结果',
  summary: '工作总结',
};

interface Values {
  kind: Milestone['kind'];
  period?: Dayjs | null;
  title: string;
  dueDate: Dayjs;
  description?: string;
}

export function MilestoneEditor(props: {
  campaignId: number;
  milestones: Milestone[];
  structure: Structure;
}) {
  const { campaignId, milestones, structure } = props;
  const { run } = structure;
  const [editing, setEditing] = useState<Milestone | null | undefined>(undefined);
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch('kind', form);
  const chosen = (Form.useWatch('dueDate', form) as Dayjs | undefined)?.format('YYYY-MM-DD');
  // Every date of the table and the one being chosen, read as the server will read them.
  const preview = useDeadlinePreview(campaignId, [...milestones.map((m) => m.dueDate), chosen]);

  async function submit(v: Values) {
    const body = {
      kind: v.kind,
      period: v.kind === 'monthly' && v.period ? v.period.format('YYYY-MM') : null,
      title: v.title.trim(),
      dueDate: v.dueDate.format('YYYY-MM-DD'),
      description: (v.description ?? '').trim(),
    };
    await saveEdit(structure, editing ? '节点已保存' : '已新增节点', (edit) =>
      editing
        ? structureApi.updateMilestone(campaignId, editing.id, { ...edit, ...body })
        : structureApi.addMilestone(campaignId, { ...edit, ...body }),
    );
  }

  return (
    <>
      <Table<Milestone>
        rowKey="id"
        size="small"
        bordered
        pagination={false}
        dataSource={milestones}
        onRow={(m) => testIdRow('milestone-row', { 'data-id': m.id })}
        columns={[
          {
            title: '截止日期',
            dataIndex: 'dueDate',
            width: 200,
            render: (d: string) => {
              const info = preview(d);
              return info ? <DeadlineText deadline={info} /> : formatChineseDate(d);
            },
          },
          { title: '类型', dataIndex: 'kind', width: 100, render: (k: Milestone['kind']) => KIND_LABELS[k] },
          { title: '节点', dataIndex: 'title' },
          {
            title: '操作',
            key: 'actions',
            width: 120,
            render: (_, m) => (
              <Space size={4}>
                <Button size="small" onClick={() => setEditing(m)} aria-label={`编辑节点${m.title}`}>
                  编辑
                </Button>
                <RemoveButton
                  what={`节点“${m.title}”`}
                  label={`删除节点${m.title}`}
                  onConfirm={() =>
                    run('节点已删除', (edit) => structureApi.removeMilestone(campaignId, m.id, edit))
                  }
                />
              </Space>
            ),
          },
        ]}
      />
      <AddButton onClick={() => setEditing(null)}>新增节点</AddButton>
      {editing !== undefined && (
        <FormModal<Values>
          title={editing ? '编辑节点' : '新增节点'}
          okText="保存"
          form={form}
          formProps={{
            name: 'milestone',
            initialValues: editing
              ? {
                  kind: editing.kind,
                  period: editing.period ? dayjs(`${editing.period}-01`) : null,
                  title: editing.title,
                  dueDate: dayjs(editing.dueDate),
                  description: editing.description,
                }
              : { kind: 'summary' },
          }}
          submit={submit}
          explain={() => null}
          onClose={() => setEditing(undefined)}
        >
          <Form.Item name="kind" label="类型" rules={[{ required: true }]}>
            <Select options={Object.entries(KIND_LABELS).map(([value, label]) => ({ value, label }))} />
          </Form.Item>
          {kind === 'monthly' && (
            <Form.Item name="period" label="月份" rules={[{ required: true, message: '请选择月份' }]}>
              <DatePicker picker="month" />
            </Form.Item>
          )}
          <Form.Item
            name="title"
            label="节点名称"
            rules={[{ required: true, whitespace: true, message: '请输入节点名称' }]}
          >
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item
            name="dueDate"
            label="截止日期"
            rules={[{ required: true, message: '请选择截止日期' }]}
            extra={<DeadlineHint deadline={preview(chosen)} />}
          >
            <DatePicker />
          </Form.Item>
          <Form.Item name="description" label="说明">
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
          </Form.Item>
        </FormModal>
      )}
    </>
  );
}
