import { type HouseholdSource, isAdmin } from '@paicha/core';
import { Alert, App, Button, Card, Popconfirm, Switch, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { householdsApi } from '../../api/households';
import type { ScreeningRuleView } from '../../api/householdTypes';
import { useUser } from '../../auth/AuthContext';
import { LoadError } from '../../components/LoadError';
import { testIdRow } from '../../components/rowProps';
import { useAction } from '../../hooks/useAction';
import { useAsync } from '../../hooks/useAsync';
import { SOURCE_SHORT } from './labels';
import { RuleParamsModal } from './RuleParamsModal';

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** 筛查规则: what each rule checks, under which 序号, with which thresholds. The office edits. */
export default function RulesPage() {
  const user = useUser();
  const office = isAdmin(user.role);
  const { message } = App.useApp();
  const rules = useAsync(() => householdsApi.rules(), []);
  const [editing, setEditing] = useState<ScreeningRuleView>();
  const toggle = useAction(async (rule: ScreeningRuleView, enabled: boolean) => {
    await householdsApi.updateRule(rule.id, { enabled });
    message.success(enabled ? `已启用“${rule.title}”` : `已停用“${rule.title}”`);
    rules.reload();
  });

  function enabledCell(r: ScreeningRuleView) {
    const sw = (
      <Switch
        checked={r.enabled}
        disabled={!office}
        loading={toggle.pending?.[0].id === r.id}
        checkedChildren="启用"
        unCheckedChildren="停用"
        onChange={r.enabled ? undefined : () => void toggle.run(r, true)}
        data-testid="rule-enabled"
      />
    );
    if (!office || !r.enabled) return sw;
    return (
      <Popconfirm
        title={`停用“${r.title}”？`}
        description="停用后，比对筛查将跳过此规则；已发现的问题线索和台账问题保持不变。"
        okText="停用"
        okButtonProps={{ danger: true }}
        cancelText="取消"
        onConfirm={() => void toggle.run(r, false)}
      >
        {sw}
      </Popconfirm>
    );
  }

  const sources = [...new Set(rules.data?.flatMap((r) => r.sources) ?? [])];
  return (
    <Card title="筛查规则">
      <Typography.Paragraph type="secondary">
        每条规则发现的问题登记到对应序号的排查事项下（来源“数据比对”）。参数默认取方案的标准，
        {office ? '办公室可按本地要求调整；修改在下次开展比对筛查时生效。' : '由区领导小组办公室设置。'}
      </Typography.Paragraph>
      {rules.error ? (
        <LoadError error={rules.error} onRetry={rules.reload} />
      ) : (
        <Table<ScreeningRuleView>
          rowKey="id"
          size="middle"
          loading={rules.loading}
          dataSource={rules.data}
          pagination={false}
          onRow={(r) => testIdRow('rule-row', { 'data-rule': r.id })}
          columns={[
            {
              title: '序号',
              dataIndex: 'checkItem',
              width: 70,
              align: 'center',
              sorter: (a, b) => a.checkItem - b.checkItem,
              defaultSortOrder: 'ascend',
            },
            {
              title: '规则',
              render: (_, r) => (
                <>
                  <Typography.Text strong>{r.title}</Typography.Text>
                  <div style={{ color: '#666', marginTop: 4 }}>{r.description}</div>
                </>
              ),
            },
            {
              title: '对象',
              dataIndex: 'scope',
              width: 70,
              render: (s: string) => (s === 'household' ? '户' : '人'),
              filters: [
                { text: '户', value: 'household' },
                { text: '人', value: 'person' },
              ],
              onFilter: (v, r) => r.scope === v,
            },
            {
              title: '数据来源',
              dataIndex: 'sources',
              width: 170,
              render: (s: HouseholdSource[]) => s.map((x) => <Tag key={x}>{SOURCE_SHORT[x]}</Tag>),
              filters: sources.map((s) => ({ text: SOURCE_SHORT[s], value: s })),
              onFilter: (v, r) => r.sources.includes(v as HouseholdSource),
            },
            {
              title: '参数',
              width: 260,
              render: (_, r) => (
                <>
                  <span data-testid="rule-params">{r.paramsText}</span>
                  {!same(r.params, r.defaults) && (
                    <Tag color="orange" style={{ marginLeft: 6 }}>
                      已调整
                    </Tag>
                  )}
                </>
              ),
            },
            {
              title: '状态',
              width: 90,
              render: (_, r) => enabledCell(r),
              filters: [
                { text: '启用', value: true },
                { text: '停用', value: false },
              ],
              onFilter: (v, r) => r.enabled === v,
            },
            ...(office
              ? [
                  {
                    title: '操作',
                    width: 100,
                    render: (_: unknown, r: ScreeningRuleView) =>
                      Object.keys(r.defaults).length > 0 ? (
                        <Button size="small" onClick={() => setEditing(r)} data-testid="rule-edit">
                          修改参数
                        </Button>
                      ) : null,
                  },
                ]
              : []),
          ]}
        />
      )}
      {!office && (
        <Alert
          style={{ marginTop: 16 }}
          type="info"
          showIcon
          message="规则由区领导小组办公室设置，此处只读。"
        />
      )}
      {editing && (
        <RuleParamsModal
          rule={editing}
          onClose={() => setEditing(undefined)}
          onSaved={() => {
            setEditing(undefined);
            rules.reload();
          }}
        />
      )}
    </Card>
  );
}
