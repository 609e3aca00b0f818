import { CATEGORIES, type Category } from '@paicha/core';
import type { PlanPreview, PlanPreviewItem } from '@paicha/core/api/campaign-import';
import { Alert, Select, Table, Typography } from 'antd';
import type { Unit } from '../../../../api/types';
import { testIdRow } from '../../../../components/rowProps';
import { PhraseTags } from './PhraseTags';
import { type Decision, EMPTY_DRAFT, subCategorySpans, undecided } from './planDraft';
import { categoryChoices } from './planItems';
import type { ItemEdit } from './planTypes';

/** A text the clerk may correct in place (Enter or leaving the field keeps it, Esc drops it). */
function EditableText(props: { label: string; value: string; onChange: (v: string) => void }) {
  return (
    <Typography.Paragraph
      style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}
      type={props.value.trim() ? undefined : 'danger'}
      editable={{
        tooltip: `修改${props.label}`,
        text: props.value,
        onChange: props.onChange,
        triggerType: ['icon', 'text'],
      }}
    >
      {props.value.trim() || `（${props.label}为空）`}
    </Typography.Paragraph>
  );
}

/**
 * Step 2: the table as the plan prints it (排查项目 merged over its rows), each 责任单位 phrase a
 * tag — resolved green (its units on hover), unresolved red with the decision beside it. 类别,
 * 排查项目 (for every row of a merged cell at once) and 排查内容 can be corrected here.
 */
export function PreviewStep(props: {
  preview: PlanPreview;
  /** The items with the office's corrections. */
  items: PlanPreviewItem[];
  onEdit: (rows: number[], edit: ItemEdit) => void;
  units: Unit[];
  decisions: Record<string, Decision>;
  onDecide: (phrase: string, decision: Decision | undefined) => void;
}) {
  const { preview } = props;
  const { items } = props;
  const spans = subCategorySpans(items);
  const categories = categoryChoices<Category>(preview.items, CATEGORIES);
  const runOf = (i: number) => items.slice(i, i + (spans[i] ?? 1)).map((it) => it.row);
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
        dataSource={items}
        pagination={false}
        data-testid="plan-items"
        onRow={(it) => testIdRow('plan-item', { 'data-seq': it.seq })}
        columns={[
          { title: '序号', dataIndex: 'seq', width: 64, align: 'center' },
          {
            title: '类别',
            width: 130,
            render: (_, it) => (
              <Select<Category | null>
                size="small"
                style={{ width: '100%' }}
                aria-label={`第${it.seq}项类别`}
                value={it.category}
                options={[
                  { value: null, label: '（不设）' },
                  ...categories.map((c) => ({ value: c, label: c })),
                ]}
                onChange={(category) => props.onEdit([it.row], { category })}
              />
            ),
          },
          {
            title: '排查项目',
            width: 150,
            onCell: (_, i) => ({ rowSpan: spans[i ?? 0] ?? 1, 'data-testid': 'plan-subcategory' }) as object,
            render: (_, it, i) => (
              <EditableText
                label="排查项目"
                value={it.subCategory}
                onChange={(subCategory) => props.onEdit(runOf(i), { subCategory })}
              />
            ),
          },
          {
            title: '排查内容',
            render: (_, it) => (
              <>
                <EditableText
                  label="排查内容"
                  value={it.content}
                  onChange={(content) => props.onEdit([it.row], { content })}
                />
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
