import { FormatQuery } from '@paicha/core/api/exports';
import { PeriodParams, ReportParams } from '@paicha/core/api/reports';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { assertMay, requireActor } from '../../http/access.js';
import { contentDisposition } from '../../http/content-disposition.js';
import type { AppContext } from '../../kernel/context.js';
import { type ExportedFile, exportMonthly } from './exports.service.js';

function send(reply: FastifyReply, file: ExportedFile) {
  return reply
    .header('content-type', file.mime)
    .header('content-disposition', contentDisposition(file.fileName))
    .header('cache-control', 'private, no-store')
    .send(file.body);
}

export function exportRoutes(ctx: AppContext) {
  return async (fastify: FastifyInstance) => {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    const tags = ['monthly-reports'];

    app.get(
      '/api/campaigns/:id/monthly-reports/:period/units/:unitId/export',
      {
        schema: {
          tags,
          summary: '下载某单位的任务分解月报表（format=xlsx|docx）',
          params: ReportParams,
          querystring: FormatQuery,
        },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        const { id, period, unitId } = request.params;
        return send(
          reply,
          await exportMonthly(ctx, actor, { campaignId: id, period, unitId, format: request.query.format }),
        );
      },
    );

    app.get(
      '/api/campaigns/:id/monthly-reports/:period/export',
      {
        schema: {
          tags,
          summary: '下载全区汇总的任务分解月报表（每项按责任单位分行；format=xlsx|docx）',
          params: PeriodParams,
          querystring: FormatQuery,
        },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        assertMay(actor, 'view.district');
        const { id, period } = request.params;
        return send(
          reply,
          await exportMonthly(ctx, actor, { campaignId: id, period, format: request.query.format }),
        );
      },
    );
  };
}
