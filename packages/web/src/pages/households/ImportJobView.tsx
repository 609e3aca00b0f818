import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Descriptions, Progress, Result, Space, Spin, Tag, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { householdsApi } from '../../api/households';
import type { ImportJob } from '../../api/householdTypes';
import { cnDateTime } from '../../components/dates';
import { LoadError } from '../../components/LoadError';
import { useAction } from '../../hooks/useAction';
import { ImportErrorsTable } from './ImportErrorsTable';
import { formatBytes, IMPORT_STATUS } from './labels';

const POLL_MS = 500;

/** A server message as a sentence: ends with 。 unless it already ends with punctuation. */
const sentence = (s: string) => (/[。！？.!?]$/.test(s) ? s : `${s}。`);

/** One import job: a progress bar while it runs (polled), then what was committed or why not. */
export function ImportJobView(props: { id: number; onRestart: () => void; onFinished: () => void }) {
  const { id } = props;
  // A ref, so a parent re-render (new callback) does not restart the polling loop.
  const onFinished = useRef(props.onFinished);
  onFinished.current = props.onFinished;
  const navigate = useNavigate();
  const [job, setJob] = useState<ImportJob>();
  const [error, setError] = useState<unknown>();
  const [tick, setTick] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `tick` restarts polling after 重试.
  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let wasRunning = false;
    const poll = async () => {
      try {
        const j = await householdsApi.importJob(id);
        if (stopped) return;
        setJob(j);
        setError(undefined);
        if (j.status === 'running') {
          wasRunning = true;
          timer = setTimeout(() => void poll(), POLL_MS);
        } else if (wasRunning) onFinished.current();
      } catch (e) {
        if (!stopped) setError(e);
      }
    };
    void poll();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [id, tick]);

  const download = useAction((encoding: 'gbk' | 'utf-8') => householdsApi.downloadErrors(id, encoding));

  if (error) return <LoadError error={error} onRetry={() => setTick((t) => t + 1)} />;
  if (!job) return <Spin style={{ display: 'block', margin: 48 }} />;
  const status = IMPORT_STATUS[job.status];
  const again = (
    <Button key="again" onClick={props.onRestart} data-testid="import-again">
      导入其他文件
    </Button>
  );

  return (
    <div data-testid="import-job" data-status={job.status}>
      <Descriptions size="small" column={{ xs: 1, md: 3 }} style={{ marginBottom: 16 }}>
        <Descriptions.Item label="数据来源">{job.sourceLabel}</Descriptions.Item>
        <Descriptions.Item label="文件">{job.fileName}</Descriptions.Item>
        <Descriptions.Item label="开始时间">{cnDateTime(job.createdAt)}</Descriptions.Item>
        <Descriptions.Item label="状态">
          <Tag color={status.color}>{status.label}</Tag>
        </Descriptions.Item>
        {job.headerRow !== null && (
          <Descriptions.Item label="表头位置">第 {job.headerRow} 行</Descriptions.Item>
        )}
      </Descriptions>
      <Progress
        percent={Math.floor(job.progress * 100)}
        status={job.status === 'running' ? 'active' : job.status === 'committed' ? 'success' : 'exception'}
        data-testid="import-progress"
      />
      <Typography.Paragraph type="secondary" data-testid="import-counters">
        已处理 {job.rows.toLocaleString('zh-CN')} 行 ·{' '}
        {job.status === 'running'
          ? `已读取 ${formatBytes(job.bytesRead)} / ${formatBytes(job.bytesTotal)}`
          : `文件 ${formatBytes(job.bytesTotal)}，合格 ${job.accepted} 行，不合格 ${job.rejected} 行`}
      </Typography.Paragraph>
      {job.status === 'committed' && (
        <Result
          status="success"
          title={<span data-testid="import-committed">已导入 {job.accepted.toLocaleString('zh-CN')} 行</span>}
          subTitle={`${job.sourceLabel}的当前数据已替换为本文件。开展比对筛查后，新数据才会反映到筛查结果中。`}
          extra={[
            <Button type="primary" key="screen" onClick={() => navigate('/households')}>
              去开展比对筛查
            </Button>,
            again,
          ]}
        />
      )}
      {job.status === 'superseded' && (
        <Alert
          type="info"
          showIcon
          message={`本文件曾导入 ${job.accepted} 行，已被之后导入的${job.sourceLabel}数据替换。`}
          action={again}
        />
      )}
      {job.status === 'failed' && (
        <Alert
          type="error"
          showIcon
          message="导入失败"
          description={job.message || '服务器处理文件时出错。'}
          action={again}
        />
      )}
      {job.status === 'rejected' && (
        <>
          <Alert
            type="error"
            showIcon
            data-testid="import-rejected"
            message={`文件未导入：${job.rejected} 行不合格，共 ${job.errorCount} 处错误`}
            description={`${sentence(job.message || '整个文件未导入')}${job.sourceLabel}仍是上次导入的数据。请按错误报告修改后重新上传。`}
            style={{ marginBottom: 16 }}
          />
          <Space style={{ marginBottom: 16 }} wrap>
            <Button
              type="primary"
              icon={<DownloadOutlined />}
              onClick={() => void download.run('gbk')}
              data-testid="download-errors"
            >
              下载错误报告
            </Button>
            <Button onClick={() => void download.run('utf-8')} data-testid="download-errors-utf8">
              UTF-8 编码版
            </Button>
            <Typography.Text type="secondary">
              默认为 GBK 编码 CSV，Excel 和 WPS 可直接打开；其他软件打开乱码时选 UTF-8 版。
            </Typography.Text>
            {again}
          </Space>
          <ImportErrorsTable id={job.id} total={job.errorCount} />
        </>
      )}
    </div>
  );
}
