// The audit log's integrity as the office sees it (/api/audit/status, /api/audit/verify).
import { z } from 'zod';

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
