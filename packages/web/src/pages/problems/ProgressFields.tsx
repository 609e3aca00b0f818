// The fields of one 整改进展 entry — its date (not after the server's today), what was done, the
// evidence — shared by a problem's own 记录整改进展 and the ledger's batch progress, so both ask
// the same questions with the same rules.
import { DatePicker, Form, Input, type UploadFile } from 'antd';
import type { Attachment } from '../../api/problemTypes';
import { useServerToday } from '../../auth/AuthContext';
import { CN_DATE_FORMATS } from '../../components/dates';
import { EvidenceUpload } from '../../components/EvidenceUpload';
import { dateItemProps } from './ProblemFormFields';

interface Props {
  files: UploadFile<Attachment>[];
  onFiles: (files: UploadFile<Attachment>[]) => void;
  /** 整改进展, or 整改进展（所选问题共用） for a batch. */
  textLabel: string;
  /** What the evidence is for: the kinds and size of file, how they are used. */
  evidenceExtra: string;
}

export function ProgressFields({ files, onFiles, textLabel, evidenceExtra }: Props) {
  const today = useServerToday();
  return (
    <>
      <Form.Item
        name="date"
        label="进展日期"
        rules={[{ required: true, message: '请选择日期' }]}
        {...dateItemProps}
      >
        <DatePicker
          format={CN_DATE_FORMATS}
          style={{ width: 200 }}
          disabledDate={(d) => d.format('YYYY-MM-DD') > today}
        />
      </Form.Item>
      <Form.Item
        name="text"
        label={textLabel}
        rules={[{ required: true, whitespace: true, message: '请填写整改进展' }]}
      >
        <Input.TextArea rows={4} maxLength={2000} showCount placeholder="做了什么、整改到什么程度" />
      </Form.Item>
      <Form.Item label="佐证材料" extra={evidenceExtra}>
        <EvidenceUpload files={files} onChange={onFiles} />
      </Form.Item>
    </>
  );
}
