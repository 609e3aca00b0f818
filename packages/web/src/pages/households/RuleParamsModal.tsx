import { App, Button, DatePicker, Form, InputNumber, Select, Switch, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { ApiError, errorMessage } from '../../api/client';
import { householdsApi } from '../../api/households';
import type { ScreeningRuleView } from '../../api/householdTypes';
import { CN_DATE_FORMATS } from '../../components/dates';
import { FormModal } from '../../components/FormModal';
import { type ParamMeta, paramMeta } from './ruleParams';

type Values = Record<string, unknown>;

function toForm(params: Values, metas: [string, ParamMeta][]): Values {
  const out: Values = {};
  for (const [k, m] of metas) out[k] = m.kind === 'date' && params[k] ? dayjs(String(params[k])) : params[k];
  return out;
}

function fromForm(values: Values, metas: [string, ParamMeta][]): Values {
  const out: Values = {};
  for (const [k, m] of metas) {
    const v = values[k];
    out[k] = m.kind === 'date' && v ? (v as Dayjs).format('YYYY-MM-DD') : v === undefined ? null : v;
  }
  return out;
}

function input(m: ParamMeta) {
  switch (m.kind) {
    case 'number':
    case 'integer':
      return (
        <InputNumber
          style={{ width: 240 }}
          precision={m.kind === 'integer' ? 0 : undefined}
          addonAfter={m.unit}
        />
      );
    case 'date':
      return <DatePicker format={CN_DATE_FORMATS} allowClear={false} />;
    case 'boolean':
      return <Switch checkedChildren="是" unCheckedChildren="否" />;
    case 'multi':
      return <Select mode="multiple" options={m.options} />;
    default:
      return <Select mode="tags" tokenSeparators={[',', '，', '、']} />;
  }
}

/** Edits one rule's thresholds; the server's validation messages appear beside the fields. */
export function RuleParamsModal(props: {
  rule: ScreeningRuleView;
  onClose: () => void;
  onSaved: (rule: ScreeningRuleView) => void;
}) {
  const { rule } = props;
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const metas = Object.keys(rule.defaults).map(
    (k) => [k, paramMeta(k, rule.defaults[k])] as [string, ParamMeta],
  );

  async function save(values: Values) {
    const saved = await householdsApi.updateRule(rule.id, { params: fromForm(values, metas) });
    message.success('规则参数已保存，下次比对时生效');
    props.onSaved(saved);
  }

  function explain(e: unknown) {
    const fields: { name: string; errors: string[] }[] = [];
    if (e instanceof ApiError && Array.isArray(e.details)) {
      for (const d of e.details as { path?: string; message?: string }[]) {
        const key = d.path?.split('/')[2];
        if (key && rule.defaults[key] !== undefined) fields.push({ name: key, errors: [d.message ?? ''] });
      }
    }
    form.setFields(fields);
    // The server's message names the parameters by their code (incomeLine); when every issue
    // sits beside its field, the field messages say it in the clerk's words.
    const all = e instanceof ApiError && Array.isArray(e.details) && fields.length === e.details.length;
    return all ? '参数未保存：请按各项下方的提示修改。' : errorMessage(e);
  }

  return (
    <FormModal<Values>
      title={`修改参数：${rule.title}`}
      width={640}
      okText="保存"
      cancelText="取消"
      okButtonProps={{ 'data-testid': 'rule-save' }}
      footer={(_, { OkBtn, CancelBtn }) => (
        <>
          <Button onClick={() => form.setFieldsValue(toForm(rule.defaults, metas) as never)}>
            恢复默认值
          </Button>
          <CancelBtn />
          <OkBtn />
        </>
      )}
      form={form}
      formProps={{ initialValues: toForm(rule.params, metas) }}
      submit={save}
      failure={{ testId: 'rule-error' }}
      explain={explain}
      onClose={props.onClose}
      intro={<Typography.Paragraph type="secondary">{rule.description}</Typography.Paragraph>}
    >
      {metas.map(([key, m]) => (
        <Form.Item
          key={key}
          name={key}
          label={m.label}
          extra={m.help}
          valuePropName={m.kind === 'boolean' ? 'checked' : 'value'}
        >
          {input(m)}
        </Form.Item>
      ))}
    </FormModal>
  );
}
