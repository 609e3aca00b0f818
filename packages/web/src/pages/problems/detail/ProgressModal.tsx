import { Alert, App, Form, type UploadFile } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../../api/client';
import { filesApi, problemsApi } from '../../../api/problems';
import type { Attachment, Problem, ProblemDetail } from '../../../api/problemTypes';
import { useServerToday } from '../../../auth/AuthContext';
import { uploadState } from '../../../components/EvidenceUpload';
import { FormModal } from '../../../components/FormModal';
import { useDraft } from '../../../hooks/useDraft';
import { ProgressFields } from '../ProgressFields';
import { ConflictAlert, isVersionConflict } from './ConflictAlert';

interface Values {
  date: string;
  text: string;
}

interface StoredProgress extends Partial<Values> {
  files?: { id: number; name: string }[];
}

interface Props {
  problem: Problem;
  userId: number;
  onDone: (d: ProblemDetail) => void;
  onReload: () => Promise<unknown>;
  onClose: () => void;
}

function restoredFiles(stored: StoredProgress | undefined): UploadFile<Attachment>[] {
  return (stored?.files ?? []).map((f) => ({
    uid: `restored-${f.id}`,
    name: f.name,
    status: 'done',
    url: filesApi.url(f.id),
    response: { id: f.id, name: f.name } as Attachment,
  }));
}

/** 记录整改进展: a dated entry with text and evidence; kept as a draft until the server took it. */
export function ProgressModal({ problem, userId, onDone, onReload, onClose }: Props) {
  const draft = useDraft<StoredProgress>(`paicha.draft.progress.${problem.id}.${userId}`);
  const [form] = Form.useForm<Values>();
  const [files, setFiles] = useState(() => restoredFiles(draft.restored?.values));
  const [conflict, setConflict] = useState(0);
  const { message } = App.useApp();
  const uploads = uploadState(files);
  const today = useServerToday();

  function remember(values: Partial<Values>, list = files) {
    const s = uploadState(list);
    const names = new Map(list.map((f) => [(f.response as Attachment | undefined)?.id, f.name]));
    draft.save({ ...values, files: s.ids.map((id) => ({ id, name: names.get(id) ?? '' })) });
  }

  async function submit(v: Values) {
    const d = await problemsApi.progress(problem.id, {
      version: problem.version,
      date: v.date,
      text: v.text.trim(),
      attachmentIds: uploads.ids,
    });
    draft.clear();
    message.success('已记录整改进展');
    onDone(d);
  }

  return (
    <FormModal<Values>
      width={640}
      title="记录整改进展"
      okText="保存进展"
      cancelText="取消"
      okButtonProps={{ disabled: uploads.busy, 'data-testid': 'progress-ok' }}
      maskClosable={false}
      form={form}
      formProps={{
        'data-testid': 'progress-form',
        initialValues: { date: today, text: '', ...draft.restored?.values },
        onValuesChange: (_, all) => remember(all),
      }}
      submit={submit}
      failure={{}}
      explain={(e) => {
        if (!isVersionConflict(e)) return errorMessage(e);
        setConflict((c) => c + 1);
        return null;
      }}
      onClose={onClose}
      intro={conflict > 0 && <ConflictAlert key={conflict} onReload={onReload} />}
    >
      {draft.restored && (
        <Alert type="info" showIcon style={{ marginBottom: 16 }} message="已恢复上次未保存的整改进展" />
      )}
      <ProgressFields
        files={files}
        onFiles={(list) => {
          setFiles(list);
          remember(form.getFieldsValue(true), list);
        }}
        textLabel="整改进展"
        evidenceExtra="图片、PDF、Word/Excel/PowerPoint 或 WPS 文件，每个不超过 20 MB；提交销号前至少需要一份"
      />
      {uploads.busy && <Alert type="info" message="文件上传中，完成后才能保存" showIcon />}
    </FormModal>
  );
}
