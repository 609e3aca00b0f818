import { UploadOutlined } from '@ant-design/icons';
import { App, Button, Upload, type UploadFile } from 'antd';
import { errorMessage } from '../api/client';
import { filesApi } from '../api/problems';
import type { Attachment } from '../api/problemTypes';

export const MAX_EVIDENCE_BYTES = 20 * 1024 * 1024;
export const EVIDENCE_ACCEPT = 'image/*,.pdf,.doc,.docx,.xls,.xlsx,.ppt,.pptx,.wps,.et,.dps';

interface Props {
  files: UploadFile<Attachment>[];
  onChange: (files: UploadFile<Attachment>[]) => void;
}

/** 佐证材料: images, PDF and Office/WPS files, uploaded at once with a progress bar each. */
export function EvidenceUpload({ files, onChange }: Props) {
  const { message } = App.useApp();
  return (
    <Upload<Attachment>
      multiple
      accept={EVIDENCE_ACCEPT}
      fileList={files}
      onChange={({ fileList }) => onChange(fileList)}
      beforeUpload={(file) => {
        if (file.size > MAX_EVIDENCE_BYTES) {
          message.error(`“${file.name}”超过 20 MB，请压缩后再上传`);
          return Upload.LIST_IGNORE;
        }
        return true;
      }}
      customRequest={({ file, onProgress, onSuccess, onError }) => {
        filesApi.upload(file as File, { onProgress: (percent) => onProgress?.({ percent }) }).then(
          (a) => onSuccess?.(a),
          (e: unknown) => {
            message.error(`“${(file as File).name}”上传失败：${errorMessage(e)}`);
            onError?.(e instanceof Error ? e : new Error(errorMessage(e)));
          },
        );
      }}
      itemRender={(node, f) => (
        <div data-testid="evidence-file" data-status={f.status}>
          {node}
        </div>
      )}
    >
      <Button icon={<UploadOutlined />} data-testid="evidence-upload">
        选择文件上传
      </Button>
    </Upload>
  );
}

/** The uploaded attachment ids, and whether any upload is still running. */
export function uploadState(files: UploadFile<Attachment>[]) {
  return {
    ids: files.filter((f) => f.status === 'done' && f.response).map((f) => (f.response as Attachment).id),
    busy: files.some((f) => f.status === 'uploading'),
    failed: files.filter((f) => f.status === 'error').length,
  };
}
