// Screening over HTTP: rules (office edits), the place-name queue, runs, findings and households.
// Findings and households are scoped to the caller's street; ID numbers and names are masked
// unless the admin asks for them (logged).
import { AppError } from '@paicha/core';
import { IdParams } from '@paicha/core/api/common';
import {
  FindingList,
  FindingsQuery,
  FindingView,
  HouseholdParams,
  HouseholdView,
  PlaceRouted,
  PlacesQuery,
  PlaceView,
  ResolvePlaceBody,
  RuleParams,
  RuleUpdateBody,
  RuleView,
  RunView,
  ScreeningsQuery,
  StartScreeningBody,
  UnmaskQuery,
} from '@paicha/core/api/screening';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Selectable } from 'kysely';
import { z } from 'zod';
import type { ScreeningRunsTable } from '../../db/schema-households.js';
import { requireActor, scopeOf } from '../../http/access.js';
import { sendExport } from '../../http/export-stream.js';
import type { Actor, AppContext } from '../../kernel/context.js';
import { prepareFindingsExport } from './findings.export.js';
import { getFinding, getHousehold, listFindings } from './findings.query.js';
import { routeFindings } from './findings-sync.js';
import { listPlaces, resolvePlace } from './places.js';
import { presentRule, ruleSettings, updateRule } from './rules.service.js';
import { executeScreening, startScreening } from './screening.service.js';

/** A unit sees when runs happened, not the district's totals (other streets' counts). */
function presentRun(r: Selectable<ScreeningRunsTable>, actor: Actor) {
  return {
    id: r.id,
    campaignId: r.campaign_id,
    status: r.status,
    startedAt: r.started_at,
    finishedAt: r.finished_at,
    summary: scopeOf(actor).all ? JSON.parse(r.summary) : {},
    message: r.message,
  };
}

export function householdFindingRoutes(ctx: AppContext) {
  return async (fastify: FastifyInstance) => {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    const tags = ['households'];

    app.get(
      '/api/households/rules',
      { schema: { tags, summary: '比对规则及参数', response: { 200: z.array(RuleView) } } },
      async (request) => {
        requireActor(request);
        return (await ruleSettings(ctx.db, ctx.clock.now().toISOString())).map(presentRule);
      },
    );

    app.patch(
      '/api/households/rules/:id',
      {
        schema: {
          tags,
          summary: '启用/停用规则、修改参数（按规则的参数格式校验）',
          params: RuleParams,
          body: RuleUpdateBody,
          response: { 200: RuleView },
        },
      },
      async (request) => updateRule(ctx, requireActor(request), request.params.id, request.body),
    );

    app.get(
      '/api/households/places',
      {
        schema: {
          tags,
          summary: '乡镇（街道）地名对应：待处理队列与已对应',
          querystring: PlacesQuery,
          response: { 200: z.array(PlaceView) },
        },
      },
      async (request) =>
        (await listPlaces(ctx.db, request.query.status)).map((p) => ({
          id: p.id,
          name: p.name,
          households: p.households,
          unit: p.unitId === null || p.unitName === null ? null : { id: p.unitId, name: p.unitName },
          firstSeenAt: p.firstSeenAt,
          lastSeenAt: p.lastSeenAt,
          resolvedAt: p.resolvedAt,
        })),
    );

    app.post(
      '/api/households/places/:id',
      {
        schema: {
          tags,
          summary: '把地名对应到街道；该地名的问题线索随即进入该街道台账',
          params: IdParams,
          body: ResolvePlaceBody,
          response: { 200: PlaceRouted },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        return resolvePlace(
          ctx,
          actor,
          { id: request.params.id, unitId: request.body.unitId },
          (trx, place, unitId, at) => routeFindings(trx, place, unitId, at, actor.userId, ctx.clock.today()),
        );
      },
    );

    app.post(
      '/api/households/screenings',
      {
        schema: {
          tags,
          summary: '开始比对（后台进行，轮询 GET /api/households/screenings/:id）',
          body: StartScreeningBody,
          response: { 202: RunView },
        },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        const id = await startScreening(ctx, actor, request.body.campaignId);
        void executeScreening(ctx, actor, id).catch((err) => request.log.error({ err }, 'screening failed'));
        const run = await ctx.db
          .selectFrom('screening_runs')
          .selectAll()
          .where('id', '=', id)
          .executeTakeFirstOrThrow();
        return reply.status(202).send(presentRun(run, actor));
      },
    );

    app.get(
      '/api/households/screenings',
      {
        schema: {
          tags,
          summary: '比对记录（最近 50 次；单位用户只看到时间与状态，不含全区汇总）',
          querystring: ScreeningsQuery,
          response: { 200: z.array(RunView) },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        let q = ctx.db.selectFrom('screening_runs').selectAll().orderBy('id', 'desc').limit(50);
        if (request.query.campaignId !== undefined) q = q.where('campaign_id', '=', request.query.campaignId);
        return (await q.execute()).map((r) => presentRun(r, actor));
      },
    );

    app.get(
      '/api/households/screenings/:id',
      { schema: { tags, summary: '比对进度与汇总', params: IdParams, response: { 200: RunView } } },
      async (request) => {
        const actor = requireActor(request);
        const run = await ctx.db
          .selectFrom('screening_runs')
          .selectAll()
          .where('id', '=', request.params.id)
          .executeTakeFirst();
        if (!run) throw new AppError('not_found', '比对记录不存在');
        return presentRun(run, actor);
      },
    );

    app.get(
      '/api/households/findings',
      {
        schema: {
          tags,
          summary: '问题线索（单位用户只看到本街道的）；unmasked=1 仅管理员，记入审计日志',
          querystring: FindingsQuery,
          response: { 200: FindingList },
        },
      },
      async (request) => listFindings(ctx, requireActor(request), request.query),
    );

    app.get(
      '/api/households/findings/export',
      {
        schema: {
          tags,
          summary: '导出问题线索（.xlsx，脱敏规则同列表，边生成边下载；每人同时最多 2 个导出）',
          querystring: FindingsQuery,
        },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        return sendExport(ctx, actor, reply, () => prepareFindingsExport(ctx, actor, request.query));
      },
    );

    app.get(
      '/api/households/findings/:id',
      {
        schema: {
          tags,
          summary: '问题线索详情',
          params: IdParams,
          querystring: UnmaskQuery,
          response: { 200: FindingView },
        },
      },
      async (request) => getFinding(ctx, requireActor(request), request.params.id, request.query.unmasked),
    );

    app.get(
      '/api/households/households/:householdId',
      {
        schema: {
          tags,
          summary: '户的成员（最新国扶系统数据）与问题线索；其他街道的户返回404',
          params: HouseholdParams,
          querystring: UnmaskQuery,
          response: { 200: HouseholdView },
        },
      },
      async (request) =>
        getHousehold(ctx, requireActor(request), request.params.householdId, request.query.unmasked),
    );
  };
}
