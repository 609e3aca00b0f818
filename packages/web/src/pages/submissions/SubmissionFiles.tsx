// The files of a submission: the sealed scan (PDF/image), the ledger's 问题清单 and any other
// electronic copies. New uploads join the list at once and are claimed when the draft is saved.
import { DeleteOutlined, FileOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, List, Space, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../api/client';
import { filesApi } from '../../api/problems';
import type { FileKind } from '../../api/reports';
import { EVIDENCE_ACCEPT, MAX_EVIDENCE_BYTES } from '../../components/EvidenceUpload';
import type { DraftFile } from './submissionDraft';

const KIND_LABELS: Record<FileKind, string> = {
  scan: '盖章扫描件',
  problem_list: '台账问题清单',
  other: '电子档/其他材料',
};

interface Props {
  files: DraftFile[];
  editable: boolean;
  onChange: (files: DraftFile[]) => void;
}

function UploadButton({ kind, onDone }: { kind: FileKind; onDone: (f: DraftFile) => void }) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  return (
    <Upload
      showUploadList={false}
      accept={kind === 'scan' ? 'application/pdf,image/*' : EVIDENCE_ACCEPT}
      beforeUpload={(file) => {
        if (file.size > MAX_EVIDENCE_BYTES) {
          message.error(`“${file.name}”超过 20 MB，请压缩后再上传`);
          return Upload.LIST_IGNORE;
        }
        return true;
      }}
      customRequest={({ file, onSuccess, onError }) => {
        setBusy(true);
        filesApi.upload(file as File).then(
          (a) => {
            setBusy(false);
            onDone({ attachmentId: a.id, kind, name: a.name, mime: a.mime });
            onSuccess?.(a);
          },
          (e: unknown) => {
            setBusy(false);
            message.error(`“${(file as File).name}”上传失败：${errorMessage(e)}`);
            onError?.(e instanceof Error ? e : new Error(errorMessage(e)));
          },
        );
      }}
    >
      <Button icon={<UploadOutlined />} loading={busy} data-testid={`upload-${kind}`}>
        上传{KIND_LABELS[kind]}
      </Button>
    </Upload>
  );
}

export function SubmissionFiles({ files, editable, onChange }: Props) {
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <List
        size="small"
        bordered
        dataSource={files}
        locale={{ emptyText: '尚未上传材料' }}
        data-testid="submission-files"
        renderItem={(f) => (
          <List.Item
            data-testid="submission-file"
            data-kind={f.kind}
            actions={
              editable
                ? [
                    <Button
                      key="remove"
                      size="small"
                      type="text"
                      danger
                      icon={<DeleteOutlined />}
                      aria-label={`移除${f.name}`}
                      onClick={() => onChange(files.filter((x) => x.attachmentId !== f.attachmentId))}
                    />,
                  ]
                : []
            }
          >
            <Space>
              <FileOutlined />
              <Tag color={f.kind === 'scan' ? 'red' : f.kind === 'problem_list' ? 'blue' : 'default'}>
                {KIND_LABELS[f.kind]}
              </Tag>
              <Typography.Link href={filesApi.url(f.attachmentId)} target="_blank" rel="noopener">
                {f.name}
              </Typography.Link>
            </Space>
          </List.Item>
        )}
      />
      {editable && (
        <Space wrap>
          <UploadButton kind="scan" onDone={(f) => onChange([...files, f])} />
          <UploadButton kind="other" onDone={(f) => onChange([...files, f])} />
          <Typography.Text type="secondary">
            盖章扫描件须为 PDF 或图片；保存草稿后材料才归入本次报送。
          </Typography.Text>
        </Space>
      )}
    </Space>
  );
}
