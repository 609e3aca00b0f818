// The texts the office reviews before issuing: title, 文号, opening paragraph, work requirements
// (one paragraph per line) and the date named units report back by. Figures are not editable:
// they come from the ledger and the reports.
import { DatePicker, Form, Input, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { CN_DATE_FORMATS } from '../../components/dates';
import type { Circular, CircularTextsInput } from './api';

export interface CircularFormValues {
  title: string;
  docNumber: string;
  intro: string;
  requirements: string;
  deadline: Dayjs | null;
}

export function toInput(v: CircularFormValues, version: number): CircularTextsInput {
  return {
    version,
    title: v.title.trim(),
    docNumber: v.docNumber.trim(),
    intro: v.intro.trim(),
    requirements: v.requirements.trim(),
    deadline: v.deadline ? v.deadline.format('YYYY-MM-DD') : null,
  };
}

interface Props {
  circular: Circular;
  /** The values while they differ from the saved ones; null when nothing is changed. */
  onChange: (values: CircularFormValues | null) => void;
}

export function CircularForm({ circular: c, onChange }: Props) {
  const [form] = Form.useForm<CircularFormValues>();
  const initial: CircularFormValues = {
    title: c.title,
    docNumber: c.docNumber,
    intro: c.intro,
    requirements: c.requirements,
    deadline: c.deadline ? dayjs(c.deadline) : null,
  };
  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={initial}
      onValuesChange={(_, all) => onChange(form.isFieldsTouched() ? all : null)}
    >
      <Form.Item
        name="title"
        label="标题（一行放不下时，按回车在词语之间分行）"
        rules={[{ required: true, min: 4, message: '请填写标题' }]}
      >
        <Input.TextArea autoSize={{ minRows: 1, maxRows: 3 }} maxLength={100} data-testid="circular-title" />
      </Form.Item>
      <Form.Item name="docNumber" label="发文字号（可不填）">
        <Input maxLength={40} placeholder="如：区扶组办〔2020〕3号" />
      </Form.Item>
      <Form.Item
        name="intro"
        label="开头语（依据与期间）"
        rules={[{ required: true, message: '请填写开头语' }]}
      >
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={2000} data-testid="circular-intro" />
      </Form.Item>
      <Form.Item
        name="requirements"
        label="下步工作要求（每行一段）"
        extra="“总体情况”“综合评分排名情况”“通报批评情况”三部分由系统按数据生成，不能手工修改。"
      >
        <Input.TextArea
          autoSize={{ minRows: 6, maxRows: 16 }}
          maxLength={6000}
          data-testid="circular-requirements"
        />
      </Form.Item>
      <Form.Item
        name="deadline"
        label="反馈时限"
        rules={[{ required: true, message: '签发前请填写反馈时限' }]}
      >
        <DatePicker format={CN_DATE_FORMATS} aria-label="反馈时限" style={{ width: 200 }} />
      </Form.Item>
      <Typography.Text type="secondary">保存后右侧预览和 Word 文件随之更新。</Typography.Text>
    </Form>
  );
}
