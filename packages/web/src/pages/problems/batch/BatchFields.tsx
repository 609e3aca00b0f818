import { DatePicker, Form, Input, Select, type UploadFile } from 'antd';
import { unitsApi } from '../../../api/endpoints';
import type { Attachment } from '../../../api/problemTypes';
import { CN_DATE_FORMATS } from '../../../components/dates';
import { groupedUnitOptions } from '../../../components/unitOptions';
import { WorkingDaysField } from '../../../components/WorkingDaysField';
import { useAsync } from '../../../hooks/useAsync';
import { dateItemProps } from '../ProblemFormFields';
import { ProgressFields } from '../ProgressFields';
import type { BatchKind } from './batchRules';

export interface BatchValues {
  text?: string;
  reason?: string;
  unitId?: number;
  deadline?: string | null;
  workingDays?: number | null;
  date?: string;
}

interface Props {
  kind: BatchKind;
  files: UploadFile<Attachment>[];
  onFiles: (files: UploadFile<Attachment>[]) => void;
}

/** The one input every problem of the batch gets: an opinion, a reason, a unit, a progress note. */
export function BatchFields({ kind, files, onFiles }: Props) {
  switch (kind) {
    case 'close':
      return (
        <Form.Item name="text" label="审核意见">
          <Input.TextArea rows={3} maxLength={1000} showCount placeholder="不填则为“审核通过，予以销号”" />
        </Form.Item>
      );
    case 'return':
      return (
        <Form.Item
          name="reason"
          label="退回理由（所选问题共用）"
          rules={[{ required: true, whitespace: true, message: '请填写退回理由' }]}
        >
          <Input.TextArea rows={4} maxLength={1000} showCount placeholder="请写明需要补充或改正的内容" />
        </Form.Item>
      );
    case 'assign':
      return <AssignFields />;
    case 'progress':
      return (
        <ProgressFields
          files={files}
          onFiles={onFiles}
          textLabel="整改进展（所选问题共用）"
          evidenceExtra="每个问题的进展都附上这些文件；每个文件不超过 20 MB"
        />
      );
  }
}

function AssignFields() {
  const units = useAsync(() => unitsApi.list(), []);
  const choices = (units.data ?? []).filter((u) => u.kind !== 'office');
  return (
    <>
      <Form.Item name="unitId" label="交办给" rules={[{ required: true, message: '请选择责任单位' }]}>
        <Select
          showSearch
          optionFilterProp="label"
          loading={units.loading}
          placeholder="选择责任单位"
          options={groupedUnitOptions(choices)}
          data-testid="batch-unit"
        />
      </Form.Item>
      <Form.Item name="deadline" label="新的整改时限" extra="不填则各问题保持原时限" {...dateItemProps}>
        <DatePicker format={CN_DATE_FORMATS} style={{ width: 200 }} />
      </Form.Item>
      <WorkingDaysField />
      <Form.Item name="reason" label="交办说明">
        <Input.TextArea rows={3} maxLength={1000} showCount />
      </Form.Item>
    </>
  );
}
