// The audit log's integrity as the office sees it (/api/audit/status, /api/audit/verify).
import { z } from 'zod';
import { isIsoDate } from '../dates.js';
import { IdParam, IntParam } from './integers.js';

export const AuditStateSchema = z.enum(['unchecked', 'checking', 'ok', 'failed']);
export type AuditState = z.infer<typeof AuditStateSchema>;

/** The audit log's integrity as this server process last checked it. */
export const AuditStatusResponse = z.object({
  state: AuditStateSchema,
  /** When the last check (full or of the new rows) finished. */
  checkedAt: z.string().nullable(),
  /** Rows covered by the last full verification. */
  rows: z.number(),
  lastId: z.number().nullable(),
  failure: z.object({ id: z.number().nullable(), reason: z.string() }).nullable(),
});
export type AuditStatus = z.infer<typeof AuditStatusResponse>;

const isoDate = (label: string) => z.string().refine(isIsoDate, `${label}应为有效日期（YYYY-MM-DD）`);

/** A text filter; NUL never occurs in the log, and PostgreSQL refuses it in a parameter. */
const filterText = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .refine((s) => !s.includes('\u0000'), '筛选条件含有无效字符');

/** The audit log's filters (GET /api/audit/entries and its export); dates are days in China. */
export const AuditFilter = z.object({
  actor: IdParam.optional(),
  /** The acting person's unit. */
  unit: IdParam.optional(),
  entity: filterText.optional(),
  entityId: filterText.optional(),
  action: filterText.optional(),
  from: isoDate('开始日期').optional(),
  to: isoDate('结束日期').optional(),
});
export type AuditFilter = z.infer<typeof AuditFilter>;

export const AuditListQuery = AuditFilter.extend({
  page: IntParam(1).default(1),
  pageSize: IntParam(1, 200).default(20),
});
export type AuditListQuery = z.infer<typeof AuditListQuery>;

export const AuditEntryView = z.object({
  id: z.number(),
  at: z.string(),
  actor: z
    .object({ id: z.number(), name: z.string(), username: z.string(), unit: z.string().nullable() })
    .nullable(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  /**
   * The object as it is called now (a person's name and account, a unit's name, a problem's
   * description, a report's unit and month); null when it has none or no longer exists.
   */
  entityName: z.string().nullable(),
  /** The row's detail as written (JSON); core's describeAuditDetail makes it readable. */
  detail: z.unknown(),
});
export type AuditEntry = z.infer<typeof AuditEntryView>;

export const AuditList = z.object({
  items: z.array(AuditEntryView),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});
export type AuditPage = z.infer<typeof AuditList>;
