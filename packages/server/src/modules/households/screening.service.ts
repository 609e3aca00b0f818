// A screening run: every enabled rule over the current import of each source, in one
// transaction (findings and ledger change together or not at all), recorded in screening_runs.
// Used by `paicha screen` (awaited) and the HTTP API (a background job the UI polls).
import { AppError, type HouseholdSource, type RuleId, SOURCE_LABELS, screeningRule } from '@paicha/core';
import { sql } from 'kysely';
import type { Executor } from '../../db/transaction.js';
import type { Actor, AppContext } from '../../http/context.js';
import { appendAudit } from '../audit/audit.repository.js';
import { type Routed, type SyncCounts, syncFindings } from './findings-sync.js';
import { currentImports } from './imports.repository.js';
import { placeName, placeResolver } from './places.js';
import { ruleSettings } from './rules.service.js';
import { keepAlive, retireDeadRuns, THIS_OWNER } from './screening-owner.js';
import { RULES } from './screening-rules.js';
import { ScreeningSql } from './screening-sql.js';

export interface RuleOutcome {
  id: RuleId;
  checkItem: number;
  findings: number;
  skipped: string | null;
}

export interface ScreeningSummary extends SyncCounts {
  runId: number;
  campaignId: number;
  imports: Partial<Record<HouseholdSource, number>>;
  rules: RuleOutcome[];
  findings: number;
  unrouted: number;
  durationMs: number;
}

export async function latestCampaignId(ctx: AppContext): Promise<number> {
  const c = await ctx.db.selectFrom('campaigns').select('id').orderBy('id', 'desc').executeTakeFirst();
  if (!c) throw new AppError('not_found', '没有工作活动');
  return c.id;
}

export async function startScreening(
  ctx: AppContext,
  actor: Actor | null,
  campaignId?: number,
): Promise<number> {
  const id = campaignId ?? (await latestCampaignId(ctx));
  const campaign = await ctx.db.selectFrom('campaigns').select('id').where('id', '=', id).executeTakeFirst();
  if (!campaign) throw new AppError('not_found', '工作活动不存在');
  const imports = await currentImports(ctx.db);
  if (imports.national === undefined)
    throw new AppError('unprocessable', `尚未导入${SOURCE_LABELS.national}数据，无法比对`);
  await retireDeadRuns(ctx);
  const running = await ctx.db
    .selectFrom('screening_runs')
    .select('id')
    .where('status', '=', 'running')
    .executeTakeFirst();
  if (running) throw new AppError('conflict', '已有比对正在进行，请稍后');
  const run = await ctx.db
    .insertInto('screening_runs')
    .values({
      campaign_id: id,
      status: 'running',
      started_at: ctx.clock.now().toISOString(),
      heartbeat_at: ctx.clock.now().toISOString(),
      owner: THIS_OWNER,
      started_by: actor?.userId ?? null,
      imports: JSON.stringify(imports),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return run.id;
}

export async function runScreening(
  ctx: AppContext,
  actor: Actor | null,
  campaignId?: number,
): Promise<{ summary: ScreeningSummary; findings: Routed[] }> {
  return executeScreening(ctx, actor, await startScreening(ctx, actor, campaignId));
}

export async function executeScreening(
  ctx: AppContext,
  actor: Actor | null,
  runId: number,
): Promise<{ summary: ScreeningSummary; findings: Routed[] }> {
  const started = performance.now();
  const run = await ctx.db
    .selectFrom('screening_runs')
    .selectAll()
    .where('id', '=', runId)
    .executeTakeFirstOrThrow();
  const imports = JSON.parse(run.imports) as Partial<Record<HouseholdSource, number>>;
  const at = run.started_at;
  const restoreCache = ctx.dialect === 'sqlite' ? await widenSqliteCache(ctx) : null;
  const stopHeartbeat = keepAlive(ctx, runId);
  try {
    const result = await ctx.db.transaction().execute(async (trx) => {
      if (ctx.dialect === 'postgres') await tunePostgres(trx);
      const settings = await ruleSettings(trx, at);
      const q = new ScreeningSql(trx, imports, ctx.dialect);
      await q.prepareHouseholds();
      const outcomes: RuleOutcome[] = [];
      const found: Routed[] = [];
      const resolve = await placeResolver(trx);
      for (const s of settings) {
        const impl = RULES[s.id];
        const checkItem = screeningRule(s.id).checkItem;
        const lacking = impl.requires.filter((src) => !q.has(src));
        const skipped = !s.enabled
          ? '已停用'
          : lacking.length
            ? `缺少数据：${lacking.map((l) => SOURCE_LABELS[l]).join('、')}`
            : null;
        if (skipped) {
          outcomes.push({ id: s.id, checkItem, findings: 0, skipped });
          continue;
        }
        const rows = await (impl.run as (q: ScreeningSql, p: unknown) => Promise<Routed[]>)(q, s.params);
        for (const f of rows) {
          const township = placeName(f.township);
          found.push({ ...f, township, unitId: township ? resolve(township) : null });
        }
        outcomes.push({ id: s.id, checkItem, findings: rows.length, skipped: null });
      }
      await q.dropTemp();
      const ran = outcomes.filter((o) => o.skipped === null).map((o) => o.id);
      const counts = await syncFindings(
        trx,
        {
          id: runId,
          campaignId: run.campaign_id,
          at,
          actorId: actor?.userId ?? null,
          today: ctx.clock.today(),
          dialect: ctx.dialect,
        },
        found,
        ran,
      );
      const summary: ScreeningSummary = {
        runId,
        campaignId: run.campaign_id,
        imports,
        rules: outcomes,
        findings: found.length,
        unrouted: found.filter((f) => f.unitId === null).length,
        ...counts,
        durationMs: Math.round(performance.now() - started),
      };
      await trx
        .updateTable('screening_runs')
        .set({
          status: 'done',
          finished_at: ctx.clock.now().toISOString(),
          rules: JSON.stringify(settings),
          summary: JSON.stringify(summary),
        })
        .where('id', '=', runId)
        .execute();
      await appendAudit(trx, ctx.dialect, {
        actorId: actor?.userId ?? null,
        action: 'household.screening',
        entity: 'screening_run',
        entityId: runId,
        detail: {
          campaignId: run.campaign_id,
          findings: found.length,
          new: counts.new,
          resolved: counts.resolved,
          problemsCreated: counts.problemsCreated,
        },
        at,
      });
      return { summary, findings: found };
    });
    return result;
  } catch (err) {
    await ctx.db
      .updateTable('screening_runs')
      .set({
        status: 'failed',
        finished_at: ctx.clock.now().toISOString(),
        message: err instanceof AppError ? err.message : '比对失败（服务器内部错误）',
      })
      .where('id', '=', runId)
      .execute();
    throw err;
  } finally {
    stopHeartbeat();
    await restoreCache?.();
  }
}

/**
 * For this transaction only. The run is two dozen scans, joins and aggregates over a million rows:
 * JIT compiling each (~0.25 s apiece) costs more than it saves, and the default 4 MB of sort and
 * hash memory sends every GROUP BY of a million IDs to temporary files.
 */
async function tunePostgres(trx: Executor): Promise<void> {
  await sql`set local jit = off`.execute(trx);
  await sql`set local work_mem = '64MB'`.execute(trx);
}

/**
 * SQLite reads the rows tables and the run's temporary tables through the connection's page
 * cache, 2 MB by default: at a million people nearly every index lookup of the joins would go to
 * the operating system (~4 µs instead of ~1 µs). The run gets 128 MB; the setting is put back.
 */
async function widenSqliteCache(ctx: AppContext): Promise<() => Promise<void>> {
  const size = async (schema: string) =>
    Number(
      (await sql.raw<{ cache_size: number }>(`pragma ${schema}.cache_size`).execute(ctx.db)).rows[0]
        ?.cache_size,
    );
  const before = { main: await size('main'), temp: await size('temp') };
  for (const schema of ['main', 'temp'])
    await sql.raw(`pragma ${schema}.cache_size = -131072`).execute(ctx.db);
  return async () => {
    for (const [schema, n] of Object.entries(before))
      if (Number.isFinite(n)) await sql.raw(`pragma ${schema}.cache_size = ${n}`).execute(ctx.db);
  };
}
