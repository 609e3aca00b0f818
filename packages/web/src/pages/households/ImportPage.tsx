import { InboxOutlined } from '@ant-design/icons';
import { type HouseholdSource, isAdmin, isHouseholdSource, SOURCE_LABELS } from '@paicha/core';
import { Alert, Card, Progress, Radio, Segmented, Space, Steps, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { errorMessage } from '../../api/client';
import { householdsApi } from '../../api/households';
import type { ImportJob, UploadPreview } from '../../api/householdTypes';
import { useUser } from '../../auth/AuthContext';
import { useAsync } from '../../hooks/useAsync';
import { BatchImport } from './batch/BatchImport';
import { ImportHistory } from './ImportHistory';
import { ImportJobView } from './ImportJobView';
import { SOURCE_OPTIONS, SOURCE_SHORT } from './labels';
import { MappingStep } from './MappingStep';

/**
 * 数据导入 (office): source → upload → header mapping → import job with progress → result.
 * The job being watched lives in the URL (?job=), so a reload keeps showing its progress.
 * ?mode=batch: a whole delivery at once, each file's source recognised (batch/BatchImport).
 */
export default function ImportPage() {
  const user = useUser();
  const [params, setParams] = useSearchParams();
  const sourceParam = params.get('source') ?? '';
  const source: HouseholdSource = isHouseholdSource(sourceParam) ? sourceParam : 'national';
  const jobId = Number(params.get('job')) || undefined;
  const batch = params.get('mode') === 'batch';
  const [percent, setPercent] = useState<number>();
  const [preview, setPreview] = useState<UploadPreview>();
  const [failure, setFailure] = useState<string>();
  const [historyTick, setHistoryTick] = useState(0);
  const fields = useAsync(() => householdsApi.fields(source), [source]);

  if (!isAdmin(user.role))
    return <Alert type="info" showIcon message="户数据由区领导小组办公室导入，您的角色不能导入。" />;

  const setQuery = (patch: Record<string, string | undefined>) =>
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      for (const [k, v] of Object.entries(patch)) v ? next.set(k, v) : next.delete(k);
      return next;
    });

  async function upload(file: File) {
    setFailure(undefined);
    setPreview(undefined);
    setPercent(0);
    try {
      setPreview(await householdsApi.upload(source, file, { onProgress: setPercent }));
    } catch (e) {
      setFailure(errorMessage(e));
    } finally {
      setPercent(undefined);
    }
  }

  function started(job: ImportJob) {
    setPreview(undefined);
    setHistoryTick((t) => t + 1);
    setQuery({ job: String(job.id), source: job.source });
  }

  function restart() {
    setPreview(undefined);
    setFailure(undefined);
    setQuery({ job: undefined });
  }

  const step = jobId ? 2 : preview ? 1 : 0;
  const required = fields.data?.required.map((r) => r.label).join('、');

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Card
        title="数据导入"
        data-testid="household-import"
        extra={
          !jobId &&
          !preview && (
            <Segmented
              data-testid="import-mode"
              value={batch ? 'batch' : 'one'}
              options={[
                { value: 'one', label: '逐个文件（选择来源）' },
                { value: 'batch', label: '一次多个文件（自动识别来源）' },
              ]}
              onChange={(v) => setQuery({ mode: v === 'batch' ? 'batch' : undefined })}
            />
          )
        }
      >
        {batch && !jobId ? (
          <BatchImport onImported={() => setHistoryTick((t) => t + 1)} />
        ) : (
          <>
            <Steps
              size="small"
              current={step}
              style={{ marginBottom: 24, maxWidth: 760 }}
              items={[{ title: '选择来源并上传' }, { title: '核对表头' }, { title: '导入与结果' }]}
            />
            {jobId ? (
              <ImportJobView
                key={jobId}
                id={jobId}
                onRestart={restart}
                onFinished={() => setHistoryTick((t) => t + 1)}
              />
            ) : preview ? (
              // The source the server read the file as: a file dropped while a newly clicked
              // source was still being applied went up under the previous one, and its mapping and
              // import must say and follow that, not the button now lit.
              <MappingStep
                initial={preview}
                source={preview.source ?? source}
                onStarted={started}
                onCancel={restart}
              />
            ) : (
              <>
                <Typography.Paragraph>
                  数据来源：
                  <Radio.Group
                    value={source}
                    optionType="button"
                    buttonStyle="solid"
                    options={SOURCE_OPTIONS}
                    onChange={(e) => setQuery({ source: e.target.value as string })}
                    data-testid="import-source"
                  />
                </Typography.Paragraph>
                <Typography.Paragraph type="secondary">
                  {SOURCE_LABELS[source]}导出的 Excel（.xlsx）或 CSV 文件（UTF-8 或 GBK 均可，自动识别）。
                  表头按名称识别，标题行、空行可以保留，列的顺序不限。
                  {required && `必须包含的列：${required}。`}
                  同一来源每次导入整份替换上次的数据；文件中有任何一行不合格，整份文件都不导入。
                </Typography.Paragraph>
                <div data-testid="household-upload">
                  <Upload.Dragger
                    accept=".xlsx,.csv"
                    maxCount={1}
                    showUploadList={false}
                    disabled={percent !== undefined}
                    beforeUpload={(f) => {
                      void upload(f);
                      return false;
                    }}
                  >
                    <p className="ant-upload-drag-icon">
                      <InboxOutlined />
                    </p>
                    <p className="ant-upload-text">
                      点击或拖入{SOURCE_SHORT[source]}数据文件（.xlsx 或 .csv）
                    </p>
                  </Upload.Dragger>
                </div>
                {percent !== undefined && (
                  <div style={{ marginTop: 16 }} data-testid="upload-progress">
                    <Progress percent={percent} status="active" />
                    <Typography.Text type="secondary">
                      {percent === 100 ? '上传完成，正在识别表头…' : '正在上传…'}
                    </Typography.Text>
                  </div>
                )}
                {failure && (
                  <Alert
                    type="error"
                    showIcon
                    style={{ marginTop: 16 }}
                    message={failure}
                    data-testid="upload-error"
                  />
                )}
              </>
            )}
          </>
        )}
      </Card>
      <ImportHistory
        reloadKey={historyTick}
        openId={jobId}
        onOpen={(job) => setQuery({ job: String(job.id), source: job.source })}
      />
    </Space>
  );
}
