import { chinaToday, isAdmin } from '@paicha/core';
import { Alert, App, Button, Card, Empty, Form, Popconfirm, Select, Space, Spin } from 'antd';
import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { errorMessage } from '../../api/client';
import { campaignsApi, unitsApi } from '../../api/endpoints';
import { problemsApi } from '../../api/problems';
import { useUser } from '../../auth/AuthContext';
import { useCampaign } from '../../campaign/CampaignContext';
import { cnDateTime } from '../../components/dates';
import { applyFieldErrors } from '../../components/fieldErrors';
import { LoadError } from '../../components/LoadError';
import { canRecord } from '../../components/problemRoles';
import { groupedUnitOptions } from '../../components/unitOptions';
import { validValues } from '../../components/validValues';
import { useAsync } from '../../hooks/useAsync';
import { useDraft } from '../../hooks/useDraft';
import { ProblemFormFields } from './ProblemFormFields';
import { type ProblemFormValues, rectificationDue, toFields } from './problemForm';

/** 登记问题: units record against their own check items; the office may record for any unit (交办). */
export default function NewProblemPage() {
  const user = useUser();
  const office = isAdmin(user.role);
  const { campaigns, campaignId } = useCampaign();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<ProblemFormValues>();
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<string[]>();
  // Bumped by 清空 to remount the form with the defaults instead of the restored draft.
  const [formKey, setFormKey] = useState(0);
  const draft = useDraft<ProblemFormValues>(`paicha.draft.problem.new.${user.id}.${campaignId ?? 0}`);
  const { data, error, reload } = useAsync(
    async () =>
      campaignId === undefined
        ? undefined
        : Promise.all([
            campaignsApi.get(campaignId),
            campaignsApi.checkItems(campaignId, !office),
            office ? unitsApi.list() : undefined,
          ]),
    [campaignId, office],
  );
  const unitId: number | undefined = Form.useWatch('unitId', form);
  const items = data?.[1];
  const assigned = useMemo(
    () =>
      office && unitId !== undefined
        ? new Set((items ?? []).filter((i) => i.units.some((u) => u.id === unitId)).map((i) => i.seq))
        : undefined,
    [office, unitId, items],
  );

  if (!canRecord(user.role))
    return <Alert type="info" showIcon message="您的角色只能查看问题台账，不能登记问题。" />;
  if (campaigns && !campaigns.length) return <Empty description="尚未创建排查活动" />;
  if (error) return <LoadError error={error} onRetry={reload} />;
  if (!data) return <Spin style={{ display: 'block', margin: 48 }} />;
  const [campaign, , units] = data;
  const due = rectificationDue(campaign);

  async function save() {
    const v = await validValues(form);
    if (!v || campaignId === undefined) return;
    setSaving(true);
    setSaveError(undefined);
    try {
      const all = { ...form.getFieldsValue(true), ...v } as ProblemFormValues;
      const created = await problemsApi.create({
        ...toFields(all, due),
        campaignId,
        ...(office ? { unitId: all.unitId as number } : {}),
      });
      draft.clear();
      message.success(`已登记问题（编号 ${created.problem.id}）`);
      navigate(`/problems/${created.problem.id}`);
    } catch (e) {
      const unmatched = applyFieldErrors(form, e);
      setSaveError(unmatched.length ? unmatched : [errorMessage(e)]);
    } finally {
      setSaving(false);
    }
  }

  return (
    <Card title="登记问题" style={{ maxWidth: 1000 }}>
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
        name="new-problem"
        data-testid="problem-form"
        key={formKey}
        initialValues={
          (formKey === 0 && draft.restored?.values) || { source: '自查', foundDate: chinaToday(), place: '' }
        }
        onValuesChange={(_, all) => draft.save({ ...form.getFieldsValue(true), ...all })}
      >
        {office && (
          <Form.Item
            name="unitId"
            label="责任单位（交办）"
            rules={[{ required: true, message: '请选择责任单位' }]}
            extra="办公室登记的问题直接交办给所选单位整改"
          >
            <Select
              showSearch
              optionFilterProp="label"
              placeholder="选择责任单位"
              options={groupedUnitOptions((units ?? []).filter((u) => u.kind !== 'office'))}
            />
          </Form.Item>
        )}
        <ProblemFormFields items={items ?? []} assigned={assigned} rectificationDue={due} />
        <Space>
          <Button type="primary" loading={saving} onClick={() => void save()} data-testid="problem-save">
            保存
          </Button>
          <Button onClick={() => navigate('/problems')}>返回台账</Button>
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
