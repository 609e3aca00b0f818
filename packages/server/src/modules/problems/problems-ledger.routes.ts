// The ledger as lists and numbers: counts per unit / item and the three lists as Excel.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../http/access.js';
import type { AppContext } from '../../http/context.js';
import { XLSX_MIME } from '../../lib/xlsx-list.js';
import { contentDisposition } from '../files/files.routes.js';
import { ledgerCounts } from './problems.counts.js';
import { exportLedger, LEDGER_LISTS } from './problems.export.js';
import { ListQuery } from './problems.schema.js';

const CountsRow = z.object({
  key: z.number(),
  label: z.string(),
  found: z.number(),
  rectifying: z.number(),
  awaitingReview: z.number(),
  rectified: z.number(),
  closed: z.number(),
  overdue: z.number(),
});

export function ledgerRoutes(ctx: AppContext) {
  return async (fastify: FastifyInstance) => {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    const tags = ['problems'];

    app.get(
      '/api/problems/counts',
      {
        schema: {
          tags,
          summary: '按单位或按排查事项统计：发现 / 整改中 / 待销号 / 已销号 / 逾期',
          querystring: z.object({
            campaignId: z.coerce.number().int().positive().optional(),
            groupBy: z.enum(['unit', 'item']).default('unit'),
          }),
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
          summary: '导出问题清单 / 责任清单 / 整改清单（.xlsx），筛选条件同问题台账',
          querystring: ListQuery.extend({ list: z.enum(LEDGER_LISTS).default('all') }),
        },
      },
      async (request, reply) => {
        const { list, ...q } = request.query;
        const file = await exportLedger(ctx, requireActor(request), list, q);
        return reply
          .header('content-type', XLSX_MIME)
          .header('content-disposition', contentDisposition(file.fileName))
          .send(file.buffer);
      },
    );
  };
}
