// The campaign's phases (阶段) in order: add, edit, move (drag, ↑/↓ on the handle, or the buttons), remove.
import { ArrowDownOutlined, ArrowUpOutlined } from '@ant-design/icons';
import { formatChineseDate } from '@paicha/core';
import type { Phase } from '@paicha/core/api/campaigns';
import { Button, DatePicker, Form, Input, Space, Table } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { structureApi } from '../../../../api/endpoints';
import { DeadlineHint } from '../../../../components/DeadlineHint';
import { DeadlineText } from '../../../../components/DeadlineText';
import { useDragRows } from '../../../../components/dragRows';
import { FormModal } from '../../../../components/FormModal';
import { testIdRow } from '../../../../components/rowProps';
import { useDeadlinePreview } from '../../../../hooks/useDeadlinePreview';
import { AddButton, RemoveButton, saveEdit } from './EditorParts';
import type { Structure } from './useStructure';

interface Values {
  name: string;
  dates: [Dayjs, Dayjs];
  description?: string;
}

export function PhaseEditor(props: { campaignId: number; phases: Phase[]; structure: Structure }) {
  const { campaignId, phases, structure } = props;
  const { run } = structure;
  const [editing, setEditing] = useState<Phase | null | undefined>(undefined);
  const [form] = Form.useForm<Values>();
  // A phase's end is its deadline: marked, with the policy's reading, when it is a day off.
  const chosenEnd = (Form.useWatch('dates', form) as Values['dates'] | undefined)?.[1]?.format('YYYY-MM-DD');
  const preview = useDeadlinePreview(campaignId, [...phases.map((p) => p.endDate), chosenEnd]);
  const move = (p: Phase, to: number) =>
    run(`第${p.seq}阶段已移至第${to}阶段`, (edit) =>
      structureApi.movePhase(campaignId, p.seq, { ...edit, to }),
    );

  const drag = useDragRows<Phase>({
    seqOf: (p) => p.seq,
    count: phases.length,
    name: (p) => `第${p.seq}阶段`,
    onMove: (from, to) => {
      const phase = phases.find((p) => p.seq === from);
      if (phase) void move(phase, to);
    },
  });

  async function submit(v: Values) {
    const body = {
      name: v.name.trim(),
      startDate: v.dates[0].format('YYYY-MM-DD'),
      endDate: v.dates[1].format('YYYY-MM-DD'),
      description: (v.description ?? '').trim(),
    };
    await saveEdit(structure, editing ? '阶段已保存' : '已新增阶段', (edit) =>
      editing
        ? structureApi.updatePhase(campaignId, editing.seq, { ...edit, ...body })
        : structureApi.addPhase(campaignId, { ...edit, ...body }),
    );
  }

  return (
    <>
      <Table<Phase>
        rowKey="seq"
        size="small"
        bordered
        pagination={false}
        dataSource={phases}
        onRow={(p) => ({ ...testIdRow('phase-row', { 'data-seq': p.seq }), ...drag.rowProps(p) })}
        columns={[
          drag.handle,
          { title: '序号', dataIndex: 'seq', width: 60, align: 'center' },
          { title: '阶段', dataIndex: 'name', width: 200 },
          {
            title: '时间',
            key: 'dates',
            width: 260,
            render: (_, p) => {
              const end = preview(p.endDate);
              return (
                <>
                  {formatChineseDate(p.startDate)}—
                  {end ? <DeadlineText deadline={end} /> : formatChineseDate(p.endDate)}
                </>
              );
            },
          },
          {
            title: '说明',
            dataIndex: 'description',
            render: (v: string) => <div className="cell-content">{v}</div>,
          },
          {
            title: '操作',
            key: 'actions',
            width: 190,
            render: (_, p) => (
              <Space size={4}>
                <Button size="small" onClick={() => setEditing(p)} aria-label={`编辑第${p.seq}阶段`}>
                  编辑
                </Button>
                <Button
                  size="small"
                  icon={<ArrowUpOutlined />}
                  disabled={p.seq === 1}
                  onClick={() => move(p, p.seq - 1)}
                  aria-label={`上移第${p.seq}阶段`}
                />
                <Button
                  size="small"
                  icon={<ArrowDownOutlined />}
                  disabled={p.seq === phases.length}
                  onClick={() => move(p, p.seq + 1)}
                  aria-label={`下移第${p.seq}阶段`}
                />
                <RemoveButton
                  what={`阶段“${p.name}”`}
                  label={`删除第${p.seq}阶段`}
                  onConfirm={() =>
                    run('阶段已删除', (edit) => structureApi.removePhase(campaignId, p.seq, edit))
                  }
                />
              </Space>
            ),
          },
        ]}
      />
      <AddButton onClick={() => setEditing(null)}>新增阶段</AddButton>
      {editing !== undefined && (
        <FormModal<Values>
          title={editing ? `编辑第${editing.seq}阶段` : '新增阶段（排在最后）'}
          okText="保存"
          form={form}
          formProps={{
            name: 'phase',
            initialValues: editing
              ? {
                  name: editing.name,
                  dates: [dayjs(editing.startDate), dayjs(editing.endDate)],
                  description: editing.description,
                }
              : {},
          }}
          submit={submit}
          explain={() => null}
          onClose={() => setEditing(undefined)}
        >
          <Form.Item
            name="name"
            label="阶段名称"
            rules={[{ required: true, whitespace: true, message: '请输入阶段名称' }]}
          >
            <Input maxLength={60} />
          </Form.Item>
          <Form.Item
            name="dates"
            label="起止日期"
            rules={[{ required: true, message: '请选择起止日期' }]}
            extra={<DeadlineHint deadline={preview(chosenEnd)} />}
          >
            <DatePicker.RangePicker />
          </Form.Item>
          <Form.Item name="description" label="说明">
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
          </Form.Item>
        </FormModal>
      )}
    </>
  );
}
