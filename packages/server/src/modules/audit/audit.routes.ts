import { AuditStatusResponse } from '@paicha/core/api/audit';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requireAdmin } from '../../http/access.js';
import type { AppContext } from '../../kernel/context.js';
import { auditStatus, verifyAuditNow } from './audit-monitor.js';

export function auditRoutes(ctx: AppContext) {
  return async (fastify: FastifyInstance) => {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    const tags = ['audit'];

    app.get(
      '/api/audit/status',
      {
        schema: {
          tags,
          summary: '审计日志完整性：本服务进程最近一次校验的结果',
          response: { 200: AuditStatusResponse },
        },
      },
      async (request) => {
        requireAdmin(request);
        return auditStatus(ctx);
      },
    );

    app.post(
      '/api/audit/verify',
      {
        schema: {
          tags,
          summary: '立即完整校验审计日志（哈希链、封存记录、检查点）',
          response: { 200: AuditStatusResponse },
        },
      },
      async (request) => {
        requireAdmin(request);
        return verifyAuditNow(ctx);
      },
    );
  };
}
