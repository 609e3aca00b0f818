import { isIsoDate, PROBLEM_STATUSES } from '@paicha/core';
import { Id, IdParam, Version } from '@paicha/core/api/integers';
import { z } from 'zod';

export const VISIT_TYPES = ['明察', '暗访'] as const;

const fields = {
  unitId: Id,
  visitDate: z.string().refine(isIsoDate, '检查日期应为有效日期'),
  place: z.string().trim().max(200),
  visitType: z.enum(VISIT_TYPES),
  inspectors: z.string().trim().max(200),
  findings: z.string().trim().max(5000),
};

export const CreateInspectionBody = z.object({
  ...fields,
  campaignId: Id,
  place: fields.place.default(''),
  inspectors: fields.inspectors.default(''),
  findings: fields.findings.default(''),
});
/** A change to a visit: `version` as last read (409 if someone saved since). */
export const UpdateInspectionBody = z.object(fields).partial().extend({ version: Version });

export const Inspection = z.object({
  id: z.number(),
  campaignId: z.number(),
  unit: z.object({ id: z.number(), name: z.string() }),
  visitDate: z.string(),
  place: z.string(),
  visitType: z.enum(VISIT_TYPES),
  inspectors: z.string(),
  findings: z.string(),
  createdAt: z.string(),
  version: z.number(),
  problems: z.array(
    z.object({
      id: z.number(),
      checkItem: z.number(),
      description: z.string(),
      status: z.enum(PROBLEM_STATUSES),
      deadline: z.string().nullable(),
      overdue: z.boolean(),
    }),
  ),
});

export const InspectionParams = z.object({ id: IdParam });
