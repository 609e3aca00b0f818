// Reading findings and households for the API, scoped and masked. Names and ID numbers are
// masked (3207**********1234, 张*) for everyone by default; the office's admin may ask for them
// unmasked, and every such view is written to the audit log with what was shown.
import {
  AppError,
  FINDING_VERIFICATION_LABELS,
  type FindingVerification,
  maskIdNumber,
  maskName,
  type RuleId,
  screeningRule,
} from '@paicha/core';
import type { FindingsQuery } from '@paicha/core/api/screening';
import { sql } from 'kysely';
import { containsPattern, likeContains } from '../../../db/text-search.js';
import { assertMay, assertUnitVisible, scopedUnitId, scopeOf } from '../../../http/access.js';
import type { Actor, AppContext } from '../../../kernel/context.js';
import { appendAudit } from '../../audit/audit.repository.js';
import { resolveCampaignId } from '../../campaigns/current-campaign.js';
import { currentImports } from '../import/imports.repository.js';
import { rowsTableName } from '../import/rows-table.repository.js';
import { placeName, placeResolver } from '../places/places.js';
import { unmaskDetail } from './finding-people.js';
import { householdInSources } from './household-sources.repository.js';
import type { Named } from './types.js';

/** Whether this request shows personal data in full; logs the view when it does. */
async function unmaskedView(
  ctx: AppContext,
  actor: Actor,
  asked: string | undefined,
  what: { entity: string; entityId: string | number | null; detail: Record<string, unknown> },
): Promise<boolean> {
  if (asked !== '1') return false;
  assertMay(actor, 'household.unmask');
  const at = ctx.clock.now().toISOString();
  await appendAudit(ctx.db, ctx.dialect, {
    actorId: actor.userId,
    action: 'household.unmasked_view',
    entity: what.entity,
    entityId: what.entityId,
    detail: what.detail,
    at,
  });
  return true;
}

interface FindingRow {
  id: number;
  campaignId: number;
  rule: RuleId;
  checkItem: number;
  unitId: number | null;
  unitName: string | null;
  township: string;
  village: string;
  householdId: string | null;
  idNumber: string | null;
  name: string | null;
  detail: string;
  /** JSON; its people are shown only unmasked */
  data: string;
  firstRunId: number;
  lastRunId: number;
  resolvedAt: string | null;
  problemId: number | null;
  createdAt: string;
  verification: FindingVerification;
  verificationNote: string;
  verifiedAt: string | null;
  version: number;
  assigneeName: string;
  assigneePhone: string;
}

function peopleOf(data: string): Named[] | undefined {
  try {
    const people = (JSON.parse(data) as { people?: unknown }).people;
    return Array.isArray(people) ? (people as Named[]) : undefined;
  } catch {
    return undefined;
  }
}

export function presentFinding(f: FindingRow, unmasked: boolean) {
  return {
    id: f.id,
    campaignId: f.campaignId,
    rule: f.rule,
    ruleTitle: screeningRule(f.rule).title,
    checkItem: f.checkItem,
    unit: f.unitId === null || f.unitName === null ? null : { id: f.unitId, name: f.unitName },
    township: f.township,
    village: f.village,
    householdId: f.householdId,
    idNumber: f.idNumber === null ? null : unmasked ? f.idNumber : maskIdNumber(f.idNumber),
    name: f.name === null ? null : unmasked ? f.name : maskName(f.name),
    detail: unmasked ? unmaskDetail(f.detail, peopleOf(f.data)) : f.detail,
    status: f.resolvedAt ? ('resolved' as const) : ('open' as const),
    firstRunId: f.firstRunId,
    lastRunId: f.lastRunId,
    resolvedAt: f.resolvedAt,
    problemId: f.problemId,
    createdAt: f.createdAt,
    masked: !unmasked,
    verification: f.verification,
    verificationLabel: FINDING_VERIFICATION_LABELS[f.verification],
    verificationNote: f.verificationNote,
    verifiedAt: f.verifiedAt,
    version: Number(f.version),
    assignee: f.assigneeName ? { name: f.assigneeName, phone: f.assigneePhone } : null,
  };
}

function filtered(ctx: AppContext, actor: Actor, campaignId: number, q: Partial<FindingsQuery>) {
  const unitId = scopedUnitId(actor, q.unit);
  const like = containsPattern(q.q);
  return ctx.db
    .selectFrom('findings as f')
    .leftJoin('units as u', 'u.id', 'f.unit_id')
    .where('f.campaign_id', '=', campaignId)
    .$if(unitId !== undefined, (w) => w.where('f.unit_id', '=', unitId as number))
    .$if(q.unrouted === '1' && scopeOf(actor).all, (w) => w.where('f.unit_id', 'is', null))
    .$if(q.rule !== undefined, (w) => w.where('f.rule_id', '=', q.rule as RuleId))
    .$if(q.checkItem !== undefined, (w) => w.where('f.check_item', '=', q.checkItem as number))
    .$if(q.status === 'open' || q.status === undefined, (w) => w.where('f.resolved_at', 'is', null))
    .$if(q.status === 'resolved', (w) => w.where('f.resolved_at', 'is not', null))
    .$if(q.householdId !== undefined, (w) => w.where('f.household_id', '=', q.householdId as string))
    .$if(q.problemId !== undefined, (w) => w.where('f.problem_id', '=', q.problemId as number))
    .$if(q.village !== undefined && q.village !== '', (w) => w.where('f.village', '=', q.village as string))
    .$if(q.verification !== undefined, (w) =>
      w.where('f.verification', '=', q.verification as FindingVerification),
    )
    .$if(like !== null, (w) =>
      w.where((eb) => eb.or(['f.detail', 'f.household_id'].map((c) => likeContains(c, like as string)))),
    );
}

/**
 * A group's findings (one problem: one rule, so one 序号) are in the order found, by id: the
 * (problem_id, id) index pages them, and the export walks them by keyset.
 */
function byIdOnly(q: Partial<FindingsQuery>): boolean {
  return q.problemId !== undefined && (q.sort === undefined || q.sort === 'checkItem');
}

/** The list's order: the chosen column, then 序号 and id so pages never overlap. */
function ordered(query: ReturnType<typeof filtered>, q: Partial<FindingsQuery>) {
  const dir = q.order === 'desc' ? 'desc' : 'asc';
  if (byIdOnly(q)) return query.orderBy('f.id', dir);
  const first = (
    {
      checkItem: 'f.check_item',
      unit: 'u.sort_order',
      household: 'f.household_id',
      createdAt: 'f.created_at',
    } as const
  )[q.sort ?? 'checkItem'];
  return query.orderBy(first, dir).orderBy('f.check_item').orderBy('f.id', dir);
}

const SELECT = [
  'f.id',
  'f.campaign_id as campaignId',
  'f.rule_id as rule',
  'f.check_item as checkItem',
  'u.id as unitId',
  'u.name as unitName',
  'f.township',
  'f.village',
  'f.household_id as householdId',
  'f.id_number as idNumber',
  'f.person_name as name',
  'f.detail',
  'f.data',
  'f.first_run_id as firstRunId',
  'f.last_run_id as lastRunId',
  'f.resolved_at as resolvedAt',
  'f.problem_id as problemId',
  'f.created_at as createdAt',
  'f.verification',
  'f.verification_note as verificationNote',
  'f.verified_at as verifiedAt',
  'f.version',
  'f.assignee_name as assigneeName',
  'f.assignee_phone as assigneePhone',
] as const;

export async function listFindings(ctx: AppContext, actor: Actor, q: FindingsQuery) {
  const campaignId = await resolveCampaignId(ctx, actor, q.campaignId);
  const base = filtered(ctx, actor, campaignId, q);
  const [rows, count] = await Promise.all([
    ordered(base, q)
      .select(SELECT)
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  const unmasked = await unmaskedView(ctx, actor, q.unmasked, {
    entity: 'findings',
    entityId: null,
    detail: { query: q, ids: rows.map((r) => r.id) },
  });
  return {
    items: rows.map((r) => presentFinding(r as FindingRow, unmasked)),
    total: Number(count.n),
    page: q.page,
    pageSize: q.pageSize,
  };
}

/** Findings per read while exporting. */
const EXPORT_PAGE = 500;

/**
 * Every matching finding for the export (same scope, order and masking as the list), read page
 * by page: the ids are taken in list order up front (numbers only), then their rows a page at a
 * time, so the export never holds more than a page of findings.
 */
export async function findingPages(ctx: AppContext, actor: Actor, q: Partial<FindingsQuery>) {
  const campaignId = await resolveCampaignId(ctx, actor, q.campaignId);
  if (byIdOnly(q)) return groupPages(ctx, actor, campaignId, q);
  const ids = (
    await ordered(filtered(ctx, actor, campaignId, q), q)
      .select('f.id')
      .execute()
  ).map((r) => r.id);
  const unmasked = await unmaskedView(ctx, actor, q.unmasked, {
    entity: 'findings',
    entityId: null,
    detail: { export: true, query: q, count: ids.length },
  });
  async function* pages() {
    for (let at = 0; at < ids.length; at += EXPORT_PAGE) {
      const chunk = ids.slice(at, at + EXPORT_PAGE);
      const rows = await ctx.db
        .selectFrom('findings as f')
        .leftJoin('units as u', 'u.id', 'f.unit_id')
        .select(SELECT)
        .where('f.id', 'in', chunk)
        .execute();
      const byId = new Map(rows.map((r) => [r.id, r]));
      // A finding removed since the ids were read is skipped.
      yield chunk.flatMap((id) => {
        const r = byId.get(id);
        return r ? [presentFinding(r as FindingRow, unmasked)] : [];
      });
    }
  }
  return { count: ids.length, pages };
}

/**
 * A group's findings for the export by keyset on id, a page per read: a street's 100,000 findings
 * never sit in memory at once, not even as ids.
 */
async function groupPages(ctx: AppContext, actor: Actor, campaignId: number, q: Partial<FindingsQuery>) {
  const unmasked = await unmaskedView(ctx, actor, q.unmasked, {
    entity: 'findings',
    entityId: null,
    detail: { export: true, query: q },
  });
  const desc = q.order === 'desc';
  async function* pages() {
    let after: number | null = null;
    for (;;) {
      const from: number | null = after;
      const rows = await ordered(filtered(ctx, actor, campaignId, q), q)
        .$if(from !== null, (w) => w.where('f.id', desc ? '<' : '>', from as number))
        .select(SELECT)
        .limit(EXPORT_PAGE)
        .execute();
      if (rows.length === 0) return;
      yield rows.map((r) => presentFinding(r as FindingRow, unmasked));
      if (rows.length < EXPORT_PAGE) return;
      after = rows[rows.length - 1]?.id ?? null;
    }
  }
  return { pages };
}

export async function getFinding(ctx: AppContext, actor: Actor, id: number, unmaskedAsked?: string) {
  const f = await ctx.db
    .selectFrom('findings as f')
    .leftJoin('units as u', 'u.id', 'f.unit_id')
    .select(SELECT)
    .where('f.id', '=', id)
    .executeTakeFirst();
  if (!f) throw new AppError('not_found', '问题线索不存在');
  // A finding no street has yet (unit null) is the office's: units never see it.
  assertUnitVisible(actor, f.unitId, '问题线索');
  const unmasked = await unmaskedView(ctx, actor, unmaskedAsked, {
    entity: 'finding',
    entityId: id,
    detail: {},
  });
  return presentFinding(f as FindingRow, unmasked);
}

/**
 * A household of the current roll with its members, its rows in every other source, and its open
 * findings; another street's → 404.
 */
export async function getHousehold(
  ctx: AppContext,
  actor: Actor,
  householdId: string,
  unmaskedAsked?: string,
) {
  const imports = await currentImports(ctx.db);
  if (imports.national === undefined) throw new AppError('not_found', '户不存在');
  const table = sql.table(rowsTableName(imports.national));
  const { rows } = await sql<
    Record<string, unknown>
  >`select * from ${table} where household_id = ${householdId} order by row_no`.execute(ctx.db);
  const first = rows[0];
  if (!first) throw new AppError('not_found', '户不存在');
  const township = placeName(String(first.township ?? ''));
  const unitId = township ? (await placeResolver(ctx.db))(township) : null;
  assertUnitVisible(actor, unitId, '户');
  const unit =
    unitId === null
      ? null
      : await ctx.db.selectFrom('units').select(['id', 'name']).where('id', '=', unitId).executeTakeFirst();
  const unmasked = await unmaskedView(ctx, actor, unmaskedAsked, {
    entity: 'household',
    entityId: householdId,
    detail: {},
  });
  const campaignId = await resolveCampaignId(ctx, actor);
  // The household is in the actor's scope, so its findings are too: the same scope filters them.
  const findings = await filtered(ctx, actor, campaignId, {
    householdId,
    status: 'open',
  })
    .select(SELECT)
    .execute();
  const text = (v: unknown) => (v === null || v === undefined ? null : String(v));
  const memberIds = rows
    .filter((r) => r.id_error === null && r.id_number !== null)
    .map((r) => String(r.id_number));
  const sources = await householdInSources(ctx.db, imports, householdId, memberIds, unmasked);
  return {
    householdId,
    township,
    village: String(first.village ?? ''),
    unit: unit ?? null,
    importId: imports.national,
    members: rows.map((r) => ({
      row: Number(r.row_no),
      name: r.name === null ? null : unmasked ? text(r.name) : maskName(String(r.name)),
      idNumber:
        r.id_number === null ? null : unmasked ? text(r.id_number) : maskIdNumber(String(r.id_number)),
      idValid: r.id_error === null,
      isHead: Number(r.is_head) === 1,
      // Absent from the tables of imports made before it was kept.
      relation: text(r.relation),
      householdSize: r.household_size === null ? null : Number(r.household_size),
      category: text(r.category),
      exitStatus: text(r.exit_status),
      income: r.income === null ? null : Number(r.income),
      remarks: text(r.remarks),
    })),
    sources,
    findings: findings.map((f) => presentFinding(f as FindingRow, unmasked)),
    masked: !unmasked,
  };
}
