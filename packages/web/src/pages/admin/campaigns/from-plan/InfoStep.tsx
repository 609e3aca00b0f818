import type { PlanMilestoneDraft } from '@paicha/core/api/campaign-import';
import { Col, DatePicker, Divider, Form, Input, InputNumber, Row, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { DeadlineHint } from '../../../../components/DeadlineHint';
import { CN_DATE_FORMATS } from '../../../../components/dates';
import { useDeadlinePreview } from '../../../../hooks/useDeadlinePreview';
import { FormRows } from './FormRows';
import type { PlanInfo } from './planDraft';
import { monthlyPeriods, monthlyProblem } from './planMonths';

// The contract's PLAN_MILESTONE_KINDS, named for the office (the web takes only types from the contract).
const MILESTONE_KIND_LABELS: Record<PlanMilestoneDraft['kind'], string> = {
  plan: '工作方案',
  problem_list: '问题清单',
  rectification: '整改结果',
  summary: '工作总结',
};
const MILESTONE_KINDS = Object.keys(MILESTONE_KIND_LABELS) as PlanMilestoneDraft['kind'][];

interface Values {
  title: string;
  docNumber: string;
  reportTitle: string;
  startDate: Dayjs | null;
  endDate: Dayjs | null;
  monthlyDueDay: number | null;
  monthlyFirst: Dayjs | null;
  monthlyLast: Dayjs | null;
  phases: { name: string; startDate: Dayjs | null; endDate: Dayjs | null; description: string }[];
  milestones: {
    kind: PlanInfo['milestones'][number]['kind'];
    title: string;
    dueDate: Dayjs | null;
    description: string;
  }[];
}

/** Shown as 2027年2月; typed as that or 2027-02. */
const MONTH_FORMATS = ['YYYY年M月', 'YYYY-MM'];

const day = (s: string | null) => (s ? dayjs(s) : null);
const iso = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : '');

function toValues(i: PlanInfo): Values {
  return {
    ...i,
    startDate: day(i.startDate),
    endDate: day(i.endDate),
    monthlyFirst: i.monthlyFirst ? dayjs(`${i.monthlyFirst}-01`) : null,
    monthlyLast: i.monthlyLast ? dayjs(`${i.monthlyLast}-01`) : null,
    phases: i.phases.map((p) => ({ ...p, startDate: day(p.startDate), endDate: day(p.endDate) })),
    milestones: i.milestones.map((m) => ({ ...m, dueDate: day(m.dueDate) })),
  };
}

function toInfo(v: Values): PlanInfo {
  return {
    title: v.title ?? '',
    docNumber: v.docNumber ?? '',
    reportTitle: v.reportTitle ?? '',
    startDate: v.startDate ? iso(v.startDate) : null,
    endDate: v.endDate ? iso(v.endDate) : null,
    monthlyDueDay: v.monthlyDueDay ?? null,
    monthlyFirst: v.monthlyFirst ? v.monthlyFirst.format('YYYY-MM') : null,
    monthlyLast: v.monthlyLast ? v.monthlyLast.format('YYYY-MM') : null,
    phases: (v.phases ?? []).map((p) => ({
      name: p?.name ?? '',
      startDate: iso(p?.startDate),
      endDate: iso(p?.endDate),
      description: p?.description ?? '',
    })),
    milestones: (v.milestones ?? []).map((m) => ({
      kind: m?.kind ?? 'rectification',
      title: m?.title ?? '',
      dueDate: iso(m?.dueDate),
      description: m?.description ?? '',
    })),
  };
}

/** The monthly reporting rule as the plan would say it, or what stops it. */
function monthlyRule(i: PlanInfo): string {
  const problem = monthlyProblem(i);
  if (problem) return problem;
  const day = i.monthlyDueDay ? `每月${i.monthlyDueDay}日前报送` : '每月报送日未填';
  const periods = monthlyPeriods(i);
  if (periods.length === 0) return `${day}，自活动开始后的下一个月起至活动结束每月一期。`;
  const word = (p: string) => `${p.slice(0, 4)}年${Number(p.slice(5))}月`;
  return `${day}，${word(periods[0] as string)}至${word(periods.at(-1) as string)}共 ${periods.length} 期。`;
}

const date = (label: string) => (
  <DatePicker format={CN_DATE_FORMATS} aria-label={label} style={{ width: '100%' }} />
);
const text = (label: string, placeholder: string) => (
  <Input.TextArea
    autoSize={{ minRows: 1, maxRows: 4 }}
    placeholder={placeholder}
    aria-label={label}
    maxLength={2000}
  />
);
const month = (label: string) => (
  <DatePicker picker="month" format={MONTH_FORMATS} aria-label={label} style={{ width: '100%' }} />
);

/** Step 3: the campaign as the plan names it, every field editable; each change goes to the draft. */
export function InfoStep(props: { info: PlanInfo; onChange: (info: PlanInfo) => void }) {
  const [form] = Form.useForm<Values>();
  // No campaign yet: its dates are read under the policy a new campaign starts with (kept).
  const preview = useDeadlinePreview(
    null,
    props.info.milestones.map((m) => m.dueDate),
  );
  return (
    <Form<Values>
      form={form}
      layout="vertical"
      name="plan-info"
      data-testid="plan-info-step"
      initialValues={toValues(props.info)}
      onValuesChange={(_, all) => props.onChange(toInfo(all))}
      style={{ maxWidth: 1100 }}
    >
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item
            name="title"
            label="活动名称"
            rules={[{ required: true, whitespace: true, message: '请填写活动名称' }]}
          >
            <Input maxLength={100} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="docNumber" label="文号">
            <Input maxLength={60} placeholder="如 连开扶组办〔2019〕7号" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item
            name="reportTitle"
            label="月报表标题"
            rules={[{ required: true, whitespace: true, message: '请填写月报表标题' }]}
          >
            <Input maxLength={100} />
          </Form.Item>
        </Col>
        <Col span={4}>
          <Form.Item
            name="startDate"
            label="开始日期"
            rules={[{ required: true, message: '请选择开始日期' }]}
          >
            {date('开始日期')}
          </Form.Item>
        </Col>
        <Col span={4}>
          <Form.Item name="endDate" label="结束日期" rules={[{ required: true, message: '请选择结束日期' }]}>
            {date('结束日期')}
          </Form.Item>
        </Col>
        <Col span={4}>
          <Form.Item
            name="monthlyDueDay"
            label="每月报送日"
            rules={[{ required: true, message: '请填写每月报送日' }]}
          >
            <InputNumber
              min={1}
              max={28}
              addonBefore="每月"
              addonAfter="日前"
              style={{ width: '100%' }}
              aria-label="每月报送日"
            />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16} align="bottom">
        <Col span={4}>
          <Form.Item name="monthlyFirst" label="首期月报">
            {month('首期月报')}
          </Form.Item>
        </Col>
        <Col span={4}>
          <Form.Item name="monthlyLast" label="末期月报">
            {month('末期月报')}
          </Form.Item>
        </Col>
        <Col span={16}>
          <Form.Item>
            <Typography.Text type="secondary" data-testid="plan-monthly-rule">
              {monthlyRule(props.info)}
            </Typography.Text>
          </Form.Item>
        </Col>
      </Row>
      <Divider orientation="left">工作阶段</Divider>
      <FormRows
        name="phases"
        noun="阶段"
        testId="phase-row"
        blank={{ name: '', startDate: null, endDate: null, description: '' }}
        fields={[
          {
            name: 'name',
            span: 5,
            input: (n) => <Input placeholder="阶段名称" aria-label={`阶段${n}名称`} maxLength={40} />,
          },
          { name: 'startDate', span: 4, input: (n) => date(`阶段${n}开始`) },
          { name: 'endDate', span: 4, input: (n) => date(`阶段${n}结束`) },
          { name: 'description', span: 10, input: (n) => text(`阶段${n}说明`, '主要任务（可不填）') },
        ]}
      />
      <Divider orientation="left">报送节点</Divider>
      <FormRows
        name="milestones"
        noun="节点"
        testId="milestone-row"
        blank={{ kind: 'rectification', title: '', dueDate: null, description: '' }}
        fields={[
          {
            name: 'kind',
            span: 4,
            input: (n) => (
              <Select
                aria-label={`节点${n}类型`}
                options={MILESTONE_KINDS.map((k) => ({ value: k, label: MILESTONE_KIND_LABELS[k] }))}
              />
            ),
          },
          {
            name: 'title',
            span: 7,
            input: (n) => <Input placeholder="节点名称" aria-label={`节点${n}名称`} maxLength={100} />,
          },
          {
            name: 'dueDate',
            span: 4,
            input: (n) => date(`节点${n}日期`),
            extra: (n) => <DeadlineHint deadline={preview(props.info.milestones[n - 1]?.dueDate)} />,
          },
          { name: 'description', span: 8, input: (n) => text(`节点${n}说明`, '报送内容（可不填）') },
        ]}
        footer={
          <Typography.Text type="secondary">
            每月的月报按下方“月报”设置自动生成，不必列在这里。
          </Typography.Text>
        }
      />
    </Form>
  );
}
