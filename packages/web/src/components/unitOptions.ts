import { UNIT_KINDS } from '@paicha/core';
import type { Unit } from '../api/types';
import { UNIT_KIND_LABELS } from './labels';

/**
 * Select options grouped 办公室 / 街道 / 部门, in the office's chosen order. A deactivated unit is
 * shown as such and cannot be picked for new work (what it already holds still shows).
 */
export function groupedUnitOptions(units: Unit[]) {
  return UNIT_KINDS.map((kind) => ({
    label: UNIT_KIND_LABELS[kind],
    title: UNIT_KIND_LABELS[kind],
    options: units
      .filter((u) => u.kind === kind)
      .sort((a, b) => a.sortOrder - b.sortOrder || a.id - b.id)
      .map((u) => ({ value: u.id, label: u.active ? u.name : `${u.name}（已停用）`, disabled: !u.active })),
  })).filter((g) => g.options.length > 0);
}
