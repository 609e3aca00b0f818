import { App, DatePicker, Form, Input, Select } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../../api/client';
import { unitsApi } from '../../../api/endpoints';
import { problemsApi } from '../../../api/problems';
import type { Problem, ProblemDetail } from '../../../api/problemTypes';
import { CN_DATE_FORMATS } from '../../../components/dates';
import { FormModal } from '../../../components/FormModal';
import { groupedUnitOptions } from '../../../components/unitOptions';
import { WorkingDaysField } from '../../../components/WorkingDaysField';
import { useAsync } from '../../../hooks/useAsync';
import { dateItemProps } from '../ProblemFormFields';
import { ConflictAlert, isVersionConflict } from './ConflictAlert';

interface Values {
  unitId: number;
  deadline?: string | null;
  workingDays?: number | null;
  reason?: string;
}

interface Props {
  problem: Problem;
  onDone: (d: ProblemDetail) => void;
  onReload: () => Promise<unknown>;
  onClose: () => void;
}

/** 交办: the office hands the problem to another unit, optionally with a new deadline. */
export function AssignModal({ problem, onDone, onReload, onClose }: Props) {
  const [form] = Form.useForm<Values>();
  const units = useAsync(() => unitsApi.list(), []);
  const [conflict, setConflict] = useState(0);
  const { message } = App.useApp();

  async function submit(v: Values) {
    const d = await problemsApi.assign(problem.id, {
      version: problem.version,
      unitId: v.unitId,
      ...(v.deadline ? { deadline: v.deadline } : {}),
      ...(v.workingDays ? { workingDays: v.workingDays } : {}),
      reason: (v.reason ?? '').trim(),
    });
    message.success(`已交办${d.problem.unit.name}`);
    onDone(d);
  }

  const choices = (units.data ?? []).filter((u) => u.kind !== 'office' && u.id !== problem.unit.id);
  return (
    <FormModal<Values>
      title="交办问题"
      okText="确认交办"
      cancelText="取消"
      okButtonProps={{ 'data-testid': 'assign-ok' }}
      maskClosable={false}
      form={form}
      formProps={{ 'data-testid': 'assign-form' }}
      submit={submit}
      failure={{}}
      explain={(e) => {
        if (!isVersionConflict(e)) return errorMessage(e);
        setConflict((c) => c + 1);
        return null;
      }}
      onClose={onClose}
      intro={
        <>
          <p>交办后由所选单位负责整改，{problem.unit.name}将不再看到该问题。整改状态和办理记录保持不变。</p>
          {conflict > 0 && <ConflictAlert key={conflict} onReload={onReload} />}
        </>
      }
    >
      <Form.Item name="unitId" label="交办给" rules={[{ required: true, message: '请选择责任单位' }]}>
        <Select
          showSearch
          optionFilterProp="label"
          loading={units.loading}
          placeholder="选择责任单位"
          options={groupedUnitOptions(choices)}
        />
      </Form.Item>
      <Form.Item name="deadline" label="新的整改时限" extra="不填则保持原时限" {...dateItemProps}>
        <DatePicker format={CN_DATE_FORMATS} style={{ width: 200 }} />
      </Form.Item>
      <WorkingDaysField />
      <Form.Item name="reason" label="交办说明">
        <Input.TextArea rows={3} maxLength={1000} showCount />
      </Form.Item>
    </FormModal>
  );
}
