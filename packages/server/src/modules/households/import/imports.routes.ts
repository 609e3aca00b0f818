// Household imports over HTTP (office only): upload → preview/mapping → start → poll → report.
import {
  AppError,
  FIELD_IDS,
  FIELD_LABELS,
  type FieldId,
  requirementLabel,
  SOURCE_LABELS,
  SOURCE_REQUIRED,
} from '@paicha/core';
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
import iconv from 'iconv-lite';
import { requireActor } from '../../../http/access.js';
import type { AppContext } from '../../../kernel/context.js';
import { csvText } from '../../../lib/csv.js';
import { appendAudit } from '../../audit/audit.repository.js';
import { createImportJob, runImportJob } from './import.service.js';
import * as repo from './imports.repository.js';
import { findUpload, previewUpload, removeUpload, saveUpload } from './uploads.service.js';

function presentImport(r: repo.ImportRow) {
  const progress = r.status === 'running' ? Math.min(0.99, r.bytesRead / Math.max(1, r.bytesTotal)) : 1;
  return {
    ...r,
    sourceLabel: SOURCE_LABELS[r.source],
    columns: JSON.parse(r.columns),
    unknownHeaders: JSON.parse(r.unknownHeaders),
    mapping: JSON.parse(r.mapping),
    progress,
  };
}

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
      async (request) => ({
        fields: FIELD_IDS.map((id) => ({ id, label: FIELD_LABELS[id] })),
        required: SOURCE_REQUIRED[request.query.source].map((g) => ({
          fields: [...g],
          label: requirementLabel(g),
        })),
      }),
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
        const saved = await saveUpload(ctx, actor, file);
        return previewUpload({ ...saved, format: saved.format }, request.query.source, {});
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
        previewUpload(
          await findUpload(ctx, request.params.id),
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
        const actor = requireActor(request);
        const upload = await findUpload(ctx, request.body.uploadId);
        const input = {
          source: request.body.source,
          path: upload.path,
          fileName: upload.fileName,
          format: upload.format,
          mapping: request.body.mapping as Record<string, FieldId | null>,
          actorId: actor.userId,
        };
        const id = await createImportJob(ctx, input);
        void runImportJob(ctx, id, input)
          .then((r) => (r.status === 'committed' ? removeUpload(ctx, upload.id) : undefined))
          .catch((err) => request.log.error({ err }, 'household import failed'));
        const row = await repo.findImport(ctx.db, id);
        return reply.status(202).send(presentImport(row as repo.ImportRow));
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
      async (request) => {
        const { page, pageSize, source } = request.query;
        const { rows, total } = await repo.listImports(ctx.db, {
          source,
          limit: pageSize,
          offset: (page - 1) * pageSize,
        });
        return { items: rows.map(presentImport), total };
      },
    );

    app.get(
      '/api/households/imports/:id',
      {
        schema: { tags, summary: '导入进度与结果', params: IdParams, response: { 200: ImportView } },
      },
      async (request) => {
        const row = await repo.findImport(ctx.db, request.params.id);
        if (!row) throw new AppError('not_found', '导入记录不存在');
        return presentImport(row);
      },
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
      async (request) => {
        const row = await repo.findImport(ctx.db, request.params.id);
        if (!row) throw new AppError('not_found', '导入记录不存在');
        const { page, pageSize } = request.query;
        const items = await repo.listErrors(ctx.db, row.id, {
          limit: pageSize,
          offset: (page - 1) * pageSize,
        });
        return { items, total: row.errorCount };
      },
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
        const actor = requireActor(request);
        const row = await repo.findImport(ctx.db, request.params.id);
        if (!row) throw new AppError('not_found', '导入记录不存在');
        const errors = await repo.listErrors(ctx.db, row.id);
        const lines = [
          ['行号', '列', '原值', '错误原因'],
          ...errors.map((e) => [e.row, e.column, e.value, e.message]),
        ];
        const text = csvText(lines);
        await appendAudit(ctx.db, ctx.dialect, {
          actorId: actor.userId,
          action: 'household.unmasked_view',
          entity: 'household_import_errors',
          entityId: row.id,
          detail: { rows: errors.length },
          at: ctx.clock.now().toISOString(),
        });
        const body =
          request.query.encoding === 'gbk'
            ? iconv.encode(text, 'gbk')
            : Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]);
        const name = `错误报告-${row.fileName.replace(/\.[^.]+$/, '')}.csv`;
        return reply
          .header('content-type', `text/csv; charset=${request.query.encoding === 'gbk' ? 'gbk' : 'utf-8'}`)
          .header(
            'content-disposition',
            `attachment; filename="errors.csv"; filename*=UTF-8''${encodeURIComponent(name)}`,
          )
          .send(body);
      },
    );
  };
}
