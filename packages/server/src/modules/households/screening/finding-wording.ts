// The words the rules write into a finding, shared by screening-rules.ts and
// screening-reconcile.ts (a leaf, so neither imports the other for them): labels for coded
// values, and a finding built from a screened row of a household or a person.
import {
  EXIT_STATUS_LABELS,
  type ExitStatus,
  HOUSEHOLD_CATEGORY_LABELS,
  type HouseholdCategory,
  type RuleId,
  SOURCE_LABELS,
} from '@paicha/core';
import { cellText, maskedPerson, namedPerson } from '../findings/finding-people.js';
import type { Found } from '../findings/types.js';
import type { Row } from './screening.repository.js';

/** The roll's name as the findings cite it (国扶系统). */
export const NATIONAL_LABEL = SOURCE_LABELS.national;

/** A 0/1 column as the office reads it; an empty cell stays visibly empty. */
export const yesNo = (v: unknown) => (v === null || v === undefined ? '空' : Number(v) === 1 ? '是' : '否');

export const categoryLabel = (v: unknown) => HOUSEHOLD_CATEGORY_LABELS[v as HouseholdCategory] ?? '空';
export const exitLabel = (v: unknown) => EXIT_STATUS_LABELS[v as ExitStatus] ?? '空';

export function household(rule: RuleId, r: Row, detail: string, data: Record<string, unknown> = {}): Found {
  const hh = cellText(r.household_id);
  return {
    rule,
    key: `${rule}:${hh}`,
    householdId: hh,
    idNumber: null,
    rawId: null,
    name: null,
    township: cellText(r.township),
    village: cellText(r.village),
    detail,
    data,
  };
}

export function person(rule: RuleId, r: Row, detail: string, data: Record<string, unknown> = {}): Found {
  const id = cellText(r.id_number);
  return {
    rule,
    key: `${rule}:${id}`,
    householdId: r.household_id ? cellText(r.household_id) : null,
    idNumber: id,
    rawId: id,
    name: cellText(r.name) || null,
    township: cellText(r.township),
    village: cellText(r.village),
    detail: `${maskedPerson(r.name, id)}${detail}`,
    data: { ...data, people: [namedPerson(r.name, id)] },
  };
}
