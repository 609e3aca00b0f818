// Request and response shapes of the household-screening API (types inferred, never hand-written).
import { FIELD_IDS, HOUSEHOLD_SOURCES, RULE_IDS } from '@paicha/core';
import { Id, IdParam, IntParam } from '@paicha/core/api/integers';
import { z } from 'zod';

export const Source = z.enum(HOUSEHOLD_SOURCES);
export const FieldIdSchema = z.enum(FIELD_IDS as [string, ...string[]]);
/** Header text as written → field id, or null to ignore the column. */
export const Mapping = z.record(z.string().min(1).max(200), FieldIdSchema.nullable()).default({});

export const IdParams = z.object({ id: IdParam });
export const UploadParams = z.object({ id: z.string().regex(/^[a-f0-9]{32}$/) });
export const UploadQuery = z.object({ source: Source });
export const PreviewBody = z.object({ source: Source, mapping: Mapping });
export const StartImportBody = z.object({
  uploadId: z.string().regex(/^[a-f0-9]{32}$/),
  source: Source,
  mapping: Mapping,
});
export const Paging = z.object({
  page: IntParam(1).default(1),
  pageSize: IntParam(1, 500).default(50),
});
export const ImportListQuery = Paging.extend({ source: Source.optional() });
export const ErrorsCsvQuery = z.object({ encoding: z.enum(['gbk', 'utf-8']).default('gbk') });
export const FieldsQuery = z.object({ source: Source });

export const ImportView = z.object({
  id: z.number(),
  source: z.string(),
  sourceLabel: z.string(),
  fileName: z.string(),
  format: z.string(),
  encoding: z.string().nullable(),
  status: z.string(),
  sheet: z.string().nullable(),
  headerRow: z.number().nullable(),
  columns: z.array(z.object({ column: z.number(), header: z.string(), field: z.string() })),
  unknownHeaders: z.array(z.object({ column: z.number(), header: z.string() })),
  mapping: z.record(z.string(), z.string().nullable()),
  rows: z.number(),
  accepted: z.number(),
  rejected: z.number(),
  errorCount: z.number(),
  bytesTotal: z.number(),
  bytesRead: z.number(),
  progress: z.number(),
  message: z.string(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});

export const ImportError = z.object({
  row: z.number(),
  column: z.string(),
  value: z.string(),
  message: z.string(),
});

export const Preview = z.object({
  upload: z.object({ id: z.string(), fileName: z.string(), size: z.number(), format: z.string() }),
  source: z.string(),
  encoding: z.string().nullable(),
  sheet: z.string().nullable(),
  headerRow: z.number().nullable(),
  columns: z.array(
    z.object({
      column: z.number(),
      header: z.string(),
      field: z.string().nullable(),
      fieldLabel: z.string().nullable(),
    }),
  ),
  unknown: z.array(z.object({ column: z.number(), header: z.string() })),
  missing: z.array(z.string()),
  duplicates: z.array(z.object({ field: z.string(), columns: z.array(z.number()) })),
  sample: z.array(z.array(z.string())),
  ok: z.boolean(),
  message: z.string(),
});

export const FindingsQuery = Paging.extend({
  campaignId: IdParam.optional(),
  rule: z.enum(RULE_IDS as [string, ...string[]]).optional(),
  checkItem: IntParam(1, 99).optional(),
  unit: IdParam.optional(),
  status: z.enum(['open', 'resolved', 'all']).default('open'),
  unrouted: z.enum(['1', '0']).optional(),
  householdId: z.string().max(64).optional(),
  q: z.string().max(100).optional(),
  unmasked: z.enum(['1', '0']).optional(),
  sort: z.enum(['checkItem', 'unit', 'household', 'createdAt']).default('checkItem'),
  order: z.enum(['asc', 'desc']).default('asc'),
});
export type FindingsQuery = z.infer<typeof FindingsQuery>;
export const UnmaskQuery = z.object({ unmasked: z.enum(['1', '0']).optional() });

export const FindingView = z.object({
  id: z.number(),
  campaignId: z.number(),
  rule: z.string(),
  ruleTitle: z.string(),
  checkItem: z.number(),
  unit: z.object({ id: z.number(), name: z.string() }).nullable(),
  township: z.string(),
  village: z.string(),
  householdId: z.string().nullable(),
  idNumber: z.string().nullable(),
  name: z.string().nullable(),
  detail: z.string(),
  status: z.enum(['open', 'resolved']),
  firstRunId: z.number(),
  lastRunId: z.number(),
  resolvedAt: z.string().nullable(),
  problemId: z.number().nullable(),
  createdAt: z.string(),
  masked: z.boolean(),
});
export const FindingList = z.object({
  items: z.array(FindingView),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});

export const RuleView = z.object({
  id: z.string(),
  checkItem: z.number(),
  scope: z.string(),
  title: z.string(),
  description: z.string(),
  sources: z.array(z.string()),
  enabled: z.boolean(),
  params: z.record(z.string(), z.unknown()),
  defaults: z.record(z.string(), z.unknown()),
  paramsText: z.string(),
  updatedAt: z.string(),
});
export const RuleParams = z.object({ id: z.enum(RULE_IDS as [string, ...string[]]) });
export const RuleUpdateBody = z.object({
  enabled: z.boolean().optional(),
  params: z.record(z.string(), z.unknown()).optional(),
});

export const PlaceView = z.object({
  id: z.number(),
  name: z.string(),
  households: z.number(),
  unit: z.object({ id: z.number(), name: z.string() }).nullable(),
  firstSeenAt: z.string(),
  lastSeenAt: z.string(),
  resolvedAt: z.string().nullable(),
});
export const PlacesQuery = z.object({ status: z.enum(['open', 'resolved', 'all']).default('open') });
export const ResolvePlaceBody = z.object({ unitId: Id });

export const StartScreeningBody = z.object({ campaignId: Id.optional() }).default({});
export const ScreeningsQuery = z.object({ campaignId: IdParam.optional() });
export const RunView = z.object({
  id: z.number(),
  campaignId: z.number(),
  status: z.string(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  summary: z.record(z.string(), z.unknown()),
  message: z.string(),
});

export const HouseholdParams = z.object({ householdId: z.string().min(1).max(64) });
export const MemberView = z.object({
  row: z.number(),
  name: z.string().nullable(),
  idNumber: z.string().nullable(),
  idValid: z.boolean(),
  isHead: z.boolean(),
  householdSize: z.number().nullable(),
  category: z.string().nullable(),
  exitStatus: z.string().nullable(),
  income: z.number().nullable(),
  remarks: z.string().nullable(),
});
export const HouseholdView = z.object({
  householdId: z.string(),
  township: z.string(),
  village: z.string(),
  unit: z.object({ id: z.number(), name: z.string() }).nullable(),
  importId: z.number(),
  members: z.array(MemberView),
  /** The household's rows in each other source's current import (by 户编号 or member ID). */
  sources: z.array(
    z.object({
      source: z.string(),
      label: z.string(),
      importId: z.number(),
      records: z.array(
        z.object({
          row: z.number(),
          name: z.string().nullable(),
          idNumber: z.string().nullable(),
          fields: z.array(z.object({ label: z.string(), value: z.string() })),
        }),
      ),
    }),
  ),
  findings: z.array(FindingView),
  masked: z.boolean(),
});
