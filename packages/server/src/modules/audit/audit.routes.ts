import { AuditFilter, AuditList, AuditListQuery, AuditStatusResponse } from '@paicha/core/api/audit';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requireAdmin } from '../../http/access.js';
import { sendExport } from '../../http/export-stream.js';
import type { AppContext } from '../../kernel/context.js';
import { listAudit, prepareAuditExport } from './audit-list.js';
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

    app.get(
      '/api/audit/entries',
      {
        schema: {
          tags,
          summary: '审计日志：按操作人、单位、对象、操作和日期筛选，最新的在前，分页',
          querystring: AuditListQuery,
          response: { 200: AuditList },
        },
      },
      async (request) => {
        requireAdmin(request);
        return listAudit(ctx, request.query);
      },
    );

    app.get(
      '/api/audit/entries/export',
      {
        schema: {
          tags,
          summary: '导出筛选后的审计日志（.xlsx，边生成边下载；每人同时最多 2 个导出）',
          querystring: AuditFilter,
        },
      },
      async (request, reply) => {
        const actor = requireAdmin(request);
        return sendExport(ctx, actor, reply, () => prepareAuditExport(ctx, request.query));
      },
    );
  };
}
