import { Alert, App, Button, DatePicker, Form, InputNumber, Modal, Select, Switch, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { ApiError, errorMessage } from '../../api/client';
import { householdsApi } from '../../api/households';
import type { ScreeningRuleView } from '../../api/householdTypes';
import { CN_DATE_FORMATS } from '../../components/dates';
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
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string>();
  const metas = Object.keys(rule.defaults).map(
    (k) => [k, paramMeta(k, rule.defaults[k])] as [string, ParamMeta],
  );

  async function save() {
    setSaving(true);
    setFailure(undefined);
    try {
      const saved = await householdsApi.updateRule(rule.id, {
        params: fromForm(form.getFieldsValue(), metas),
      });
      message.success('规则参数已保存，下次比对时生效');
      props.onSaved(saved);
    } catch (e) {
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
      setFailure(all ? '参数未保存：请按各项下方的提示修改。' : errorMessage(e));
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal
      open
      title={`修改参数：${rule.title}`}
      onCancel={props.onClose}
      width={640}
      footer={[
        <Button key="defaults" onClick={() => form.setFieldsValue(toForm(rule.defaults, metas) as never)}>
          恢复默认值
        </Button>,
        <Button key="cancel" onClick={props.onClose}>
          取消
        </Button>,
        <Button key="ok" type="primary" loading={saving} onClick={() => void save()} data-testid="rule-save">
          保存
        </Button>,
      ]}
    >
      <Typography.Paragraph type="secondary">{rule.description}</Typography.Paragraph>
      {failure && (
        <Alert
          type="error"
          showIcon
          message={failure}
          style={{ marginBottom: 16 }}
          data-testid="rule-error"
        />
      )}
      <Form form={form} layout="vertical" initialValues={toForm(rule.params, metas)}>
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
      </Form>
    </Modal>
  );
}
