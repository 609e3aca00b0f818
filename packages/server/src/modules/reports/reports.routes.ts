import { CampaignParams } from '@paicha/core/api/campaigns';
import {
  LedgerTextsView,
  ReasonBody,
  ReportGrid,
  ReportParams,
  ReportView,
  SaveReportBody,
  SubmitReportBody,
  VersionBody,
} from '@paicha/core/api/reports';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requireActor } from '../../http/access.js';
import type { AppContext } from '../../kernel/context.js';
import { loadReport, type ReportKey } from './report-load.js';
import { decideReport, saveReport, submitReport } from './reports.service.js';
import { presentLedgerTexts, presentReport } from './reports.view.js';
import { reportGrid } from './timeliness.js';

export function reportRoutes(ctx: AppContext) {
  return async (fastify: FastifyInstance) => {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    const tags = ['monthly-reports'];
    const base = '/api/campaigns/:id/monthly-reports/:period/units/:unitId';
    const keyOf = (p: { id: number; period: string; unitId: number }): ReportKey => ({
      campaignId: p.id,
      period: p.period,
      unitId: p.unitId,
    });
    const present = async (actorKey: ReturnType<typeof requireActor>, key: ReportKey) =>
      presentReport(ctx, actorKey, key, await loadReport(ctx, actorKey, key));

    app.get(
      '/api/campaigns/:id/monthly-reports',
      {
        schema: {
          tags,
          summary: '月报报送及时率/完整率：单位 × 月份（单位用户只看本单位）',
          params: CampaignParams,
          response: { 200: ReportGrid },
        },
      },
      async (request) => reportGrid(ctx, requireActor(request), request.params.id),
    );

    app.get(
      base,
      {
        schema: {
          tags,
          summary: '某单位某月的月报（未填报时按上月内容预填）；他单位的月报返回404',
          params: ReportParams,
          response: { 200: ReportView },
        },
      },
      async (request) => present(requireActor(request), keyOf(request.params)),
    );

    app.put(
      base,
      {
        schema: {
          tags,
          summary: '保存月报草稿（本单位填报人/负责人）；version 为读取时的版本，过期返回409',
          params: ReportParams,
          body: SaveReportBody,
          response: { 200: ReportView },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        const key = keyOf(request.params);
        await saveReport(ctx, actor, key, request.body);
        return present(actor, key);
      },
    );

    app.post(
      `${base}/submit`,
      {
        schema: {
          tags,
          summary:
            '单位负责人审核并报送（逾期报送记为迟报）；校验规则有提示时须填写说明（explanation）；报送时的内容和台账数字留存为快照',
          params: ReportParams,
          body: SubmitReportBody,
          response: { 200: ReportView },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        const key = keyOf(request.params);
        await submitReport(ctx, actor, key, request.body);
        return present(actor, key);
      },
    );

    app.get(
      `${base}/ledger-texts`,
      {
        schema: {
          tags,
          summary:
            '按台账生成：本单位各事项按问题台账写出的排查情况、整改措施、整改进度（只含台账有问题的事项）',
          params: ReportParams,
          response: { 200: LedgerTextsView },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        const key = keyOf(request.params);
        return presentLedgerTexts(ctx, key, await loadReport(ctx, actor, key));
      },
    );

    app.post(
      `${base}/accept`,
      {
        schema: {
          tags,
          summary: '领导小组办公室审核通过（锁定）',
          params: ReportParams,
          body: VersionBody,
          response: { 200: ReportView },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        const key = keyOf(request.params);
        await decideReport(ctx, actor, key, 'accept', request.body);
        return present(actor, key);
      },
    );

    for (const action of ['return', 'unlock'] as const) {
      app.post(
        `${base}/${action}`,
        {
          schema: {
            tags,
            summary:
              action === 'return' ? '退回月报（须填写原因）' : '解锁已通过的月报（须填写原因），退回单位修改',
            params: ReportParams,
            body: ReasonBody,
            response: { 200: ReportView },
          },
        },
        async (request) => {
          const actor = requireActor(request);
          const key = keyOf(request.params);
          await decideReport(ctx, actor, key, action, request.body);
          return present(actor, key);
        },
      );
    }
  };
}
