// Working each screening finding on its own (issue #12): the street's verdict (属实 / 不属实 /
// 已整改) with note and evidence, the office's decision on a 不属实, batch steps, and the
// door-to-door visits recorded on a phone. The server validates and documents with these schemas;
// the web takes its types from them.
import { z } from 'zod';
import { FINDING_VERIFICATIONS, VISIT_RESULTS } from '../household/finding-verification.js';
import { AttachmentResponse } from './files.js';
import { Paging } from './households.js';
import { Id, Int, IntParam } from './integers.js';
import { FindingView } from './screening.js';

export const VerificationSchema = z.enum(FINDING_VERIFICATIONS);
const Note = z.string().trim().max(2000).default('');
const AttachmentIds = z.array(Id).max(20).default([]);

/** A street's step on one finding; `version` is the one the clerk saw. */
export const StreetStepBody = z.object({
  action: z.enum(['confirm', 'dispute', 'rectify']),
  version: Int(1),
  note: Note,
  attachmentIds: AttachmentIds,
});
export type StreetStep = z.input<typeof StreetStepBody>;
export type StreetStepInput = z.infer<typeof StreetStepBody>;

/** The office's decision on a 不属实. */
export const DecisionBody = z.object({
  action: z.enum(['accept', 'reject']),
  version: Int(1),
  note: Note,
});
export type Decision = z.input<typeof DecisionBody>;
export type DecisionInput = z.infer<typeof DecisionBody>;

const Assignee = z.object({
  name: z.string().trim().min(1, '请填写村干部姓名').max(50),
  phone: z
    .string()
    .trim()
    .max(20)
    .regex(/^[0-9+\- ]*$/, '电话号码只能包含数字')
    .default(''),
});

/** Batch steps: all or nothing, each finding reported. */
export const BatchBody = z.discriminatedUnion('action', [
  z.object({ action: z.literal('confirm'), ids: z.array(Id).min(1).max(500), note: Note }),
  z.object({ action: z.literal('assign'), ids: z.array(Id).min(1).max(500), assignee: Assignee }),
]);
export type BatchStep = z.input<typeof BatchBody>;
export type BatchInput = z.infer<typeof BatchBody>;
export const BatchResult = z.object({
  /** false: at least one finding was refused and nothing was changed. */
  applied: z.boolean(),
  results: z.array(z.object({ id: z.number(), ok: z.boolean(), message: z.string() })),
});
export type BatchResult = z.infer<typeof BatchResult>;

export const FindingEventView = z.object({
  id: z.number(),
  action: z.string(),
  actionLabel: z.string(),
  from: VerificationSchema,
  to: VerificationSchema,
  note: z.string(),
  visitId: z.number().nullable(),
  actor: z.string().nullable(),
  at: z.string(),
  attachments: z.array(AttachmentResponse),
});
export type FindingEvent = z.infer<typeof FindingEventView>;
export const FindingHistory = z.object({ finding: FindingView, events: z.array(FindingEventView) });
export type FindingHistory = z.infer<typeof FindingHistory>;

// ——— Visits ———

const Coordinate = (min: number, max: number) => z.number().min(min).max(max);
export const VisitBody = z.object({
  /** Made by the phone when the visit is recorded; a retry sends the same one. */
  clientId: z.string().regex(/^[A-Za-z0-9-]{8,64}$/, '记录编号格式不正确'),
  /** The phone's clock when the visit was recorded. */
  recordedAt: z.iso.datetime({ offset: true }),
  note: Note,
  visitorName: z.string().trim().max(50).default(''),
  location: z
    .object({
      latitude: Coordinate(-90, 90),
      longitude: Coordinate(-180, 180),
      accuracy: z.number().min(0).max(1e6),
    })
    .nullable()
    .default(null),
  results: z
    .array(z.object({ findingId: Id, result: z.enum(VISIT_RESULTS), note: Note }))
    .max(200)
    .default([]),
  attachmentIds: AttachmentIds,
});
export type NewVisit = z.input<typeof VisitBody>;
export type VisitInput = z.infer<typeof VisitBody>;

export const VisitView = z.object({
  id: z.number(),
  clientId: z.string(),
  householdId: z.string(),
  note: z.string(),
  visitorName: z.string(),
  recordedBy: z.string(),
  recordedAt: z.string(),
  receivedAt: z.string(),
  location: z
    .object({ latitude: z.number(), longitude: z.number(), accuracy: z.number().nullable() })
    .nullable(),
  results: z.array(
    z.object({
      findingId: z.number(),
      result: z.enum(VISIT_RESULTS),
      note: z.string(),
      /** The finding's state after the visit; unchanged when the verdict changed nothing. */
      to: VerificationSchema,
      changed: z.boolean(),
    }),
  ),
  photos: z.array(AttachmentResponse),
});
export type Visit = z.infer<typeof VisitView>;
export const VisitList = z.object({ items: z.array(VisitView) });

export const VisitQueueQuery = Paging.extend({
  q: z.string().trim().max(50).optional(),
  pageSize: IntParam(1, 100).default(20),
});
export type VisitQueueQuery = z.infer<typeof VisitQueueQuery>;
export const VisitQueueItem = z.object({
  householdId: z.string(),
  township: z.string(),
  village: z.string(),
  /** The first named person of its findings (masked like every list). */
  name: z.string().nullable(),
  openFindings: z.number(),
  pending: z.number(),
  /** The nearest deadline of the ledger problems its findings belong to. */
  deadline: z.string().nullable(),
  assignees: z.array(z.object({ name: z.string(), phone: z.string() })),
  lastVisitAt: z.string().nullable(),
});
export type VisitQueueItem = z.infer<typeof VisitQueueItem>;
export const VisitQueue = z.object({
  items: z.array(VisitQueueItem),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});
export type VisitQueue = z.infer<typeof VisitQueue>;
