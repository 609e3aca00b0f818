// A screening run: every enabled rule over the current import of each source, in one
// transaction (findings and ledger change together or not at all), recorded in screening_runs.
// Used by `paicha screen` (awaited) and the HTTP API (a background job the UI polls).
import { AppError, type HouseholdSource, SOURCE_LABELS } from '@paicha/core';
import type { RuleOutcome, ScreeningSummary } from '@paicha/core/api/screening';
import type { Transaction } from 'kysely';
import { type DialectName, sqliteWriteGate } from '../../../db/database.js';
import type { DB } from '../../../db/schema.js';
import type { SqliteWorkerDatabase } from '../../../db/sqlite-worker.js';
import type { Actor, AppContext } from '../../../kernel/context.js';
import { appendAudit } from '../../audit/audit.repository.js';
import { resolveCampaignId } from '../../campaigns/current-campaign.js';
import { ruleItems } from '../../campaigns/rule-items.repository.js';
import { withNotices } from '../../notifications/notices.js';
import { syncFindings } from '../findings/findings-sync.js';
import { currentImports } from '../import/imports.repository.js';
import { placeName, placeResolver } from '../places/places.js';
import * as staging from './found-staging.repository.js';
import { ensureRules, type RuleSetting, ruleSettings } from './rules.service.js';
import { openRunConnection, openSecondLane, type SecondLane } from './run-connections.js';
import * as repo from './runs.repository.js';
import { bothLanes, type LaneRule, seqShifts, splitLanes, startLane } from './screening-lanes.js';
import { keepAlive, retireDeadRuns, THIS_OWNER } from './screening-owner.js';
import { RULES } from './screening-rules.repository.js';
import { recordTallies } from './trend.repository.js';

export async function startScreening(
  ctx: AppContext,
  actor: Actor | null,
  campaignId?: number,
): Promise<number> {
  const id = await resolveCampaignId(ctx, actor, campaignId);
  const imports = await currentImports(ctx.db);
  if (imports.national === undefined)
    throw new AppError('unprocessable', `尚未导入${SOURCE_LABELS.national}数据，无法比对`);
  await retireDeadRuns(ctx);
  if ((await repo.runningRunId(ctx.db)) !== null) throw new AppError('conflict', '已有比对正在进行，请稍后');
  return repo.insertRun(ctx.db, {
    campaign_id: id,
    status: 'running',
    started_at: ctx.clock.now().toISOString(),
    heartbeat_at: ctx.clock.now().toISOString(),
    owner: THIS_OWNER,
    started_by: actor?.userId ?? null,
    imports: JSON.stringify(imports),
  });
}

export async function runScreening(
  ctx: AppContext,
  actor: Actor | null,
  campaignId?: number,
): Promise<{ summary: ScreeningSummary }> {
  return executeScreening(ctx, actor, await startScreening(ctx, actor, campaignId));
}

export async function executeScreening(
  ctx: AppContext,
  actor: Actor | null,
  runId: number,
): Promise<{ summary: ScreeningSummary }> {
  const started = performance.now();
  const run = await repo.findRun(ctx.db, runId);
  if (!run) throw new AppError('not_found', '比对记录不存在');
  const job: Job = {
    runId,
    campaignId: run.campaign_id,
    imports: JSON.parse(run.imports) as Partial<Record<HouseholdSource, number>>,
    at: run.started_at,
    actorId: actor?.userId ?? null,
    today: ctx.clock.today(),
    finishedAt: () => ctx.clock.now().toISOString(),
    started,
  };
  const stopHeartbeat = keepAlive(ctx, runId);
  let own: SqliteWorkerDatabase | null = null;
  try {
    const second = () => openSecondLane(ctx);
    if (ctx.dialect === 'sqlite') {
      await ensureRules(ctx.db, job.at);
      own = await openRunConnection(ctx);
      // The rules read a snapshot without the write lock (the server's connection goes on
      // writing meanwhile); only the recording, a fraction of the run, holds it.
      const db = own.db;
      const ruled = await db
        .transaction()
        .setAccessMode('read only')
        .execute((trx) => applyRules(trx, job, 'sqlite', second));
      // While it writes, the server's own writes wait for it without stopping the event loop.
      // withNotices: the streets' 交办 notices are mailed once the run's recording commits.
      const write = () => withNotices(ctx, (trx) => record(trx, job, 'sqlite', ruled), db);
      const gate = sqliteWriteGate(ctx.db);
      return await (gate ? gate.hold(write) : write());
    }
    return await withNotices(ctx, async (trx) => {
      await repo.tunePostgres(trx);
      return record(trx, job, ctx.dialect, await applyRules(trx, job, ctx.dialect, second));
    });
  } catch (err) {
    await repo.updateRun(ctx.db, runId, {
      status: 'failed',
      finished_at: ctx.clock.now().toISOString(),
      message: err instanceof AppError ? err.message : '比对失败（服务器内部错误）',
    });
    throw err;
  } finally {
    stopHeartbeat();
    await own?.destroy();
  }
}

interface Job {
  runId: number;
  campaignId: number;
  imports: Partial<Record<HouseholdSource, number>>;
  at: string;
  actorId: number | null;
  today: string;
  finishedAt: () => string;
  started: number;
}

interface Ruled {
  settings: RuleSetting[];
  outcomes: RuleOutcome[];
  /** The roll's households per 乡镇（街道） name, for the run's data-quality tallies. */
  households: { township: string | null; households: number }[];
  /** Milliseconds: up to the roll per household on the run's connection, then every rule (both lanes). */
  prepareMs: number;
  rulesMs: number;
}

/**
 * Every enabled rule over the run's imports, in two lanes at once (screening-lanes.ts): the rules
 * on the run's connection and on a second one (`openSecond`). Reads the main database, writes
 * only temporary tables: each rule's findings go to its lane's staging table as the rule hands
 * them over, and the second lane's are copied into the run's once both are done.
 */
async function applyRules(
  trx: Transaction<DB>,
  job: Job,
  dialect: DialectName,
  openSecond: () => Promise<SecondLane>,
): Promise<Ruled> {
  const t0 = performance.now();
  const settings = await ruleSettings(trx, job.at);
  // The campaign's item of each rule (by id, so its 序号 today); a rule without one still runs —
  // its findings are recorded, reported as unmapped, and wait out of the ledger for an item.
  const items = new Map((await ruleItems(trx, job.campaignId)).map((m) => [m.ruleId, m.seq]));
  const outcomes = settings.map((s): RuleOutcome => {
    const mapped = items.get(s.id);
    const lacking = RULES[s.id].requires.filter((src) => job.imports[src] === undefined);
    const skipped = !s.enabled
      ? '已停用'
      : lacking.length
        ? `缺少数据：${lacking.map((l) => SOURCE_LABELS[l]).join('、')}`
        : null;
    return { id: s.id, checkItem: mapped ?? 0, unmapped: mapped === undefined, findings: 0, skipped };
  });
  const toRun = outcomes.flatMap((o, i): LaneRule[] =>
    o.skipped === null ? [{ id: o.id, params: settings[i]?.params, checkItem: o.checkItem }] : [],
  );
  const [mine, theirs] = splitLanes(toRun, dialect);
  // Opened while the run's own lane starts (a worker thread's start is not free).
  const other = theirs.length > 0 ? openSecond() : null;
  try {
    const stop = { failed: false };
    const [own, second] = await bothLanes(
      stop,
      startLane(trx, job.imports, dialect, mine, stop),
      other ? other.then((o) => startLane(o.trx, job.imports, dialect, theirs, stop)) : Promise.resolve(null),
    );
    const staged = new Map([...own.staged, ...(second?.staged ?? [])]);
    const shifts = seqShifts(
      toRun.map((r) => r.id),
      staged,
    );
    await staging.renumber(trx, shifts);
    if (other) await staging.copyStaged((await other).trx, trx, shifts);
    for (const o of outcomes) {
      const s = staged.get(o.id);
      if (s) Object.assign(o, { findings: s.findings, ms: s.ms });
    }
    const households = await own.q.householdsByTownship();
    await own.q.dropTemp();
    const prepareMs = Math.round(own.prepared - t0);
    return {
      settings,
      outcomes,
      households,
      prepareMs,
      rulesMs: Math.round(performance.now() - t0) - prepareMs,
    };
  } finally {
    // Not opened: its error is the run's, thrown by the lanes.
    await other?.then(
      (o) => o.end(),
      () => undefined,
    );
  }
}

/** Routes the findings to streets, files them and their ledger problems, closes the run. */
async function record(
  trx: Transaction<DB>,
  job: Job,
  dialect: DialectName,
  { settings, outcomes, households, prepareMs, rulesMs }: Ruled,
): Promise<{ summary: ScreeningSummary }> {
  const { runId, campaignId, at, actorId } = job;
  const recordStart = performance.now();
  // Resolved here, in the transaction that files them: a place mapped while the rules ran counts.
  const resolve = await placeResolver(trx);
  const streets = new Map<string, number>();
  for (const township of await staging.stagedPlaces(trx)) {
    const unit = township ? resolve(township) : null;
    if (unit !== null) streets.set(township, unit);
  }
  await staging.publish(trx, runId, streets, dialect);
  await staging.dropStaging(trx);
  const ran = outcomes.filter((o) => o.skipped === null).map((o) => o.id);
  const { findings, unrouted, ...counts } = await syncFindings(
    trx,
    { id: runId, campaignId, at, actorId, today: job.today, dialect },
    ran,
  );
  await recordTallies(trx, { id: runId, campaignId }, householdsPerStreet(households, resolve), ran);
  const summary: ScreeningSummary = {
    runId,
    campaignId,
    imports: job.imports,
    rules: outcomes,
    findings,
    unrouted,
    unfiled: outcomes.filter((o) => o.unmapped).reduce((n, o) => n + o.findings, 0),
    ...counts,
    durationMs: Math.round(performance.now() - job.started),
    stepsMs: { prepare: prepareMs, rules: rulesMs, record: Math.round(performance.now() - recordStart) },
  };
  await repo.updateRun(trx, runId, {
    status: 'done',
    finished_at: job.finishedAt(),
    rules: JSON.stringify(settings),
    summary: JSON.stringify(summary),
  });
  await appendAudit(trx, dialect, {
    actorId,
    action: 'household.screening',
    entity: 'screening_run',
    entityId: runId,
    detail: {
      campaignId,
      findings,
      new: counts.new,
      resolved: counts.resolved,
      problemsCreated: counts.problemsCreated,
    },
    at,
  });
  return { summary };
}

/** The roll's households per street the run routes them to (unmapped names count nowhere yet). */
function householdsPerStreet(
  perPlace: Ruled['households'],
  resolve: (name: string) => number | null,
): Map<number, number> {
  const perStreet = new Map<number, number>();
  for (const p of perPlace) {
    const unit = resolve(placeName(p.township));
    if (unit !== null) perStreet.set(unit, (perStreet.get(unit) ?? 0) + Number(p.households));
  }
  return perStreet;
}
