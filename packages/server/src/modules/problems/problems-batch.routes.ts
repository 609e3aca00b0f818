// Batches over the ledger (problems.batch.ts): all or nothing, 409 `batch_refused` with each
// refused problem's reason in `details.refused`.
import {
  BatchAssignBody,
  BatchCloseBody,
  BatchProgressBody,
  BatchResult,
  BatchReturnBody,
} from '@paicha/core/api/problems';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requireActor } from '../../http/access.js';
import type { AppContext } from '../../kernel/context.js';
import { assignMany, closeMany, progressMany, returnMany } from './problems.batch.js';

export function batchRoutes(ctx: AppContext) {
  return async (fastify: FastifyInstance) => {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    const tags = ['problems'];
    const response = { 200: BatchResult };
    const refusedNote =
      '；任一问题不能办理则全部不办理（409 batch_refused，details.refused 列出各问题及原因）';

    app.post(
      '/api/problems/batch/close',
      { schema: { tags, summary: `批量销号（最多500个）${refusedNote}`, body: BatchCloseBody, response } },
      async (request) => closeMany(ctx, requireActor(request), request.body),
    );
    app.post(
      '/api/problems/batch/return',
      {
        schema: { tags, summary: `批量退回（同一理由）${refusedNote}`, body: BatchReturnBody, response },
      },
      async (request) => returnMany(ctx, requireActor(request), request.body),
    );
    app.post(
      '/api/problems/batch/assign',
      { schema: { tags, summary: `批量交办给同一单位${refusedNote}`, body: BatchAssignBody, response } },
      async (request) => assignMany(ctx, requireActor(request), request.body),
    );
    app.post(
      '/api/problems/batch/progress',
      {
        schema: {
          tags,
          summary: `本单位多个问题记录同一条整改进展（可附佐证材料）${refusedNote}`,
          body: BatchProgressBody,
          response,
        },
      },
      async (request) => progressMany(ctx, requireActor(request), request.body),
    );
  };
}
