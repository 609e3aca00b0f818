// A campaign from a plan's own 任务分解表: preview an uploaded .docx/.xlsx, then create.
import { AppError } from '@paicha/core';
import { FromPlanBody, FromPlanCreated, PlanPreview } from '@paicha/core/api/campaign-import';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requireAdmin } from '../../../http/access.js';
import type { AppContext } from '../../../kernel/context.js';
import { createCampaignFromPlan } from './from-plan.service.js';
import { MAX_PLAN_BYTES } from './plan-file.js';
import { previewPlan } from './plan-preview.service.js';

export function planImportRoutes(ctx: AppContext) {
  return async (fastify: FastifyInstance) => {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    const tags = ['campaigns'];

    app.post(
      '/api/campaigns/plan-preview',
      {
        schema: {
          tags,
          summary:
            '读取方案（.docx）或任务分解表（.xlsx）：排查事项、责任单位对应情况、时间安排（multipart 字段 file，不保存）',
          consumes: ['multipart/form-data'],
          response: { 200: PlanPreview },
        },
      },
      async (request) => {
        requireAdmin(request);
        if (!request.isMultipart())
          throw new AppError('unsupported_media_type', '请以 multipart/form-data 上传文件');
        const part = await request.file({ limits: { fileSize: MAX_PLAN_BYTES } });
        if (!part) throw new AppError('validation_failed', '没有收到文件');
        const buffer = await part.toBuffer();
        if (part.file.truncated)
          throw new AppError('payload_too_large', `文件超过 ${MAX_PLAN_BYTES / 1_048_576} MB，已拒绝`);
        return previewPlan(ctx.db, part.filename, buffer);
      },
    );

    app.post(
      '/api/campaigns/from-plan',
      {
        schema: {
          tags,
          summary: '按方案的任务分解表创建工作活动（新单位、阶段、时间节点、排查事项一次完成）',
          body: FromPlanBody,
          response: { 200: FromPlanCreated },
        },
      },
      async (request) => createCampaignFromPlan(ctx, requireAdmin(request).userId, request.body),
    );
  };
}
