import { InboxOutlined } from '@ant-design/icons';
import { Progress, Typography, Upload } from 'antd';
import type { ReactNode } from 'react';

/**
 * One file, clicked or dropped, handed to `onFile` (nothing is uploaded by antd itself), with the
 * upload's progress below while `percent` is set: "正在上传…" until the bytes are in, then what the
 * server does with them (`processing`). The from-plan wizard and the ledger import share it.
 */
export function FileDrop(props: {
  accept: string;
  /** The call to action inside the drop zone. */
  text: string;
  /** Below the text, e.g. the file chosen. */
  hint?: ReactNode;
  /** The upload's percent while one runs; undefined when idle. */
  percent: number | undefined;
  /** What the server is doing once the upload reached 100 %. */
  processing: string;
  onFile: (file: File) => void;
  testId?: string;
  progressTestId?: string;
}) {
  const busy = props.percent !== undefined;
  return (
    <>
      <div data-testid={props.testId}>
        <Upload.Dragger
          accept={props.accept}
          maxCount={1}
          showUploadList={false}
          disabled={busy}
          beforeUpload={(f) => {
            props.onFile(f);
            return false;
          }}
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">{props.text}</p>
          {props.hint && <p className="ant-upload-hint">{props.hint}</p>}
        </Upload.Dragger>
      </div>
      {busy && (
        <div style={{ margin: '16px 0' }} data-testid={props.progressTestId}>
          <Progress percent={props.percent} status="active" />
          <Typography.Text type="secondary">
            {props.percent === 100 ? props.processing : '正在上传…'}
          </Typography.Text>
        </div>
      )}
    </>
  );
}
