import { IdParams } from '@paicha/core/api/common';
import {
  RuleParams,
  RuleUpdateBody,
  RuleView,
  RunView,
  ScreeningsQuery,
  StartScreeningBody,
  TrendQuery,
  TrendView,
} from '@paicha/core/api/screening';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../../http/access.js';
import type { AppContext } from '../../../kernel/context.js';
import { listRules, updateRule } from './rules.service.js';
import { getRun, listRuns, startScreeningJob } from './runs.service.js';
import { screeningTrend } from './trend.service.js';

export function householdScreeningRoutes(ctx: AppContext) {
  return async (fastify: FastifyInstance) => {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    const tags = ['households'];

    app.get(
      '/api/households/rules',
      { schema: { tags, summary: '比对规则及参数', response: { 200: z.array(RuleView) } } },
      async (request) => {
        requireActor(request);
        return listRules(ctx);
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
        const run = await startScreeningJob(ctx, requireActor(request), request.body.campaignId, (err) =>
          request.log.error({ err }, 'screening failed'),
        );
        return reply.status(202).send(run);
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
      async (request) => listRuns(ctx, requireActor(request), request.query.campaignId),
    );

    app.get(
      '/api/households/screenings/:id',
      { schema: { tags, summary: '比对进度与汇总', params: IdParams, response: { 200: RunView } } },
      async (request) => getRun(ctx, requireActor(request), request.params.id),
    );

    app.get(
      '/api/households/trend',
      {
        schema: {
          tags,
          summary: '数据质量趋势：每次比对各街道各规则的问题线索数与户数（街道只看到本街道）',
          querystring: TrendQuery,
          response: { 200: TrendView },
        },
      },
      async (request) => screeningTrend(ctx, requireActor(request), request.query.campaignId),
    );
  };
}
