// Screening over HTTP: the rules (the office edits their parameters) and runs (started in the
// background, polled by the UI).
import { AppError } from '@paicha/core';
import { IdParams } from '@paicha/core/api/common';
import {
  RuleParams,
  RuleUpdateBody,
  RuleView,
  RunView,
  ScreeningsQuery,
  StartScreeningBody,
} from '@paicha/core/api/screening';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Selectable } from 'kysely';
import { z } from 'zod';
import type { ScreeningRunsTable } from '../../../db/schema-households.js';
import { requireActor, scopeOf } from '../../../http/access.js';
import type { Actor, AppContext } from '../../../kernel/context.js';
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

export function householdScreeningRoutes(ctx: AppContext) {
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
  };
}
