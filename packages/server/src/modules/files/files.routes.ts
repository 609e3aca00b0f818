import { AppError } from '@paicha/core';
import { IdParams, OkResponse } from '@paicha/core/api/common';
import { AttachmentResponse } from '@paicha/core/api/files';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { assertUnitVisible, requireActor } from '../../http/access.js';
import { contentDisposition } from '../../http/content-disposition.js';
import { uploadedPart } from '../../http/upload.js';
import type { AppContext } from '../../kernel/context.js';
import { findAttachment } from './files.repository.js';
import { discardUpload, saveUpload } from './files.service.js';
import { openBlob } from './storage.js';

export function fileRoutes(ctx: AppContext) {
  return async (fastify: FastifyInstance) => {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    const tags = ['files'];

    app.post(
      '/api/files',
      {
        schema: {
          tags,
          summary: '上传佐证材料（multipart，字段 file）；按内容检查类型，返回附件编号供整改进展或报送引用',
          consumes: ['multipart/form-data'],
          response: { 200: AttachmentResponse },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        const part = await uploadedPart(request);
        return saveUpload(ctx, actor, { filename: part.filename, stream: part.file });
      },
    );

    app.get(
      '/api/files/:id',
      { schema: { tags, summary: '下载附件', params: IdParams } },
      async (request, reply) => {
        const actor = requireActor(request);
        const row = await findAttachment(ctx.db, request.params.id);
        if (!row) throw new AppError('not_found', '附件不存在');
        assertUnitVisible(actor, row.unitId, '附件');
        // Unattached uploads are private to their uploader until claimed.
        if (row.entity === null && row.uploadedBy !== actor.userId)
          throw new AppError('not_found', '附件不存在');
        const inline = row.mime.startsWith('image/') || row.mime === 'application/pdf';
        return reply
          .header('content-type', row.mime)
          .header('content-length', String(row.size))
          .header('content-disposition', contentDisposition(row.name, inline ? 'inline' : 'attachment'))
          .header('x-content-type-options', 'nosniff')
          .header('cache-control', 'private, max-age=0')
          .send(openBlob(ctx.config.dataDir, row.sha256));
      },
    );

    app.delete(
      '/api/files/:id',
      {
        schema: {
          tags,
          summary: '删除自己上传但尚未提交的附件（已提交的佐证材料不能删除）',
          params: IdParams,
          response: { 200: OkResponse },
        },
      },
      async (request) => {
        await discardUpload(ctx, requireActor(request), request.params.id);
        return { ok: true as const };
      },
    );
  };
}
