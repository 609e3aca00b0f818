import type { PlanPreview, PlanPreviewItem } from '@paicha/core/api/campaign-import';
import { Alert, Table, Typography } from 'antd';
import type { Unit } from '../../../../api/types';
import { testIdRow } from '../../../../components/rowProps';
import { PhraseTags } from './PhraseTags';
import { type Decision, EMPTY_DRAFT, subCategorySpans, undecided } from './planDraft';

/**
 * Step 2: the table as the plan prints it (排查项目 merged over its rows), each 责任单位 phrase a
 * tag — resolved green (its units on hover), unresolved red with the decision beside it.
 */
export function PreviewStep(props: {
  preview: PlanPreview;
  units: Unit[];
  decisions: Record<string, Decision>;
  onDecide: (phrase: string, decision: Decision | undefined) => void;
}) {
  const { preview } = props;
  const spans = subCategorySpans(preview.items);
  const open = undecided({ ...EMPTY_DRAFT, preview, decisions: props.decisions });
  return (
    <div data-testid="plan-preview-step">
      <Alert
        type={open.length > 0 ? 'warning' : 'success'}
        showIcon
        style={{ marginBottom: 12 }}
        data-testid="plan-unresolved"
        message={
          preview.unresolved.length === 0
            ? `“${preview.fileName}”共 ${preview.items.length} 项，责任单位全部识别。`
            : `“${preview.fileName}”共 ${preview.items.length} 项；${preview.unresolved.length} 个责任单位未能识别：${preview.unresolved.join('、')}${open.length > 0 ? `，尚有 ${open.length} 个待决定` : '，均已决定'}。`
        }
        description="红色标签为未能识别的责任单位：可对应到现有单位、随活动新建为部门或街道，或不设。同一名称在各行的决定相同。"
      />
      {preview.warnings.map((w) => (
        <Alert key={w} type="warning" showIcon style={{ marginBottom: 12 }} message={w} />
      ))}
      <Table<PlanPreviewItem>
        size="small"
        bordered
        rowKey="row"
        dataSource={preview.items}
        pagination={false}
        data-testid="plan-items"
        onRow={(it) => testIdRow('plan-item', { 'data-seq': it.seq })}
        columns={[
          { title: '序号', dataIndex: 'seq', width: 64, align: 'center' },
          {
            title: '排查项目',
            dataIndex: 'subCategory',
            width: 150,
            onCell: (_, i) => ({ rowSpan: spans[i ?? 0] ?? 1 }),
          },
          {
            title: '排查内容',
            render: (_, it) => (
              <>
                <div style={{ whiteSpace: 'pre-wrap' }}>{it.content}</div>
                {it.warnings.map((w) => (
                  <Typography.Text key={w} type="warning" style={{ display: 'block' }}>
                    {w}
                  </Typography.Text>
                ))}
              </>
            ),
          },
          {
            title: '责任单位',
            width: 360,
            render: (_, it) => (
              <PhraseTags
                item={it}
                units={props.units}
                decisions={props.decisions}
                onDecide={props.onDecide}
              />
            ),
          },
        ]}
      />
    </div>
  );
}
