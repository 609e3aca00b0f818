// The office's problem entry for 交办: a problem from another source (巡视, 审计 …) or a 明察暗访
// finding. The same fields as 登记问题 (ProblemFormFields), with the sources limited, the
// responsible unit chosen (or fixed to the visited unit), and a draft kept until the server accepts.
import type { ProblemSource } from '@paicha/core';
import { Alert, Button, Card, Empty, Form, Popconfirm, Select, Space, Spin, Typography } from 'antd';
import { type ReactNode, useMemo, useState } from 'react';
import { errorMessage } from '../api/client';
import { campaignsApi, unitsApi } from '../api/endpoints';
import type { ProblemFieldsInput } from '../api/problemTypes';
import { useAsync } from '../hooks/useAsync';
import { useDraft } from '../hooks/useDraft';
import { ProblemFormFields } from '../pages/problems/ProblemFormFields';
import { type ProblemFormValues, rectificationDue, toFields } from '../pages/problems/problemForm';
import { cnDateTime } from './dates';
import { applyFieldErrors } from './fieldErrors';
import { LoadError } from './LoadError';
import { groupedUnitOptions } from './unitOptions';
import { validValues } from './validValues';

interface Props {
  title: ReactNode;
  intro?: ReactNode;
  campaignId: number;
  draftKey: string;
  sources: readonly ProblemSource[];
  defaults: ProblemFormValues;
  /** The visited unit (明察暗访); otherwise the office picks the responsible unit. */
  unit?: { id: number; name: string };
  saveLabel?: string;
  /** Sends the problem; throws the server's error to keep the form and show it. */
  onSubmit: (fields: ProblemFieldsInput, unitId: number) => Promise<void>;
  onCancel: () => void;
  cancelLabel: string;
}

export function OfficeProblemForm(props: Props) {
  const { campaignId, unit, sources } = props;
  const [form] = Form.useForm<ProblemFormValues>();
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<string[]>();
  const [formKey, setFormKey] = useState(0);
  const draft = useDraft<ProblemFormValues>(props.draftKey);
  const { data, error, reload } = useAsync(
    () =>
      Promise.all([
        campaignsApi.get(campaignId),
        campaignsApi.checkItems(campaignId),
        unit ? undefined : unitsApi.list(),
      ]),
    [campaignId, unit?.id],
  );
  const picked: number | undefined = Form.useWatch('unitId', form);
  const unitId = unit?.id ?? picked;
  const items = data?.[1];
  const assigned = useMemo(
    () =>
      unitId === undefined
        ? undefined
        : new Set((items ?? []).filter((i) => i.units.some((u) => u.id === unitId)).map((i) => i.seq)),
    [unitId, items],
  );

  if (error) return <LoadError error={error} onRetry={reload} />;
  if (!data) return <Spin style={{ display: 'block', margin: 48 }} />;
  const [campaign, , units] = data;
  if (!items?.length) return <Empty description="该活动没有排查事项" />;
  const due = rectificationDue(campaign);

  async function save() {
    const v = await validValues(form);
    if (!v) return;
    setSaving(true);
    setSaveError(undefined);
    try {
      const all = { ...form.getFieldsValue(true), ...v } as ProblemFormValues;
      await props.onSubmit(toFields(all, due), unit?.id ?? (all.unitId as number));
      draft.clear();
    } catch (e) {
      const unmatched = applyFieldErrors(form, e);
      setSaveError(unmatched.length ? unmatched : [errorMessage(e)]);
    } finally {
      setSaving(false);
    }
  }

  return (
    <Card title={props.title} style={{ maxWidth: 1000 }}>
      {props.intro}
      {draft.restored && formKey === 0 && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          message={`已恢复 ${cnDateTime(draft.restored.savedAt)} 未保存的填写内容`}
          data-testid="draft-restored"
        />
      )}
      {saveError && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          message="保存失败，您填写的内容已保留"
          description={saveError.join('；')}
          data-testid="save-error"
        />
      )}
      <Form<ProblemFormValues>
        form={form}
        layout="vertical"
        name="office-problem"
        data-testid="problem-form"
        key={formKey}
        initialValues={(formKey === 0 && draft.restored?.values) || props.defaults}
        onValuesChange={(_, all) => draft.save({ ...form.getFieldsValue(true), ...all })}
      >
        {unit ? (
          <Form.Item label="责任单位（交办）">
            <Typography.Text strong data-testid="fixed-unit">
              {unit.name}
            </Typography.Text>
          </Form.Item>
        ) : (
          <Form.Item
            name="unitId"
            label="责任单位（交办）"
            rules={[{ required: true, message: '请选择责任单位' }]}
            extra="问题直接交办给所选单位整改，该单位在问题台账中看到并办理"
          >
            <Select
              showSearch
              optionFilterProp="label"
              placeholder="选择责任单位"
              options={groupedUnitOptions((units ?? []).filter((u) => u.kind !== 'office'))}
            />
          </Form.Item>
        )}
        <ProblemFormFields items={items} assigned={assigned} rectificationDue={due} sources={sources} />
        <Space>
          <Button type="primary" loading={saving} onClick={() => void save()} data-testid="problem-save">
            {props.saveLabel ?? '保存并交办'}
          </Button>
          <Button onClick={props.onCancel}>{props.cancelLabel}</Button>
          <Popconfirm
            title="清空填写内容？"
            description="已填写的内容和草稿都会清除。"
            okText="清空"
            cancelText="取消"
            onConfirm={() => {
              draft.clear();
              setFormKey((k) => k + 1);
              setSaveError(undefined);
            }}
          >
            <Button danger type="text">
              清空
            </Button>
          </Popconfirm>
        </Space>
      </Form>
    </Card>
  );
}
