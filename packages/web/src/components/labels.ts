import type { UnitKind } from '@paicha/core';

export const UNIT_KIND_LABELS: Record<UnitKind, string> = {
  office: '办公室',
  street: '街道',
  department: '部门',
};

export const UNIT_KIND_COLORS: Record<UnitKind, string> = {
  office: 'red',
  street: 'green',
  department: 'blue',
};
