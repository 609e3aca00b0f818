import { Button, Input, Segmented, Select, Space } from 'antd';
import type { ScreeningRuleView } from '../../api/householdTypes';
import type { Unit } from '../../api/types';
import type { FindingStatus, useFindingsQuery } from './findingsQuery';
import { VERIFICATION_OPTIONS } from './VerificationTag';

/** 规则 / 街道 / 状态 / 搜索 — every filter is the server's, so counts and export agree with it. */
export function FindingsFilters(props: {
  fq: ReturnType<typeof useFindingsQuery>;
  rules: ScreeningRuleView[];
  streets?: Unit[];
}) {
  const { view, update, clear } = props.fq;
  const rules = [...props.rules].sort((a, b) => a.checkItem - b.checkItem);
  return (
    <Space wrap style={{ marginBottom: 16 }}>
      <Select
        aria-label="按规则筛选"
        allowClear
        showSearch
        optionFilterProp="label"
        placeholder="全部规则"
        style={{ width: 300 }}
        value={view.rule}
        onChange={(v: string | undefined) => update({ rule: v })}
        options={rules.map((r) => ({ value: r.id, label: `${r.checkItem}. ${r.title}` }))}
      />
      {props.streets && (
        <Select
          aria-label="按街道筛选"
          allowClear
          placeholder="全部街道"
          style={{ width: 180 }}
          value={view.unit}
          onChange={(v: string | undefined) => update({ unit: v })}
          options={[
            ...props.streets.map((s) => ({ value: String(s.id), label: s.name })),
            { value: 'none', label: '地名待对应的' },
          ]}
        />
      )}
      <Segmented<FindingStatus>
        value={view.status}
        onChange={(v) => update({ status: v === 'open' ? undefined : v })}
        options={[
          { value: 'open', label: '存在' },
          { value: 'resolved', label: '已不再发现' },
          { value: 'all', label: '全部' },
        ]}
        data-testid="finding-status-filter"
      />
      <Select
        aria-label="按核实状态筛选"
        allowClear
        placeholder="全部核实状态"
        style={{ width: 190 }}
        value={view.verification}
        onChange={(v: string | undefined) => update({ verification: v })}
        options={VERIFICATION_OPTIONS}
        data-testid="verification-filter"
      />
      <Input.Search
        key={view.q ?? ''}
        aria-label="搜索户编号或问题描述"
        placeholder="户编号或问题描述"
        allowClear
        defaultValue={view.q}
        style={{ width: 220 }}
        onSearch={(v) => update({ q: v.trim() })}
      />
      <Button
        onClick={clear}
        disabled={!view.rule && !view.unit && !view.q && !view.verification && view.status === 'open'}
      >
        清除筛选
      </Button>
    </Space>
  );
}
