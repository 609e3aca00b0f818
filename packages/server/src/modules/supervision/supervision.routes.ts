// Dashboard, scorecard (JSON and .xlsx) and the scoring rules. District-wide roles (the office,
// leaders, inspectors) read; only the office changes the rules.
import {
  CampaignQuery,
  DashboardView,
  RulesBody,
  ScorecardQuery,
  ScorecardView,
} from '@paicha/core/api/supervision';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requireActor, requireAdmin } from '../../http/access.js';
import { contentDisposition } from '../../http/content-disposition.js';
import type { AppContext } from '../../kernel/context.js';
import { XLSX_MIME } from '../../lib/xlsx-list.js';
import { latestRunByStreet } from '../households/screening/trend.repository.js';
import { buildDashboard } from './dashboard.service.js';
import { buildScorecard } from './scorecard.service.js';
import { scorecardXlsx } from './scorecard.xlsx.js';
import { readRules, saveRules } from './supervision.settings.js';

export function supervisionRoutes(ctx: AppContext) {
  return async (fastify: FastifyInstance) => {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    const tags = ['supervision'];

    app.get(
      '/api/supervision/dashboard',
      {
        schema: {
          tags,
          summary: '督查看板：按类别/单位的发现、销号、逾期，周趋势（燃尽），月报及时性',
          querystring: CampaignQuery,
          response: { 200: DashboardView },
        },
      },
      async (request) => buildDashboard(ctx, requireActor(request), request.query.campaignId),
    );

    app.get(
      '/api/supervision/scorecard',
      {
        schema: {
          tags,
          summary: '单位评分：期间内报送及时率、逾期问题、销号率、退回次数、综合得分与排名',
          querystring: ScorecardQuery,
          response: { 200: ScorecardView },
        },
      },
      async (request) => buildScorecard(ctx, requireActor(request), request.query),
    );

    app.get(
      '/api/supervision/scorecard/export',
      {
        schema: { tags, summary: '下载单位评分排名表（.xlsx）', querystring: ScorecardQuery },
      },
      async (request, reply) => {
        const sc = await buildScorecard(ctx, requireActor(request), request.query);
        return reply
          .header('content-type', XLSX_MIME)
          .header(
            'content-disposition',
            contentDisposition(`单位评分排名表_${sc.period.from}至${sc.period.to}.xlsx`),
          )
          .header('cache-control', 'private, no-store')
          .send(await scorecardXlsx(sc, await latestRunByStreet(ctx.db, sc.campaign.id)));
      },
    );

    app.get(
      '/api/settings/supervision',
      {
        schema: { tags, summary: '评分权重与通报批评标准', response: { 200: RulesBody } },
      },
      async () => readRules(ctx.db),
    );

    app.put(
      '/api/settings/supervision',
      {
        schema: {
          tags,
          summary: '修改评分权重与通报批评标准',
          body: RulesBody,
          response: { 200: RulesBody },
        },
      },
      async (request) => saveRules(ctx, requireAdmin(request), request.body),
    );
  };
}
