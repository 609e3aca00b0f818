import type { PlanPreviewItem } from '@paicha/core/api/campaign-import';
import { Button, Input, Select, Space, Tag, Tooltip, Typography } from 'antd';
import type { Unit } from '../../../../api/types';
import { groupedUnitOptions } from '../../../../components/unitOptions';
import { type Decision, newUnitName } from './planDraft';
import { newUnitNameProblem } from './planUnits';

const KIND_WORD = { all_streets: '全部街道', all_departments: '全部部门', unit: '', unresolved: '' } as const;

/** The Select's value for a decision: a suggestion picked directly, or the action chosen. */
function selectValue(d: Decision | undefined, suggested: number[]): string | undefined {
  if (!d) return undefined;
  if (d.kind === 'none') return 'none';
  if (d.kind === 'new') return `new:${d.unitKind}`;
  const [only] = d.unitIds;
  return d.unitIds.length === 1 && only !== undefined && suggested.includes(only) ? `unit:${only}` : 'pick';
}

/** One row's 责任单位: each phrase a tag; an unresolved one with its decision. */
export function PhraseTags(props: {
  item: PlanPreviewItem;
  units: Unit[];
  decisions: Record<string, Decision>;
  onDecide: (phrase: string, decision: Decision | undefined) => void;
}) {
  const names = new Map(props.units.map((u) => [u.id, u.name]));
  const active = props.units.filter((u) => u.active && u.kind !== 'office');
  return (
    <Space direction="vertical" size={6} style={{ width: '100%' }}>
      {props.item.units.map((p) => {
        if (p.kind !== 'unresolved') {
          const list = p.unitIds.map((id) => names.get(id) ?? `#${id}`).join('、');
          return (
            <Tooltip
              key={p.phrase}
              title={`${KIND_WORD[p.kind]}${KIND_WORD[p.kind] ? '：' : ''}${list || '（暂无此类单位）'}`}
            >
              <Tag color="green" data-testid="phrase-resolved" data-phrase={p.phrase}>
                {p.phrase}
                {p.unitIds.length > 1 && `（${p.unitIds.length}个）`}
              </Tag>
            </Tooltip>
          );
        }
        const decision = props.decisions[p.phrase];
        const suggested = p.suggestions.map((s) => s.unitId);
        const value = selectValue(decision, suggested);
        const looksLikeStreet = /街道|办事处/.test(p.phrase);
        const make = [
          { value: 'new:department', label: `新建部门“${p.phrase}”` },
          { value: 'new:street', label: `新建街道“${p.phrase}”` },
        ];
        return (
          <Space key={p.phrase} direction="vertical" size={4} style={{ width: '100%' }}>
            <Space wrap size={4}>
              <Tag
                color={
                  decision && !(decision.kind === 'units' && decision.unitIds.length === 0) ? 'gold' : 'red'
                }
                data-testid="phrase-unresolved"
                data-phrase={p.phrase}
              >
                {p.phrase}
              </Tag>
              <Select
                aria-label={`处理：${p.phrase}`}
                style={{ width: 230 }}
                placeholder="未能识别，请选择处理方式"
                status={decision ? undefined : 'error'}
                value={value}
                onChange={(v: string) => {
                  if (v === 'none') props.onDecide(p.phrase, { kind: 'none' });
                  else if (v === 'pick') props.onDecide(p.phrase, { kind: 'units', unitIds: [] });
                  else if (v.startsWith('new:'))
                    props.onDecide(p.phrase, {
                      kind: 'new',
                      unitKind: v === 'new:street' ? 'street' : 'department',
                      // Changing the kind keeps a name already corrected.
                      ...(decision?.kind === 'new' && decision.name !== undefined
                        ? { name: decision.name }
                        : {}),
                    });
                  else props.onDecide(p.phrase, { kind: 'units', unitIds: [Number(v.slice(5))] });
                }}
                options={[
                  ...p.suggestions.map((s) => ({ value: `unit:${s.unitId}`, label: `对应：${s.name}` })),
                  { value: 'pick', label: '对应现有单位（可多选）…' },
                  ...(looksLikeStreet ? make.reverse() : make),
                  { value: 'none', label: '不设（此项不由它负责）' },
                ]}
              />
            </Space>
            {decision?.kind === 'new' && (
              <NewUnitName
                phrase={p.phrase}
                decision={decision}
                units={props.units}
                onDecide={props.onDecide}
              />
            )}
            {value === 'pick' && decision?.kind === 'units' && (
              <Select
                mode="multiple"
                aria-label={`对应单位：${p.phrase}`}
                style={{ width: '100%' }}
                placeholder="选择一个或多个现有单位"
                optionFilterProp="label"
                value={decision.unitIds}
                status={decision.unitIds.length === 0 ? 'error' : undefined}
                options={groupedUnitOptions(active)}
                onChange={(ids: number[]) => props.onDecide(p.phrase, { kind: 'units', unitIds: ids })}
              />
            )}
          </Space>
        );
      })}
    </Space>
  );
}

/**
 * A new unit's name, as the plan writes it until the office corrects it. A name an existing unit
 * already has cannot be created again: the office maps the phrase to that unit instead.
 */
function NewUnitName(props: {
  phrase: string;
  decision: Extract<Decision, { kind: 'new' }>;
  units: Unit[];
  onDecide: (phrase: string, decision: Decision | undefined) => void;
}) {
  const { phrase, decision } = props;
  const name = decision.name ?? phrase;
  const problem = newUnitNameProblem(name, props.units);
  const same = props.units.find((u) => u.name === newUnitName(phrase, decision) && u.active);
  return (
    <Space direction="vertical" size={2} style={{ width: '100%' }}>
      <Input
        addonBefore={decision.unitKind === 'street' ? '新街道名称' : '新部门名称'}
        aria-label={`新单位名称：${phrase}`}
        value={name}
        maxLength={40}
        status={problem ? 'error' : undefined}
        onChange={(e) => props.onDecide(phrase, { ...decision, name: e.target.value })}
      />
      {problem && (
        <Typography.Text type="danger" data-testid="new-unit-problem">
          {problem}
          {same && (
            <Button
              type="link"
              size="small"
              onClick={() => props.onDecide(phrase, { kind: 'units', unitIds: [same.id] })}
            >
              改为对应“{same.name}”
            </Button>
          )}
        </Typography.Text>
      )}
    </Space>
  );
}
