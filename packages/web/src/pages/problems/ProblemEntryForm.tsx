// Recording a problem, wherever it starts: a unit's 登记问题 against its own check items, the
// office's 登记 and 交办 to a unit it picks, a problem from another source (巡视, 审计 …) or a
// 明察暗访 finding 交办 to the visited unit. The fields are ProblemFormFields; a draft is kept
// until the server accepts, and a refused save keeps everything typed.
import type { ProblemSource } from '@paicha/core';
import { Alert, Button, Card, Empty, Form, Popconfirm, Select, Space, Spin, Typography } from 'antd';
import { type ReactNode, useMemo, useState } from 'react';
import { errorMessage } from '../../api/client';
import { campaignsApi, unitsApi } from '../../api/endpoints';
import type { ProblemFieldsInput } from '../../api/problemTypes';
import { cnDateTime } from '../../components/dates';
import { applyFieldErrors } from '../../components/fieldErrors';
import { LoadError } from '../../components/LoadError';
import { groupedUnitOptions } from '../../components/unitOptions';
import { validValues } from '../../components/validValues';
import { useAction } from '../../hooks/useAction';
import { useAsync } from '../../hooks/useAsync';
import { useDraft } from '../../hooks/useDraft';
import { ProblemFormFields } from './ProblemFormFields';
import { type ProblemFormValues, rectificationDue, toFields } from './problemForm';

/** Whose problem it is: the recorder's own unit, a unit the office picks, or a fixed one. */
type ResponsibleUnit =
  | { kind: 'own' }
  | { kind: 'pick'; help: string }
  | { kind: 'fixed'; id: number; name: string };

interface Props {
  title: ReactNode;
  intro?: ReactNode;
  campaignId: number;
  draftKey: string;
  /** The sources offered (the form sources, FORM_SOURCES, when absent). */
  sources?: readonly ProblemSource[];
  defaults: ProblemFormValues;
  unit: ResponsibleUnit;
  saveLabel: string;
  /** Sends the problem (unitId absent for the own unit); throws the server's error to keep the form. */
  onSubmit: (fields: ProblemFieldsInput, unitId: number | undefined) => Promise<void>;
  onCancel: () => void;
  cancelLabel: string;
}

export function ProblemEntryForm(props: Props) {
  const { campaignId, unit, sources } = props;
  const fixed = unit.kind === 'fixed' ? unit : undefined;
  const picking = unit.kind === 'pick';
  const [form] = Form.useForm<ProblemFormValues>();
  const [formKey, setFormKey] = useState(0);
  const draft = useDraft<ProblemFormValues>(props.draftKey);
  const saving = useAction(
    async (fields: ProblemFieldsInput, unitId: number | undefined) => {
      await props.onSubmit(fields, unitId);
      draft.clear();
    },
    {
      inline: true,
      explain: (e) => {
        const unmatched = applyFieldErrors(form, e);
        return unmatched.length ? unmatched.join('；') : errorMessage(e);
      },
    },
  );
  const { data, error, reload } = useAsync(
    () =>
      Promise.all([
        campaignsApi.get(campaignId),
        // A unit records against its own check items only.
        campaignsApi.checkItems(campaignId, unit.kind === 'own'),
        picking ? unitsApi.list() : undefined,
      ]),
    [campaignId, unit.kind, fixed?.id],
  );
  const picked: number | undefined = Form.useWatch('unitId', form);
  // The unit whose assigned items are marked; the own unit's list holds only those anyway.
  const unitId = fixed?.id ?? (picking ? picked : undefined);
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
  if (!items?.length)
    return (
      <Empty description={unit.kind === 'own' ? '本单位在该活动中没有分配排查事项' : '该活动没有排查事项'} />
    );
  const due = rectificationDue(campaign);

  async function save() {
    const v = await validValues(form);
    if (!v) return;
    const all = { ...form.getFieldsValue(true), ...v } as ProblemFormValues;
    await saving.run(toFields(all, due), fixed?.id ?? (picking ? (all.unitId as number) : undefined));
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
      {saving.failure && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          message="保存失败，您填写的内容已保留"
          description={saving.failure}
          data-testid="save-error"
        />
      )}
      <Form<ProblemFormValues>
        form={form}
        layout="vertical"
        name="problem-entry"
        data-testid="problem-form"
        key={formKey}
        initialValues={(formKey === 0 && draft.restored?.values) || props.defaults}
        onValuesChange={(_, all) => draft.save({ ...form.getFieldsValue(true), ...all })}
      >
        {fixed && (
          <Form.Item label="责任单位（交办）">
            <Typography.Text strong data-testid="fixed-unit">
              {fixed.name}
            </Typography.Text>
          </Form.Item>
        )}
        {unit.kind === 'pick' && (
          <Form.Item
            name="unitId"
            label="责任单位（交办）"
            rules={[{ required: true, message: '请选择责任单位' }]}
            extra={unit.help}
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
          <Button type="primary" loading={saving.busy} onClick={() => void save()} data-testid="problem-save">
            {props.saveLabel}
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
              saving.clearFailure();
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
