import {
  CATEGORIES,
  PROBLEM_MODES,
  PROBLEM_SOURCES,
  PROBLEM_STATUS_LABELS,
  PROBLEM_STATUSES,
} from '@paicha/core';
import { Button, DatePicker, Flex, Input, Select } from 'antd';
import dayjs from 'dayjs';
import type { CheckItem, Unit } from '../../api/types';
import { groupedUnitOptions } from '../../components/unitOptions';
import type { FilterKey, Filters } from './ledgerQuery';

interface Props {
  filters: Filters;
  /** Units to filter by; absent for unit users, who only ever see their own unit. */
  units?: Unit[];
  items: CheckItem[];
  onChange: (patch: Partial<Record<FilterKey, string>>) => void;
  onClear: () => void;
}

const DATE_FORMAT = 'YYYY年M月D日';

/** The ledger's filter bar; every value is a URL parameter (see ledgerQuery.ts). */
export function LedgerFilters({ filters: f, units, items, onChange, onClear }: Props) {
  const set = (key: FilterKey) => (v: string | number | undefined | null) =>
    onChange({ [key]: v === undefined || v === null ? '' : String(v) });
  const statuses = f.status ? f.status.split(',') : [];
  const anyFilter = Object.values(f).some(Boolean);

  return (
    <Flex wrap gap={8} style={{ marginBottom: 12 }} data-testid="ledger-filters">
      {units && (
        <Select
          aria-label="责任单位"
          placeholder="责任单位"
          allowClear
          showSearch
          optionFilterProp="label"
          style={{ width: 150 }}
          value={f.unit ? Number(f.unit) : undefined}
          onChange={set('unit')}
          options={groupedUnitOptions(units.filter((u) => u.kind !== 'office'))}
        />
      )}
      <Select
        aria-label="排查事项"
        placeholder="排查事项"
        allowClear
        showSearch
        optionFilterProp="label"
        style={{ width: 190 }}
        popupMatchSelectWidth={360}
        value={f.checkItem ? Number(f.checkItem) : undefined}
        onChange={set('checkItem')}
        options={items.map((i) => ({ value: i.seq, label: `${i.seq}. ${i.subCategory}` }))}
      />
      <Select
        aria-label="类别"
        placeholder="类别"
        allowClear
        style={{ width: 110 }}
        value={f.category}
        onChange={set('category')}
        options={CATEGORIES.map((c) => ({ value: c, label: c }))}
      />
      <Select
        aria-label="状态"
        placeholder="状态"
        mode="multiple"
        allowClear
        maxTagCount="responsive"
        style={{ width: 180 }}
        value={statuses}
        onChange={(v: string[]) => onChange({ status: v.join(',') })}
        options={PROBLEM_STATUSES.map((s) => ({ value: s, label: PROBLEM_STATUS_LABELS[s] }))}
      />
      <Select
        aria-label="问题来源"
        placeholder="问题来源"
        allowClear
        style={{ width: 140 }}
        value={f.source}
        onChange={set('source')}
        options={PROBLEM_SOURCES.map((s) => ({ value: s, label: s }))}
      />
      <Select
        aria-label="整改方式"
        placeholder="整改方式"
        allowClear
        style={{ width: 110 }}
        value={f.mode}
        onChange={set('mode')}
        options={PROBLEM_MODES.map((m) => ({ value: m, label: m }))}
      />
      <Select
        aria-label="是否逾期"
        placeholder="是否逾期"
        allowClear
        style={{ width: 110 }}
        value={f.overdue}
        onChange={set('overdue')}
        options={[
          { value: '1', label: '仅逾期' },
          { value: '0', label: '未逾期' },
        ]}
      />
      <DatePicker.RangePicker
        aria-label="整改时限范围"
        placeholder={['整改时限起', '整改时限止']}
        format={DATE_FORMAT}
        allowEmpty={[true, true]}
        style={{ width: 290 }}
        value={[f.deadlineFrom ? dayjs(f.deadlineFrom) : null, f.deadlineTo ? dayjs(f.deadlineTo) : null]}
        onChange={(range) =>
          onChange({
            deadlineFrom: range?.[0]?.format('YYYY-MM-DD') ?? '',
            deadlineTo: range?.[1]?.format('YYYY-MM-DD') ?? '',
          })
        }
      />
      <Input.Search
        // Remount when the URL's q changes (e.g. 清空筛选) so the box shows what is applied.
        key={f.q ?? ''}
        aria-label="搜索问题"
        placeholder="搜索问题描述、地点等"
        title="在问题描述、地点、户编号、原因、措施、责任领导和责任人中搜索"
        allowClear
        defaultValue={f.q}
        maxLength={100}
        style={{ width: 250 }}
        onSearch={(v) => onChange({ q: v.trim() })}
      />
      <Button onClick={onClear} disabled={!anyFilter}>
        清空筛选
      </Button>
    </Flex>
  );
}
