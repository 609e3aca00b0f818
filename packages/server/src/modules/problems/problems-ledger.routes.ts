// The ledger as lists and numbers: counts per unit / item and the three lists as Excel.

import { CountsQuery, CountsRow, ExportQuery, ImportQuery, ImportReport } from '@paicha/core/api/problems';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../http/access.js';
import { contentDisposition } from '../../http/content-disposition.js';
import { sendExport } from '../../http/export-stream.js';
import { uploadedFile } from '../../http/upload.js';
import type { AppContext } from '../../kernel/context.js';
import { XLSX_MIME } from '../../lib/xlsx-list.js';
import { resolveCampaignId } from '../campaigns/current-campaign.js';
import { ledgerCounts } from './problems.counts.js';
import { prepareLedgerExport } from './problems.export.js';
import { importProblems, importTemplate } from './problems.import.js';

export function ledgerRoutes(ctx: AppContext) {
  return async (fastify: FastifyInstance) => {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    const tags = ['problems'];

    app.get(
      '/api/problems/counts',
      {
        schema: {
          tags,
          summary: '按单位、排查事项或问题来源统计：发现 / 整改中 / 待销号 / 已销号 / 逾期',
          querystring: CountsQuery,
          response: { 200: z.array(CountsRow) },
        },
      },
      async (request) => ledgerCounts(ctx, requireActor(request), request.query),
    );

    app.get(
      '/api/problems/export',
      {
        schema: {
          tags,
          summary:
            '导出问题清单 / 责任清单 / 整改清单（.xlsx，边生成边下载），筛选条件同问题台账；每人同时最多 2 个导出（429 too_many_exports）',
          querystring: ExportQuery,
        },
      },
      async (request, reply) => {
        const { list, ...q } = request.query;
        const actor = requireActor(request);
        return sendExport(ctx, actor, reply, () => prepareLedgerExport(ctx, actor, list, q));
      },
    );

    app.get(
      '/api/problems/import-template',
      { schema: { tags, summary: '下载问题台账导入模板（.xlsx）' } },
      async (request, reply) => {
        requireActor(request);
        return reply
          .header('content-type', XLSX_MIME)
          .header('content-disposition', contentDisposition('问题台账导入模板.xlsx'))
          .send(await importTemplate());
      },
    );

    app.post(
      '/api/problems/import',
      {
        schema: {
          tags,
          summary:
            '导入问题台账（multipart 字段 file）。mode=check 只检查；all 全部合格才导入；valid 仅导入合格行',
          consumes: ['multipart/form-data'],
          querystring: ImportQuery,
          response: { 200: ImportReport },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        const { buffer } = await uploadedFile(request);
        const campaignId = await resolveCampaignId(ctx, actor, request.query.campaignId);
        return importProblems(ctx, actor, { campaignId, buffer, mode: request.query.mode });
      },
    );
  };
}
