// 明察暗访 visits (/api/inspections): the office records them, a unit sees the visits to it.

import { z } from 'zod';
import { isIsoDate } from '../dates.js';
import { VISIT_TYPES } from '../inspection.js';
import { PROBLEM_STATUSES } from '../problem.js';
import { Id, IdParam, Version } from './integers.js';

const fields = {
  unitId: Id,
  visitDate: z.string().refine(isIsoDate, '检查日期应为有效日期'),
  place: z.string().trim().max(200),
  visitType: z.enum(VISIT_TYPES),
  inspectors: z.string().trim().max(200),
  findings: z.string().trim().max(5000),
};
/** What the visit form holds. */
export type InspectionInput = z.infer<z.ZodObject<typeof fields>>;

export const InspectionsQuery = z.object({ campaignId: IdParam.optional() });
export const InspectionParams = z.object({ id: IdParam });

export const CreateInspectionBody = z.object({
  ...fields,
  campaignId: Id,
  place: fields.place.default(''),
  inspectors: fields.inspectors.default(''),
  findings: fields.findings.default(''),
});
export type NewInspection = z.input<typeof CreateInspectionBody>;

/** A change to a visit: `version` as last read (409 if someone saved since). */
export const UpdateInspectionBody = z.object(fields).partial().extend({ version: Version });
export type InspectionChanges = z.input<typeof UpdateInspectionBody>;

export const InspectionResponse = z.object({
  id: z.number(),
  campaignId: z.number(),
  unit: z.object({ id: z.number(), name: z.string() }),
  visitDate: z.string(),
  place: z.string(),
  visitType: z.enum(VISIT_TYPES),
  inspectors: z.string(),
  findings: z.string(),
  createdAt: z.string(),
  /** Sent back with a change: a visit someone saved since answers 409. */
  version: z.number(),
  /** Problems this visit's findings were turned into (交办 to the visited unit). */
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
export type Inspection = z.infer<typeof InspectionResponse>;
