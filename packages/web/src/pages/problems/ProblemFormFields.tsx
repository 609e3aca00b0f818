import { deadlineNeedsReason, FORM_SOURCES, PROBLEM_MODES, type ProblemSource } from '@paicha/core';
import { Col, DatePicker, Form, Input, Radio, Row, Select, type SelectProps, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { problemsApi } from '../../api/problems';
import type { CheckItem } from '../../api/types';
import { useServerToday } from '../../auth/AuthContext';
import { CN_DATE_FORMATS, cnDate } from '../../components/dates';
import { useAsync } from '../../hooks/useAsync';

/** Dates stay YYYY-MM-DD strings in the form, so drafts serialise as plain JSON. */
export const dateItemProps = {
  getValueProps: (v: string | null | undefined) => ({ value: v ? dayjs(v) : null }),
  normalize: (d: Dayjs | null) => (d ? d.format('YYYY-MM-DD') : null),
};

interface Props {
  items: CheckItem[];
  /** 序号 of the items the chosen unit is responsible for (the office may pick any item). */
  assigned?: Set<number>;
  /** The campaign's 全面整改到位 date: a later deadline needs a stated reason. */
  rectificationDue: string | null;
  /** Limits the 问题来源 choices (other sources, 明察暗访); one choice is shown fixed. */
  sources?: readonly ProblemSource[];
}

function itemOptions(items: CheckItem[], assigned?: Set<number>): SelectProps['options'] {
  const option = (i: CheckItem) => ({
    value: i.seq,
    label: `${i.seq}. ${i.subCategory}：${i.content}`,
  });
  if (!assigned) return items.map(option);
  return [
    { label: '该单位承担的事项', options: items.filter((i) => assigned.has(i.seq)).map(option) },
    { label: '其他事项', options: items.filter((i) => !assigned.has(i.seq)).map(option) },
  ].filter((g) => g.options.length > 0);
}

/** Every field of a problem record, shared by 登记问题 and the detail page's 编辑. */
export function ProblemFormFields({ items, assigned, rectificationDue, sources = FORM_SOURCES }: Props) {
  const form = Form.useFormInstance();
  const mode = Form.useWatch('mode', form);
  const deadline: string | null | undefined = Form.useWatch('deadline', form);
  const foundDate: string | null | undefined = Form.useWatch('foundDate', form);
  const seq: number | undefined = Form.useWatch('checkItem', form);
  const today = useServerToday();
  const late = deadlineNeedsReason(deadline ?? null, rectificationDue);
  // The office's 立行立改期限: a 立行立改 problem left without a deadline is due that many days on.
  const ledger = useAsync(() => problemsApi.ledgerSettings(), []);
  const immediateDays = ledger.data?.immediateDays;
  const chosen = items.find((i) => i.seq === seq);

  return (
    <>
      <Form.Item
        name="checkItem"
        label="排查事项"
        rules={[{ required: true, message: '请选择排查事项' }]}
        extra={chosen ? `排查内容：${chosen.content}` : undefined}
      >
        <Select
          showSearch
          optionFilterProp="label"
          placeholder="选择序号或输入关键词搜索"
          options={itemOptions(items, assigned)}
          optionRender={(o) => <div style={{ whiteSpace: 'normal' }}>{o.label}</div>}
          notFoundContent="没有可选的排查事项"
        />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Form.Item name="source" label="问题来源" rules={[{ required: true, message: '请选择问题来源' }]}>
            <Select
              disabled={sources.length === 1}
              placeholder="选择问题来源"
              options={sources.map((s) => ({ value: s, label: s }))}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item
            name="foundDate"
            label="发现日期"
            rules={[{ required: true, message: '请选择发现日期' }]}
            {...dateItemProps}
          >
            <DatePicker
              format={CN_DATE_FORMATS}
              style={{ width: '100%' }}
              disabledDate={(d) => d.format('YYYY-MM-DD') > today}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="place" label="地点（村/组）">
            <Input maxLength={200} placeholder="如 某某村三组" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item
        name="description"
        label="问题描述"
        rules={[{ required: true, whitespace: true, message: '请填写问题描述' }]}
      >
        <Input.TextArea rows={3} maxLength={2000} showCount />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Form.Item name="householdRef" label="户编号" extra="涉及具体农户时填写">
            <Input maxLength={60} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="responsibleLeader" label="责任领导">
            <Input maxLength={60} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="responsiblePerson" label="责任人">
            <Input maxLength={60} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="cause" label="原因剖析">
        <Input.TextArea rows={2} maxLength={2000} showCount />
      </Form.Item>
      <Form.Item name="measures" label="整改措施">
        <Input.TextArea rows={2} maxLength={2000} showCount />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Form.Item name="mode" label="整改方式" rules={[{ required: true, message: '请选择整改方式' }]}>
            <Radio.Group options={PROBLEM_MODES.map((m) => ({ value: m, label: m }))} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item
            name="deadline"
            label="整改时限"
            dependencies={['mode', 'foundDate']}
            rules={[
              { required: mode === '限期整改', message: '限期整改的问题必须填写整改时限' },
              {
                validator: (_, v: string | null) =>
                  v && foundDate && v < foundDate
                    ? Promise.reject(new Error('整改时限不能早于发现日期'))
                    : Promise.resolve(),
              },
            ]}
            extra={
              [
                mode === '立行立改' && !deadline && immediateDays
                  ? `不填则为登记之日起 ${immediateDays} ${ledger.data?.immediateWorkingDays ? '个工作日' : '天'}`
                  : '',
                rectificationDue ? `全面整改到位时间：${cnDate(rectificationDue)}` : '',
              ]
                .filter(Boolean)
                .join('；') || undefined
            }
            {...dateItemProps}
          >
            <DatePicker format={CN_DATE_FORMATS} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      {late && (
        <Form.Item
          name="deadlineReason"
          label="超期理由"
          rules={[{ required: true, whitespace: true, message: '整改时限晚于全面整改到位时间，须说明理由' }]}
          extra={
            <Typography.Text type="warning">
              整改时限晚于{cnDate(rectificationDue)}（全面整改到位时间），请说明理由
            </Typography.Text>
          }
        >
          <Input.TextArea rows={2} maxLength={500} showCount />
        </Form.Item>
      )}
    </>
  );
}
