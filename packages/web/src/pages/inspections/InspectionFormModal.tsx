import { VISIT_TYPES } from '@paicha/core';
import { Alert, App, DatePicker, Form, Input, Radio, Select } from 'antd';
import { errorMessage } from '../../api/client';
import { unitsApi } from '../../api/endpoints';
import { type Inspection, type InspectionInput, inspectionsApi } from '../../api/inspections';
import { useServerToday, useUser } from '../../auth/AuthContext';
import { CN_DATE_FORMATS, cnDateTime } from '../../components/dates';
import { FormModal } from '../../components/FormModal';
import { applyFieldErrors } from '../../components/fieldErrors';
import { groupedUnitOptions } from '../../components/unitOptions';
import { useAsync } from '../../hooks/useAsync';
import { useDraft } from '../../hooks/useDraft';
import { dateItemProps } from '../problems/ProblemFormFields';

type Values = Partial<InspectionInput>;

interface Props {
  campaignId: number;
  /** The visit to edit, or undefined to record a new one. */
  visit?: Inspection;
  onClose: () => void;
  onSaved: (v: Inspection) => void;
}

/** 登记/修改明察暗访: what was typed is kept as a draft until the server accepts it. */
export function InspectionFormModal({ campaignId, visit, onClose, onSaved }: Props) {
  const user = useUser();
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<Values>();
  const units = useAsync(() => unitsApi.list(), []);
  const draft = useDraft<Values>(`paicha.draft.inspection.${visit?.id ?? 'new'}.${user.id}.${campaignId}`);
  const today = useServerToday();

  const initial: Values =
    draft.restored?.values ??
    (visit
      ? {
          unitId: visit.unit.id,
          visitDate: visit.visitDate,
          place: visit.place,
          visitType: visit.visitType,
          inspectors: visit.inspectors,
          findings: visit.findings,
        }
      : { visitDate: today, visitType: '明察', place: '', inspectors: '', findings: '' });

  async function save(v: Values) {
    const body: InspectionInput = {
      unitId: v.unitId as number,
      visitDate: v.visitDate as string,
      visitType: v.visitType as InspectionInput['visitType'],
      place: (v.place ?? '').trim(),
      inspectors: (v.inspectors ?? '').trim(),
      findings: (v.findings ?? '').trim(),
    };
    const saved = visit
      ? await inspectionsApi.update(visit.id, { ...body, version: visit.version })
      : await inspectionsApi.create({ ...body, campaignId });
    draft.clear();
    message.success(visit ? '检查记录已修改' : '已登记明察暗访');
    onSaved(saved);
  }

  function cancel() {
    if (!form.isFieldsTouched() && !draft.restored) return onClose();
    modal.confirm({
      title: '放弃未保存的内容？',
      content: '填写的检查记录不会保存。',
      okText: '放弃',
      cancelText: '继续填写',
      onOk: () => {
        draft.clear();
        onClose();
      },
    });
  }

  return (
    <FormModal<Values>
      title={visit ? '修改检查记录' : '登记明察暗访'}
      width={680}
      okText="保存"
      cancelText="取消"
      okButtonProps={{ 'data-testid': 'inspection-save' }}
      maskClosable={false}
      onCancel={cancel}
      form={form}
      formProps={{
        name: 'inspection',
        'data-testid': 'inspection-form',
        initialValues: initial,
        onValuesChange: (_, all) => draft.save(all),
      }}
      submit={save}
      failure={{ title: '保存失败，您填写的内容已保留' }}
      explain={(e) => {
        const unmatched = applyFieldErrors(form, e);
        return unmatched.length ? unmatched.join('；') : errorMessage(e);
      }}
      onClose={onClose}
      intro={
        draft.restored && (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 16 }}
            message={`已恢复 ${cnDateTime(draft.restored.savedAt)} 未保存的填写内容`}
          />
        )
      }
    >
      <Form.Item name="unitId" label="被检查单位" rules={[{ required: true, message: '请选择被检查单位' }]}>
        <Select
          showSearch
          optionFilterProp="label"
          loading={units.loading}
          placeholder="选择街道或部门"
          options={groupedUnitOptions((units.data ?? []).filter((u) => u.kind !== 'office'))}
        />
      </Form.Item>
      <div style={{ display: 'flex', gap: 16, flexWrap: 'wrap' }}>
        <Form.Item
          name="visitDate"
          label="检查日期"
          rules={[{ required: true, message: '请选择检查日期' }]}
          {...dateItemProps}
        >
          <DatePicker
            format={CN_DATE_FORMATS}
            style={{ width: 200 }}
            disabledDate={(d) => d.format('YYYY-MM-DD') > today}
          />
        </Form.Item>
        <Form.Item name="visitType" label="检查方式" rules={[{ required: true, message: '请选择检查方式' }]}>
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            options={VISIT_TYPES.map((t) => ({
              value: t,
              label: t === '明察' ? '明察（事先通知）' : '暗访（不打招呼）',
            }))}
          />
        </Form.Item>
      </div>
      <Form.Item name="place" label="检查地点">
        <Input maxLength={200} placeholder="如 某某村、某某社区、某户" />
      </Form.Item>
      <Form.Item name="inspectors" label="检查人员">
        <Input maxLength={200} placeholder="如 齐振龙、王某某" />
      </Form.Item>
      <Form.Item
        name="findings"
        label="发现问题"
        extra="检查中发现的问题；需要整改的，保存后可逐条“转为问题”交办该单位"
      >
        <Input.TextArea rows={5} maxLength={5000} showCount />
      </Form.Item>
    </FormModal>
  );
}
