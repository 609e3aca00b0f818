import { DownloadOutlined } from '@ant-design/icons';
import { Button, Progress, Space, Tag, Typography } from 'antd';
import { householdsApi } from '../../../api/households';
import { useAction } from '../../../hooks/useAction';
import { IMPORT_STATUS } from '../labels';
import type { BatchFile } from './useBatchImport';

/** One file's import: waiting, its progress bar while it runs, then what it came to. */
export function FileOutcome({ file }: { file: BatchFile }) {
  const download = useAction((id: number) => householdsApi.downloadErrors(id, 'gbk'));
  const job = file.job;
  if (!job) {
    if (file.busy && file.preview?.ok)
      return <Typography.Text type="secondary">排队等待导入…</Typography.Text>;
    return null;
  }
  const status = IMPORT_STATUS[job.status];
  return (
    <Space direction="vertical" size={2} style={{ width: '100%' }} data-testid="batch-outcome">
      <Progress
        size="small"
        percent={Math.floor(job.progress * 100)}
        status={job.status === 'running' ? 'active' : job.status === 'committed' ? 'success' : 'exception'}
      />
      <Space wrap size={4}>
        <Tag color={status.color}>{status.label}</Tag>
        {job.status === 'running' && (
          <Typography.Text>已处理 {job.rows.toLocaleString('zh-CN')} 行</Typography.Text>
        )}
        {job.status === 'committed' && (
          <Typography.Text>已导入 {job.accepted.toLocaleString('zh-CN')} 行</Typography.Text>
        )}
        {job.status === 'rejected' && (
          <>
            <Typography.Text type="danger">
              {job.rejected} 行不合格，共 {job.errorCount} 处错误，整个文件未导入
            </Typography.Text>
            <Button
              size="small"
              icon={<DownloadOutlined />}
              loading={download.busy}
              onClick={() => void download.run(job.id)}
              data-testid="batch-download-errors"
            >
              错误报告
            </Button>
          </>
        )}
        {job.status === 'failed' && (
          <Typography.Text type="danger">{job.message || '服务器处理文件时出错'}</Typography.Text>
        )}
      </Space>
      {file.error && <Typography.Text type="danger">{file.error}</Typography.Text>}
    </Space>
  );
}
