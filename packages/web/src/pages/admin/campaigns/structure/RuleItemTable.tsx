// Which check item each screening rule files its findings under in this campaign. A rule with no
// item still runs, but its findings stay out of the ledger until the office picks one here.

import type { RuleItem } from '@paicha/core/api/campaign-structure';
import { Select, Table, Tag, Typography } from 'antd';
import { campaignsApi, structureApi } from '../../../../api/endpoints';
import { testIdRow } from '../../../../components/rowProps';
import { useAsync } from '../../../../hooks/useAsync';
import type { Structure } from './useStructure';

export function RuleItemTable({ campaignId, structure }: { campaignId: number; structure: Structure }) {
  const { data } = useAsync(
    () => Promise.all([structureApi.ruleItems(campaignId), campaignsApi.checkItems(campaignId)]),
    [campaignId, structure.tick],
  );
  const [rules, items] = data ?? [[], []];
  const unmapped = rules.filter((r) => r.checkItem === null).length;
  return (
    <>
      {unmapped > 0 && (
        <Typography.Paragraph type="warning" data-testid="unmapped-rules">
          {unmapped}条比对规则未对应本活动的排查事项：这些规则发现的问题线索不会登记到台账，请选择对应事项。
        </Typography.Paragraph>
      )}
      <Table<RuleItem>
        rowKey="ruleId"
        size="small"
        bordered
        pagination={false}
        tableLayout="fixed"
        dataSource={rules}
        onRow={(r) => testIdRow('rule-item-row', { 'data-rule': r.ruleId })}
        columns={[
          { title: '比对规则', dataIndex: 'title', width: 300 },
          { title: '方案模板序号', dataIndex: 'templateSeq', width: 110, align: 'center' },
          {
            title: '对应排查事项',
            key: 'item',
            render: (_, r) => (
              <Select
                style={{ width: '100%' }}
                aria-label={`${r.title}对应的排查事项`}
                value={r.checkItem?.seq ?? null}
                placeholder={<Tag color="warning">未对应</Tag>}
                allowClear
                showSearch
                optionFilterProp="label"
                popupMatchSelectWidth={640}
                options={items.map((i) => ({ value: i.seq, label: `第${i.seq}项 ${i.content}` }))}
                onChange={(seq: number | undefined) =>
                  structure.run('比对规则对应事项已保存', (edit) =>
                    structureApi.setRuleItem(campaignId, r.ruleId, { ...edit, seq: seq ?? null }),
                  )
                }
              />
            ),
          },
        ]}
      />
    </>
  );
}
