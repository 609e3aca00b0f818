import { deadlineNeedsReason, type ProblemMode, type ProblemSource, rectificationDueOf } from '@paicha/core';
import type { Problem, ProblemFieldsInput } from '../../api/problemTypes';
import type { Campaign } from '../../api/types';

/** What the problem form holds: the API's fields, all optional while being typed. */
export interface ProblemFormValues {
  unitId?: number;
  checkItem?: number;
  source?: ProblemSource;
  description?: string;
  foundDate?: string | null;
  place?: string;
  householdRef?: string;
  cause?: string;
  measures?: string;
  responsibleLeader?: string;
  responsiblePerson?: string;
  mode?: ProblemMode;
  deadline?: string | null;
  deadlineReason?: string;
}

/** The campaign's 全面整改到位 date (the latest rectification milestone). */
export function rectificationDue(campaign: Campaign | undefined): string | null {
  return rectificationDueOf(campaign?.milestones ?? []);
}

/** Validated form values → the API's body (trimmed; empty 户编号 is null). */
export function toFields(v: ProblemFormValues, due: string | null): ProblemFieldsInput {
  const deadline = v.deadline ?? null;
  return {
    checkItem: v.checkItem as number,
    source: v.source as ProblemSource,
    description: (v.description ?? '').trim(),
    foundDate: v.foundDate as string,
    place: (v.place ?? '').trim(),
    householdRef: v.householdRef?.trim() || null,
    cause: (v.cause ?? '').trim(),
    measures: (v.measures ?? '').trim(),
    responsibleLeader: (v.responsibleLeader ?? '').trim(),
    responsiblePerson: (v.responsiblePerson ?? '').trim(),
    mode: v.mode as ProblemMode,
    deadline,
    deadlineReason: deadlineNeedsReason(deadline, due) ? (v.deadlineReason ?? '').trim() : '',
  };
}

export function fromProblem(p: Problem): ProblemFormValues {
  return {
    checkItem: p.checkItem,
    source: p.source,
    description: p.description,
    foundDate: p.foundDate,
    place: p.place,
    householdRef: p.householdRef ?? '',
    cause: p.cause,
    measures: p.measures,
    responsibleLeader: p.responsibleLeader,
    responsiblePerson: p.responsiblePerson,
    mode: p.mode,
    deadline: p.deadline,
    deadlineReason: p.deadlineReason,
  };
}

/** Only the fields that differ, so an edit never overwrites what the clerk did not touch. */
export function changedFields(
  before: ProblemFieldsInput,
  after: ProblemFieldsInput,
): Partial<ProblemFieldsInput> {
  const out: Partial<ProblemFieldsInput> = {};
  for (const k of Object.keys(after) as (keyof ProblemFieldsInput)[]) {
    if (after[k] !== before[k]) (out as Record<string, unknown>)[k] = after[k];
  }
  return out;
}

export const FIELD_LABELS: Record<keyof ProblemFieldsInput, string> = {
  checkItem: '排查事项',
  source: '问题来源',
  description: '问题描述',
  foundDate: '发现日期',
  place: '地点',
  householdRef: '户编号',
  cause: '原因剖析',
  measures: '整改措施',
  responsibleLeader: '责任领导',
  responsiblePerson: '责任人',
  mode: '整改方式',
  deadline: '整改时限',
  deadlineReason: '超期理由',
};

/** An unsaved edit: what the clerk typed and the record it started from (to send only their changes). */
export interface EditDraft {
  values: ProblemFormValues;
  base: ProblemFormValues;
}
