import { AUDIT_ACTION_LABELS, AUDIT_ENTITY_LABELS } from '@paicha/core';
import { Button, DatePicker, Select, Space } from 'antd';
import dayjs from 'dayjs';
import type { Unit, User } from '../../../api/types';
import { CN_DATE_FORMATS } from '../../../components/dates';
import type { useAuditQuery } from './auditQuery';

const options = (labels: Record<string, string>) =>
  Object.entries(labels).map(([value, label]) => ({ value, label }));

/** 操作人 / 单位 / 对象 / 操作 / 日期 — each the server's filter, so the list, its total and the export agree. */
export function AuditFilters(props: { aq: ReturnType<typeof useAuditQuery>; users: User[]; units: Unit[] }) {
  const { query, update, clear } = props.aq;
  const range: [dayjs.Dayjs | null, dayjs.Dayjs | null] = [
    query.from ? dayjs(query.from) : null,
    query.to ? dayjs(query.to) : null,
  ];
  return (
    <Space wrap style={{ marginBottom: 16 }}>
      <Select
        aria-label="按操作人筛选"
        data-testid="audit-filter-actor"
        allowClear
        showSearch
        optionFilterProp="label"
        placeholder="全部操作人"
        style={{ width: 200 }}
        value={query.actor}
        onChange={(v: string | undefined) => update({ actor: v })}
        options={props.users.map((u) => ({
          value: String(u.id),
          label: `${u.displayName || u.username}（${u.unit.name}）`,
        }))}
      />
      <Select
        aria-label="按单位筛选"
        data-testid="audit-filter-unit"
        allowClear
        showSearch
        optionFilterProp="label"
        placeholder="全部单位"
        style={{ width: 180 }}
        value={query.unit}
        onChange={(v: string | undefined) => update({ unit: v })}
        options={props.units.map((u) => ({ value: String(u.id), label: u.name }))}
      />
      <Select
        aria-label="按对象筛选"
        data-testid="audit-filter-entity"
        allowClear
        showSearch
        optionFilterProp="label"
        placeholder="全部对象"
        style={{ width: 150 }}
        value={query.entity}
        onChange={(v: string | undefined) => update({ entity: v, entityId: undefined })}
        options={options(AUDIT_ENTITY_LABELS)}
      />
      <Select
        aria-label="按操作筛选"
        data-testid="audit-filter-action"
        allowClear
        showSearch
        optionFilterProp="label"
        placeholder="全部操作"
        style={{ width: 190 }}
        value={query.action}
        onChange={(v: string | undefined) => update({ action: v })}
        options={options(AUDIT_ACTION_LABELS)}
      />
      <DatePicker.RangePicker
        aria-label="按日期筛选"
        data-testid="audit-filter-dates"
        format={CN_DATE_FORMATS}
        placeholder={['开始日期', '结束日期']}
        allowEmpty={[true, true]}
        value={range}
        onChange={(v) => update({ from: v?.[0]?.format('YYYY-MM-DD'), to: v?.[1]?.format('YYYY-MM-DD') })}
      />
      <Button onClick={clear} disabled={Object.keys(query).length === 0} data-testid="audit-clear">
        清除筛选
      </Button>
    </Space>
  );
}
