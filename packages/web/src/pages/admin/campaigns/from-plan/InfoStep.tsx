import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { PlanMilestoneDraft } from '@paicha/core/api/campaign-import';
import {
  Button,
  Col,
  DatePicker,
  Divider,
  Form,
  Input,
  InputNumber,
  Row,
  Select,
  Space,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { DeadlineHint } from '../../../../components/DeadlineHint';
import { CN_DATE_FORMATS } from '../../../../components/dates';
import { useDeadlinePreview } from '../../../../hooks/useDeadlinePreview';
import type { PlanInfo } from './planDraft';

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
  phases: { name: string; startDate: Dayjs | null; endDate: Dayjs | null; description: string }[];
  milestones: {
    kind: PlanInfo['milestones'][number]['kind'];
    title: string;
    dueDate: Dayjs | null;
    description: string;
  }[];
}

const day = (s: string | null) => (s ? dayjs(s) : null);
const iso = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : '');

function toValues(i: PlanInfo): Values {
  return {
    ...i,
    startDate: day(i.startDate),
    endDate: day(i.endDate),
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

const date = (label: string) => (
  <DatePicker format={CN_DATE_FORMATS} aria-label={label} style={{ width: '100%' }} />
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
      <Divider orientation="left">工作阶段</Divider>
      <Form.List name="phases">
        {(fields, { add, remove }) => (
          <>
            {fields.map((f, i) => (
              <Row key={f.key} gutter={8} data-testid="phase-row">
                <Col span={5}>
                  <Form.Item name={[f.name, 'name']}>
                    <Input placeholder="阶段名称" aria-label={`阶段${i + 1}名称`} maxLength={40} />
                  </Form.Item>
                </Col>
                <Col span={4}>
                  <Form.Item name={[f.name, 'startDate']}>{date(`阶段${i + 1}开始`)}</Form.Item>
                </Col>
                <Col span={4}>
                  <Form.Item name={[f.name, 'endDate']}>{date(`阶段${i + 1}结束`)}</Form.Item>
                </Col>
                <Col span={10}>
                  <Form.Item name={[f.name, 'description']}>
                    <Input.TextArea
                      autoSize={{ minRows: 1, maxRows: 4 }}
                      placeholder="主要任务（可不填）"
                      aria-label={`阶段${i + 1}说明`}
                      maxLength={2000}
                    />
                  </Form.Item>
                </Col>
                <Col span={1}>
                  <Button
                    type="text"
                    icon={<DeleteOutlined />}
                    aria-label={`删除阶段${i + 1}`}
                    onClick={() => remove(f.name)}
                  />
                </Col>
              </Row>
            ))}
            <Button
              icon={<PlusOutlined />}
              onClick={() => add({ name: '', startDate: null, endDate: null, description: '' })}
            >
              添加阶段
            </Button>
          </>
        )}
      </Form.List>
      <Divider orientation="left">报送节点</Divider>
      <Form.List name="milestones">
        {(fields, { add, remove }) => (
          <>
            {fields.map((f, i) => (
              <Row key={f.key} gutter={8} data-testid="milestone-row">
                <Col span={4}>
                  <Form.Item name={[f.name, 'kind']}>
                    <Select
                      aria-label={`节点${i + 1}类型`}
                      options={MILESTONE_KINDS.map((k) => ({ value: k, label: MILESTONE_KIND_LABELS[k] }))}
                    />
                  </Form.Item>
                </Col>
                <Col span={7}>
                  <Form.Item name={[f.name, 'title']}>
                    <Input placeholder="节点名称" aria-label={`节点${i + 1}名称`} maxLength={100} />
                  </Form.Item>
                </Col>
                <Col span={4}>
                  <Form.Item
                    name={[f.name, 'dueDate']}
                    extra={<DeadlineHint deadline={preview(props.info.milestones[i]?.dueDate)} />}
                  >
                    {date(`节点${i + 1}日期`)}
                  </Form.Item>
                </Col>
                <Col span={8}>
                  <Form.Item name={[f.name, 'description']}>
                    <Input.TextArea
                      autoSize={{ minRows: 1, maxRows: 4 }}
                      placeholder="报送内容（可不填）"
                      aria-label={`节点${i + 1}说明`}
                      maxLength={2000}
                    />
                  </Form.Item>
                </Col>
                <Col span={1}>
                  <Button
                    type="text"
                    icon={<DeleteOutlined />}
                    aria-label={`删除节点${i + 1}`}
                    onClick={() => remove(f.name)}
                  />
                </Col>
              </Row>
            ))}
            <Space>
              <Button
                icon={<PlusOutlined />}
                onClick={() => add({ kind: 'rectification', title: '', dueDate: null, description: '' })}
              >
                添加节点
              </Button>
              <Typography.Text type="secondary">
                每月的月报按“每月报送日”自动生成，不必列在这里。
              </Typography.Text>
            </Space>
          </>
        )}
      </Form.List>
    </Form>
  );
}
