import { FORM_SOURCES, isReservedSource } from '@paicha/core';
import { Alert, App, Button, Form, Popconfirm, Space, Spin } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../../api/client';
import { campaignsApi } from '../../../api/endpoints';
import { problemsApi } from '../../../api/problems';
import type { Problem, ProblemDetail, ProblemFieldsInput } from '../../../api/problemTypes';
import type { SessionUser } from '../../../api/types';
import { applyFieldErrors } from '../../../components/fieldErrors';
import { LoadError } from '../../../components/LoadError';
import { validValues } from '../../../components/validValues';
import { useAction } from '../../../hooks/useAction';
import { useAsync } from '../../../hooks/useAsync';
import type { Draft } from '../../../hooks/useDraft';
import { ProblemFormFields } from '../ProblemFormFields';
import {
  changedFields,
  type EditDraft,
  FIELD_LABELS,
  fromProblem,
  type ProblemFormValues,
  rectificationDue,
  toFields,
} from '../problemForm';
import { ConflictAlert, isVersionConflict } from './ConflictAlert';

interface Props {
  user: SessionUser;
  problem: Problem;
  draft: Draft<EditDraft>;
  onSaved: (d: ProblemDetail) => void;
  onReload: () => Promise<unknown>;
  onCancel: () => void;
}

/**
 * 编辑: the record's fields, saved against the version shown. Only the fields the clerk changed
 * (against the record the edit started from) are sent, so after a version conflict and a reload
 * their save does not undo what someone else changed meanwhile in other fields.
 */
export function ProblemEditForm({ user, problem, draft, onSaved, onReload, onCancel }: Props) {
  const [form] = Form.useForm<ProblemFormValues>();
  const [base] = useState(() => draft.restored?.values.base ?? fromProblem(problem));
  const [conflict, setConflict] = useState(0);
  const { message } = App.useApp();
  const saving = useAction(
    async (patch: Partial<ProblemFieldsInput>) => {
      const d = await problemsApi.update(problem.id, { ...patch, version: problem.version });
      draft.clear();
      message.success('已保存修改');
      onSaved(d);
    },
    {
      inline: true,
      explain: (e) => {
        if (isVersionConflict(e)) {
          setConflict((c) => c + 1);
          return null;
        }
        const unmatched = applyFieldErrors(form, e);
        return unmatched.length ? unmatched.join('；') : errorMessage(e);
      },
    },
  );
  const office = user.role === 'admin';
  const { data, error, reload } = useAsync(
    () => Promise.all([campaignsApi.get(problem.campaignId), campaignsApi.checkItems(problem.campaignId)]),
    [problem.campaignId],
  );
  if (error) return <LoadError error={error} onRetry={reload} />;
  if (!data) return <Spin />;
  const [campaign, allItems] = data;
  // Units choose among their own items (the current one stays, even if the office set another).
  const items = office
    ? allItems
    : allItems.filter((i) => i.seq === problem.checkItem || i.units.some((u) => u.id === user.unit.id));
  const due = rectificationDue(campaign);
  const latest = toFields(fromProblem(problem), due);
  const othersChanged = Object.keys(changedFields(toFields(base, due), latest)).map(
    (k) => FIELD_LABELS[k as keyof typeof FIELD_LABELS],
  );

  async function save() {
    const v = await validValues(form);
    if (!v) return;
    const all = { ...form.getFieldsValue(true), ...v } as ProblemFormValues;
    await saving.run(changedFields(toFields(base, due), toFields(all, due)));
  }

  return (
    <Form<ProblemFormValues>
      form={form}
      layout="vertical"
      data-testid="problem-edit-form"
      initialValues={draft.restored?.values.values ?? base}
      onValuesChange={(_, all) => draft.save({ values: { ...form.getFieldsValue(true), ...all }, base })}
    >
      {draft.restored && (
        <Alert type="info" showIcon style={{ marginBottom: 16 }} message="已恢复您上次未保存的修改" />
      )}
      {conflict > 0 && <ConflictAlert key={conflict} onReload={onReload} />}
      {othersChanged.length > 0 && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="others-changed"
          message={`您编辑期间他人修改了：${othersChanged.join('、')}`}
          description="保存时只提交您改动的项目，他人修改的其他项目保持不变。"
        />
      )}
      {saving.failure && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          message="保存失败，您的修改已保留"
          description={saving.failure}
        />
      )}
      {/* A 明察暗访 / 数据比对 problem keeps its source; others choose among the form's sources. */}
      <ProblemFormFields
        items={items}
        rectificationDue={due}
        sources={isReservedSource(problem.source) ? [problem.source] : FORM_SOURCES}
      />
      <Space>
        <Button type="primary" loading={saving.busy} onClick={() => void save()} data-testid="edit-save">
          保存修改
        </Button>
        <Popconfirm
          title="放弃修改？"
          description="未保存的修改将被丢弃。"
          okText="放弃"
          cancelText="继续编辑"
          onConfirm={() => {
            draft.clear();
            onCancel();
          }}
        >
          <Button>取消</Button>
        </Popconfirm>
      </Space>
    </Form>
  );
}
