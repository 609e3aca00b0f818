// Household imports over HTTP (office only): upload → preview/mapping → start → poll → report.
import { AppError, type FieldId } from '@paicha/core';
import { IdParams } from '@paicha/core/api/common';
import {
  ErrorsCsvQuery,
  FieldCatalogue,
  FieldsQuery,
  ImportErrorList,
  ImportList,
  ImportListQuery,
  ImportView,
  Paging,
  Preview,
  PreviewBody,
  StartImportBody,
  UploadParams,
  UploadQuery,
} from '@paicha/core/api/households';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requireActor } from '../../../http/access.js';
import type { AppContext } from '../../../kernel/context.js';
import {
  errorReportFile,
  fieldCatalogue,
  getImportJob,
  importErrors,
  listImportJobs,
  startImport,
} from './imports.service.js';
import { previewStoredUpload, uploadAndPreview } from './uploads.service.js';

export function householdImportRoutes(ctx: AppContext) {
  return async (fastify: FastifyInstance) => {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    const tags = ['households'];

    app.get(
      '/api/households/fields',
      {
        schema: {
          tags,
          summary: '某来源可识别的字段（表头对应步骤用）',
          querystring: FieldsQuery,
          response: { 200: FieldCatalogue },
        },
      },
      async (request) => fieldCatalogue(request.query.source),
    );

    app.post(
      '/api/households/uploads',
      {
        schema: {
          tags,
          summary: '上传户数据文件（multipart file），返回表头识别结果',
          querystring: UploadQuery,
          response: { 200: Preview },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        const file = await request.file({ limits: { fileSize: ctx.config.importLimitBytes } });
        if (!file) throw new AppError('validation_failed', '请选择要上传的文件');
        return uploadAndPreview(ctx, actor, file, request.query.source);
      },
    );

    app.post(
      '/api/households/uploads/:id/preview',
      {
        schema: {
          tags,
          summary: '按指定的表头对应关系重新识别',
          params: UploadParams,
          body: PreviewBody,
          response: { 200: Preview },
        },
      },
      async (request) =>
        previewStoredUpload(
          ctx,
          request.params.id,
          request.body.source,
          request.body.mapping as Record<string, FieldId | null>,
        ),
    );

    app.post(
      '/api/households/imports',
      {
        schema: {
          tags,
          summary: '开始导入（后台进行，轮询 GET /api/households/imports/:id 查看进度）',
          body: StartImportBody,
          response: { 202: ImportView },
        },
      },
      async (request, reply) => {
        const job = await startImport(
          ctx,
          requireActor(request),
          { ...request.body, mapping: request.body.mapping as Record<string, FieldId | null> },
          (err) => request.log.error({ err }, 'household import failed'),
        );
        return reply.status(202).send(job);
      },
    );

    app.get(
      '/api/households/imports',
      {
        schema: {
          tags,
          summary: '导入记录',
          querystring: ImportListQuery,
          response: { 200: ImportList },
        },
      },
      async (request) => listImportJobs(ctx, request.query),
    );

    app.get(
      '/api/households/imports/:id',
      {
        schema: { tags, summary: '导入进度与结果', params: IdParams, response: { 200: ImportView } },
      },
      async (request) => getImportJob(ctx, request.params.id),
    );

    app.get(
      '/api/households/imports/:id/errors',
      {
        schema: {
          tags,
          summary: '逐行错误（行、列、值、原因）',
          params: IdParams,
          querystring: Paging,
          response: { 200: ImportErrorList },
        },
      },
      async (request) => importErrors(ctx, request.params.id, request.query),
    );

    app.get(
      '/api/households/imports/:id/errors.csv',
      {
        schema: {
          tags,
          summary: '下载错误报告（CSV，默认GBK以便Excel直接打开；含原值，下载记入审计日志）',
          params: IdParams,
          querystring: ErrorsCsvQuery,
        },
      },
      async (request, reply) => {
        const file = await errorReportFile(
          ctx,
          requireActor(request),
          request.params.id,
          request.query.encoding,
        );
        return reply
          .header('content-type', `text/csv; charset=${file.charset}`)
          .header(
            'content-disposition',
            `attachment; filename="errors.csv"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
          )
          .send(file.body);
      },
    );
  };
}
