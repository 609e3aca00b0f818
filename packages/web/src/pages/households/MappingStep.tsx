import type { HouseholdSource } from '@paicha/core';
import { SOURCE_LABELS } from '@paicha/core';
import { Alert, Button, Descriptions, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { householdsApi } from '../../api/households';
import type { ImportJob, Mapping, UploadPreview } from '../../api/householdTypes';
import { testIdRow } from '../../components/rowProps';
import { useAction } from '../../hooks/useAction';
import { useAsync } from '../../hooks/useAsync';
import { columnLetter, encodingLabel, formatBytes } from './labels';
import { SampleTable } from './SampleTable';

const IGNORE = '__ignore__';
type Column = UploadPreview['columns'][number];

/**
 * The mapping step: the header row found, what each column was matched to, a select for every
 * unknown header (map it, or ignore it), and a few masked rows. Each change asks the server to
 * match again, so what is shown is exactly what the import will do.
 */
export function MappingStep(props: {
  initial: UploadPreview;
  source: HouseholdSource;
  onStarted: (job: ImportJob) => void;
  onCancel: () => void;
}) {
  const { source } = props;
  const [preview, setPreview] = useState(props.initial);
  const [mapping, setMapping] = useState<Mapping>({});
  const catalogue = useAsync(() => householdsApi.fields(source), [source]);
  const previewing = useAction(async (next: Mapping) => {
    setPreview(await householdsApi.preview(preview.upload.id, source, next));
    setMapping(next);
  });
  const starting = useAction(async () =>
    props.onStarted(await householdsApi.startImport({ uploadId: preview.upload.id, source, mapping })),
  );
  const busy = previewing.busy || starting.busy;
  const unknown = new Set(preview.unknown.map((u) => u.column));
  const options = [
    { value: IGNORE, label: '忽略此列（不导入）' },
    ...(catalogue.data?.fields.map((f) => ({ value: f.id, label: f.label })) ?? []),
  ];

  async function remap(header: string, value: string | undefined) {
    const next = { ...mapping };
    if (value === undefined) delete next[header];
    else next[header] = value === IGNORE ? null : value;
    await previewing.run(next);
  }

  /**
   * Every column's field can be chosen, the ones the headers matched by themselves too: a header
   * that names the wrong field in this file (or a column better left out) is re-mapped here.
   * Clearing a choice goes back to what the header matched.
   */
  function fieldCell(c: Column) {
    const manual = c.header in mapping;
    const value = manual ? (mapping[c.header] ?? IGNORE) : (c.field ?? undefined);
    return (
      <Space>
        <Select
          aria-label={`对应字段：${c.header}`}
          style={{ width: 260 }}
          showSearch
          allowClear={manual}
          optionFilterProp="label"
          placeholder="请选择对应的字段"
          value={value}
          options={options}
          disabled={busy}
          status={unknown.has(c.column) && !preview.ok ? 'warning' : undefined}
          onChange={(v: string | undefined) => void remap(c.header, v)}
        />
        {unknown.has(c.column) && <Tag color="orange">未识别</Tag>}
        {!manual && c.field && (
          <Tag color="green" data-testid="mapping-auto">
            自动识别
          </Tag>
        )}
        {manual && value === IGNORE && <Tag>不导入</Tag>}
        {manual && value !== IGNORE && <Tag color="blue">手动对应</Tag>}
      </Space>
    );
  }

  const duplicateLabels = preview.duplicates.map(
    (d) =>
      `${options.find((o) => o.value === d.field)?.label ?? d.field}（第 ${d.columns.map(columnLetter).join('、')} 列）`,
  );

  return (
    <div data-testid="mapping-step">
      <Descriptions size="small" column={{ xs: 1, md: 2 }} bordered style={{ marginBottom: 16 }}>
        <Descriptions.Item label="数据来源">{SOURCE_LABELS[source]}</Descriptions.Item>
        <Descriptions.Item label="文件">
          {preview.upload.fileName}（{formatBytes(preview.upload.size)}）
        </Descriptions.Item>
        <Descriptions.Item label="格式">
          {encodingLabel(preview.encoding, preview.upload.format)}
        </Descriptions.Item>
        <Descriptions.Item label="表头位置">
          <span data-testid="header-row">
            {preview.headerRow
              ? `${preview.sheet ? `工作表“${preview.sheet}”` : ''}第 ${preview.headerRow} 行`
              : '未找到'}
          </span>
        </Descriptions.Item>
      </Descriptions>
      {!preview.ok && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          message={preview.message}
          description={
            preview.headerRow
              ? '请在下表中为相应的列选择字段；文件本身不必修改。'
              : '请检查是否选错了文件或数据来源。'
          }
          data-testid="mapping-missing"
        />
      )}
      {preview.unknown.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          message={`有 ${preview.unknown.length} 列表头未能识别：${preview.unknown.map((u) => u.header).join('、')}`}
          description="为它们选择对应的字段，或选择“忽略此列”。未对应的列不会导入。"
        />
      )}
      {duplicateLabels.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          message={`多列对应同一字段：${duplicateLabels.join('；')}。导入时以第一列为准。`}
        />
      )}
      {preview.columns.length > 0 && (
        <Table<Column>
          size="small"
          bordered
          rowKey="column"
          loading={busy}
          dataSource={preview.columns}
          pagination={false}
          onRow={(c) => testIdRow('mapping-row', { 'data-header': c.header })}
          style={{ marginBottom: 16 }}
          columns={[
            { title: '列', width: 60, align: 'center', render: (_, c) => columnLetter(c.column) },
            { title: '表头', dataIndex: 'header', width: 240 },
            { title: '对应字段', render: (_, c) => fieldCell(c) },
          ]}
        />
      )}
      {preview.sample.length > 0 && <SampleTable preview={preview} />}
      <Space style={{ marginTop: 16 }}>
        <Button
          type="primary"
          disabled={!preview.ok || busy}
          onClick={() => void starting.run()}
          data-testid="start-import"
        >
          开始导入
        </Button>
        <Button onClick={props.onCancel} disabled={busy}>
          重新选择文件
        </Button>
        {!preview.ok && <Typography.Text type="secondary">补齐必需的列后才能导入。</Typography.Text>}
      </Space>
    </div>
  );
}
