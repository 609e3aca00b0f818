import { LedgerSettings } from '@paicha/core/api/settings';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requireActor, requireAdmin } from '../../http/access.js';
import type { AppContext } from '../../kernel/context.js';
import { readLedgerSettings, saveLedgerSettings } from './ledger-settings.js';

export function settingsRoutes(ctx: AppContext) {
  return async (fastify: FastifyInstance) => {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    const tags = ['settings'];

    app.get(
      '/api/settings/ledger',
      { schema: { tags, summary: '问题台账设置（立行立改期限天数）', response: { 200: LedgerSettings } } },
      async (request) => {
        requireActor(request);
        return readLedgerSettings(ctx.db);
      },
    );

    app.put(
      '/api/settings/ledger',
      {
        schema: {
          tags,
          summary: '修改问题台账设置：立行立改期限（天），用于此后登记的未填整改时限的立行立改问题',
          body: LedgerSettings,
          response: { 200: LedgerSettings },
        },
      },
      async (request) => saveLedgerSettings(ctx, requireAdmin(request), request.body),
    );
  };
}
