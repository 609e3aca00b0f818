// The household-screening API: rules (office edits), the place-name queue, runs, findings and a
// household's records. The server validates and documents with these schemas; the web takes its
// types from them.

import { z } from 'zod';
import { FINDING_VERIFICATIONS, RULE_IDS, type RuleId } from '../household/index.js';
import { Paging, Source } from './households.js';
import { Id, IdParam, IntParam } from './integers.js';

export const RuleIdSchema = z.enum(RULE_IDS as [RuleId, ...RuleId[]]);
const UnitRef = z.object({ id: z.number(), name: z.string() });

export const FindingsQuery = Paging.extend({
  campaignId: IdParam.optional(),
  rule: RuleIdSchema.optional(),
  checkItem: IntParam(1, 99).optional(),
  unit: IdParam.optional(),
  status: z.enum(['open', 'resolved', 'all']).default('open'),
  unrouted: z.enum(['1', '0']).optional(),
  householdId: z.string().max(64).optional(),
  /** The findings of one ledger problem (a screening group), listed in the order found. */
  problemId: IdParam.optional(),
  village: z.string().max(100).optional(),
  q: z.string().max(100).optional(),
  unmasked: z.enum(['1', '0']).optional(),
  /** The street's verdict (待核实, 属实, …); any when absent. */
  verification: z.enum(FINDING_VERIFICATIONS).optional(),
  sort: z.enum(['checkItem', 'unit', 'household', 'createdAt']).default('checkItem'),
  order: z.enum(['asc', 'desc']).default('asc'),
});
export type FindingsQuery = z.infer<typeof FindingsQuery>;
export const UnmaskQuery = z.object({ unmasked: z.enum(['1', '0']).optional() });

export const FindingView = z.object({
  id: z.number(),
  campaignId: z.number(),
  rule: RuleIdSchema,
  ruleTitle: z.string(),
  checkItem: z.number(),
  /** null = its 乡镇（街道） name matches no street yet (the office's queue). */
  unit: UnitRef.nullable(),
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
  verification: z.enum(FINDING_VERIFICATIONS),
  verificationLabel: z.string(),
  /** The last verification step's note (the office's, when it rejected a 不属实). */
  verificationNote: z.string(),
  verifiedAt: z.string().nullable(),
  /** Sent back with a step: a finding changed meanwhile refuses it. */
  version: z.number(),
  /** The village cadre it is assigned to. */
  assignee: z.object({ name: z.string(), phone: z.string() }).nullable(),
});
export type Finding = z.infer<typeof FindingView>;
export const FindingList = z.object({
  items: z.array(FindingView),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});
export type FindingPage = z.infer<typeof FindingList>;

export const RuleView = z.object({
  id: RuleIdSchema,
  checkItem: z.number(),
  scope: z.enum(['person', 'household']),
  title: z.string(),
  description: z.string(),
  sources: z.array(Source),
  enabled: z.boolean(),
  params: z.record(z.string(), z.unknown()),
  defaults: z.record(z.string(), z.unknown()),
  paramsText: z.string(),
  updatedAt: z.string(),
});
export type ScreeningRuleView = z.infer<typeof RuleView>;
export const RuleParams = z.object({ id: RuleIdSchema });
export const RuleUpdateBody = z.object({
  enabled: z.boolean().optional(),
  params: z.record(z.string(), z.unknown()).optional(),
});
export type RuleChanges = z.infer<typeof RuleUpdateBody>;

export const PlaceView = z.object({
  id: z.number(),
  name: z.string(),
  households: z.number(),
  unit: UnitRef.nullable(),
  firstSeenAt: z.string(),
  lastSeenAt: z.string(),
  resolvedAt: z.string().nullable(),
});
export type PlaceView = z.infer<typeof PlaceView>;
export const PlaceStatus = z.enum(['open', 'resolved', 'all']);
export type PlaceStatus = z.infer<typeof PlaceStatus>;
export const PlacesQuery = z.object({ status: PlaceStatus.default('open') });
export const ResolvePlaceBody = z.object({ unitId: Id });
export const PlaceRouted = z.object({ routed: z.number() });
export type PlaceRouted = z.infer<typeof PlaceRouted>;

/** How a screening changed the findings and their ledger problems. */
export const SyncCounts = z.object({
  new: z.number(),
  stillOpen: z.number(),
  reappeared: z.number(),
  resolved: z.number(),
  problemsCreated: z.number(),
  problemsCleared: z.number(),
  problemsUncleared: z.number(),
  problemsReopened: z.number(),
});
export type SyncCounts = z.infer<typeof SyncCounts>;

export const RuleOutcome = z.object({
  id: RuleIdSchema,
  /** 序号 of the campaign's item the rule files under; 0 when it has none (unmapped). */
  checkItem: z.number(),
  /** The rule has no item in the campaign: its findings are recorded but not filed into the ledger. */
  unmapped: z.boolean().optional(),
  findings: z.number(),
  /** Why the rule did not run (停用, 缺少数据：…), null when it ran. */
  skipped: z.string().nullable(),
  /** Milliseconds the rule took (its queries and staging its findings); absent when skipped. */
  ms: z.number().optional(),
});
export type RuleOutcome = z.infer<typeof RuleOutcome>;

/** What a finished run found. */
export const ScreeningSummary = SyncCounts.extend({
  runId: z.number(),
  campaignId: z.number(),
  imports: z.partialRecord(Source, z.number()),
  rules: z.array(RuleOutcome),
  findings: z.number(),
  unrouted: z.number(),
  /** Findings of rules with no item in the campaign, recorded but kept out of the ledger. */
  unfiled: z.number().optional(),
  durationMs: z.number(),
  /**
   * Where the time went, in milliseconds: the roll per household (prepare), the rules, routing and
   * filing the findings into the ledger (record, which waits for the write lock on SQLite).
   */
  stepsMs: z.object({ prepare: z.number(), rules: z.number(), record: z.number() }).optional(),
});
export type ScreeningSummary = z.infer<typeof ScreeningSummary>;

export const StartScreeningBody = z.object({ campaignId: Id.optional() }).default({});
export const ScreeningsQuery = z.object({ campaignId: IdParam.optional() });
export const RunView = z.object({
  id: z.number(),
  campaignId: z.number(),
  status: z.enum(['running', 'done', 'failed']),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  /** Empty while the run goes on, when it failed, and for a unit (the district's totals). */
  summary: ScreeningSummary.partial(),
  message: z.string(),
});
export type ScreeningRun = z.infer<typeof RunView>;

export const HouseholdParams = z.object({ householdId: z.string().min(1).max(64) });
export const MemberView = z.object({
  row: z.number(),
  name: z.string().nullable(),
  idNumber: z.string().nullable(),
  idValid: z.boolean(),
  isHead: z.boolean(),
  /** 与户主关系 as the roll's file wrote it; null when the file had none (or was imported before it was kept). */
  relation: z.string().nullable(),
  householdSize: z.number().nullable(),
  category: z.string().nullable(),
  exitStatus: z.string().nullable(),
  income: z.number().nullable(),
  remarks: z.string().nullable(),
});
export type HouseholdMember = z.infer<typeof MemberView>;
export const SourceRecord = z.object({
  row: z.number(),
  name: z.string().nullable(),
  idNumber: z.string().nullable(),
  fields: z.array(z.object({ label: z.string(), value: z.string() })),
});
export type HouseholdSourceRecord = z.infer<typeof SourceRecord>;
export const SourceRecords = z.object({
  source: Source,
  label: z.string(),
  importId: z.number(),
  records: z.array(SourceRecord),
});
export type HouseholdSourceRecords = z.infer<typeof SourceRecords>;
export const HouseholdView = z.object({
  householdId: z.string(),
  township: z.string(),
  village: z.string(),
  unit: UnitRef.nullable(),
  importId: z.number(),
  members: z.array(MemberView),
  /** The household's rows in each other source's current import (by 户编号 or member ID). */
  sources: z.array(SourceRecords),
  findings: z.array(FindingView),
  masked: z.boolean(),
});
export type HouseholdDetail = z.infer<typeof HouseholdView>;

/** The data-quality trend: findings per 100 households, per run × street × rule that ran. */
export const TrendQuery = z.object({ campaignId: IdParam.optional() });
export const TrendPoint = z.object({
  runId: z.number(),
  /** The run's day (YYYY-MM-DD, the server's calendar). */
  date: z.string(),
  unitId: z.number(),
  rule: RuleIdSchema,
  findings: z.number(),
  /** The national roll's households routed to the street in that run. */
  households: z.number(),
});
export type TrendPoint = z.infer<typeof TrendPoint>;
export const TrendView = z.object({
  /** Only the caller's street for a street's user; every street for the office. */
  units: z.array(UnitRef),
  points: z.array(TrendPoint),
});
export type ScreeningTrend = z.infer<typeof TrendView>;
