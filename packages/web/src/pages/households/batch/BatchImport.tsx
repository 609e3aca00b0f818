import { DeleteOutlined, InboxOutlined } from '@ant-design/icons';
import { HOUSEHOLD_SOURCES, SOURCE_LABELS } from '@paicha/core';
import { Alert, Button, Modal, Popconfirm, Select, Space, Table, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import { testIdRow } from '../../../components/rowProps';
import { ImportErrorsTable } from '../ImportErrorsTable';
import { encodingLabel, formatBytes, SOURCE_OPTIONS, SOURCE_SHORT } from '../labels';
import { MappingStep } from '../MappingStep';
import { FileOutcome } from './FileOutcome';
import { type BatchFile, importable, useBatchImport } from './useBatchImport';

const BY_LABEL = { headers: '按表头识别', name: '按文件名识别' } as const;

/**
 * 一次导入多个文件: pick or drop a whole delivery; the server recognises each file's source (shown,
 * changeable); 全部导入 imports the ready files one after another, each with its own progress,
 * result and error report, and a summary at the end.
 */
export function BatchImport(props: { onImported: () => void }) {
  const batch = useBatchImport(props.onImported);
  const { files, running } = batch;
  // The file whose headers are being mapped by hand (its headers lack a required column).
  const [mapping, setMapping] = useState<string>();
  const mapped = files.find((f) => f.key === mapping);
  const ready = files.filter(importable);
  const ended = files.filter((f) => f.job && f.job.status !== 'running');
  const committed = ended.filter((f) => f.job?.status === 'committed').length;
  const bySource = new Map<string, string[]>();
  for (const f of files)
    if (f.source && !f.job) bySource.set(f.source, [...(bySource.get(f.source) ?? []), f.fileName]);
  const twice = [...bySource].filter(([, names]) => names.length > 1);

  function sourceCell(f: BatchFile) {
    if (f.uploading !== undefined)
      return <Typography.Text type="secondary">上传中 {f.uploading}%</Typography.Text>;
    if (!f.preview) return null;
    const candidates = f.preview.recognised?.candidates ?? [];
    return (
      <Space direction="vertical" size={2}>
        <Select
          aria-label={`数据来源：${f.fileName}`}
          style={{ width: 150 }}
          placeholder="请选择来源"
          showSearch
          optionFilterProp="label"
          value={f.source ?? undefined}
          disabled={!!f.job || f.busy || running}
          status={f.source ? undefined : 'error'}
          // The sources the headers fit come first when the server could not decide between them.
          options={[...SOURCE_OPTIONS].sort(
            (a, b) => Number(candidates.includes(b.value)) - Number(candidates.includes(a.value)),
          )}
          onChange={(s) => void batch.choose(f.key, s)}
        />
        {f.source === null ? (
          <Tag color="red" data-testid="batch-unrecognised">
            未能识别，请选择
          </Tag>
        ) : f.recognisedBy && f.source === f.recognisedSource ? (
          <Tag color="green" data-testid="batch-recognised">
            {BY_LABEL[f.recognisedBy]}
          </Tag>
        ) : (
          <Tag color="blue">手动选择</Tag>
        )}
      </Space>
    );
  }

  function headerCell(f: BatchFile) {
    if (f.error && !f.job) return <Typography.Text type="danger">{f.error}</Typography.Text>;
    const p = f.preview;
    if (!p) return null;
    if (!p.ok)
      return (
        <Space direction="vertical" size={2}>
          <Typography.Text type="danger">{p.message}</Typography.Text>
          {f.source && p.headerRow !== null && !running && (
            <Button size="small" onClick={() => setMapping(f.key)} data-testid="batch-map-headers">
              核对表头并导入
            </Button>
          )}
        </Space>
      );
    return (
      <Typography.Text>
        {encodingLabel(p.encoding, p.upload.format)}，表头在{p.sheet ? `“${p.sheet}”` : ''}第 {p.headerRow}{' '}
        行， 识别 {p.columns.filter((c) => c.field).length} 列
        {p.unknown.length > 0 && `（${p.unknown.length} 列未识别，不导入）`}
      </Typography.Text>
    );
  }

  return (
    <div data-testid="batch-import">
      <Typography.Paragraph type="secondary">
        一次选择或拖入多个文件（国扶系统、阳光扶贫和各部门名单均可），系统按表头识别每个文件的数据来源，
        识别不了或识别错的可以在下表中改选。导入时逐个进行，每个文件各自整份导入或整份不导入，
        一个文件有错不影响其他文件。同一来源每次导入整份替换上次的数据。
      </Typography.Paragraph>
      <div data-testid="batch-upload">
        <Upload.Dragger
          accept=".xlsx,.csv"
          multiple
          showUploadList={false}
          disabled={running}
          beforeUpload={(file, list) => {
            // antd calls this once per file; take the whole selection on its first file.
            if (file === list[0]) batch.add(list);
            return false;
          }}
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">点击或拖入一个或多个数据文件（.xlsx 或 .csv）</p>
        </Upload.Dragger>
      </div>
      {twice.map(([source, names]) => (
        <Alert
          key={source}
          type="warning"
          showIcon
          style={{ marginTop: 12 }}
          message={`${names.join('、')} 都将导入为${SOURCE_LABELS[source as keyof typeof SOURCE_LABELS]}：后导入的一份会替换先导入的一份，请确认来源。`}
        />
      ))}
      {files.length > 0 && (
        <Table<BatchFile>
          style={{ marginTop: 16 }}
          size="small"
          bordered
          rowKey="key"
          pagination={false}
          dataSource={files}
          data-testid="batch-files"
          onRow={(f) =>
            testIdRow('batch-file', {
              'data-name': f.fileName,
              'data-source': f.source ?? '',
              'data-status': f.job?.status ?? (importable(f) ? 'ready' : 'waiting'),
            })
          }
          expandable={{
            rowExpandable: (f) => f.job?.status === 'rejected',
            expandedRowRender: (f) => f.job && <ImportErrorsTable id={f.job.id} total={f.job.errorCount} />,
          }}
          columns={[
            {
              title: '文件',
              width: 220,
              render: (_, f) => (
                <Space direction="vertical" size={0}>
                  <Typography.Text strong>{f.fileName}</Typography.Text>
                  <Typography.Text type="secondary">{formatBytes(f.size)}</Typography.Text>
                </Space>
              ),
            },
            { title: '数据来源', width: 180, render: (_, f) => sourceCell(f) },
            { title: '表头', render: (_, f) => headerCell(f) },
            { title: '导入进度与结果', width: 360, render: (_, f) => <FileOutcome file={f} /> },
            {
              title: '',
              width: 56,
              render: (_, f) =>
                !f.job &&
                !running && (
                  <Button
                    type="text"
                    aria-label={`移除 ${f.fileName}`}
                    icon={<DeleteOutlined />}
                    onClick={() => batch.remove(f.key)}
                  />
                ),
            },
          ]}
        />
      )}
      {ended.length > 0 && !running && (
        <Alert
          style={{ marginTop: 16 }}
          type={committed === ended.length ? 'success' : 'warning'}
          showIcon
          data-testid="batch-summary"
          message={`共导入 ${ended.length} 个文件：成功 ${committed} 个，未导入 ${ended.length - committed} 个`}
          description={
            committed < ended.length
              ? '未导入的文件，展开该行查看逐行错误或下载错误报告，修改后重新选择该文件导入；已导入的文件不受影响。'
              : '开展比对筛查后，新数据才会反映到筛查结果中。'
          }
        />
      )}
      {mapped?.preview && mapped.source && (
        <Modal
          open
          width={1100}
          title={`核对表头：${mapped.fileName}`}
          footer={null}
          onCancel={() => setMapping(undefined)}
          destroyOnHidden
        >
          <MappingStep
            initial={mapped.preview}
            source={mapped.source}
            onStarted={(job) => {
              setMapping(undefined);
              batch.adopt(mapped.key, job);
            }}
            onCancel={() => setMapping(undefined)}
          />
        </Modal>
      )}
      <Space style={{ marginTop: 16 }}>
        <Button
          type="primary"
          disabled={ready.length === 0 || running}
          loading={running}
          onClick={() => void batch.start()}
          data-testid="batch-start"
        >
          {running ? '正在逐个导入…' : `导入 ${ready.length} 个文件`}
        </Button>
        {files.length > 0 && (
          <Popconfirm title="清空列表？已导入的数据不受影响。" onConfirm={batch.clear} disabled={running}>
            <Button disabled={running}>清空列表</Button>
          </Popconfirm>
        )}
        {files.length > ready.length + ended.length && (
          <Typography.Text type="secondary">
            未选来源或表头不全的文件不会导入（来源共 {HOUSEHOLD_SOURCES.length} 种：
            {HOUSEHOLD_SOURCES.map((s) => SOURCE_SHORT[s]).join('、')}）。
          </Typography.Text>
        )}
      </Space>
    </div>
  );
}
