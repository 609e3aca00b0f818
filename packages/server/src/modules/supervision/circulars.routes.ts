// 通报: drafts (the office creates, edits, refreshes, issues or deletes them), the list, one
// circular with its text, and its .docx. Leaders and inspectors read everything; units read
// issued circulars only.

import { OkResponse } from '@paicha/core/api/common';
import {
  CampaignQuery,
  CircularParams,
  CircularSummary,
  CircularView,
  CreateCircularBody,
  UpdateCircularBody,
  VersionBody,
  VersionQuery,
} from '@paicha/core/api/supervision';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor, requireAdmin, scopeOf } from '../../http/access.js';
import { contentDisposition } from '../../http/content-disposition.js';
import type { AppContext } from '../../kernel/context.js';
import * as repo from './circulars.repository.js';
import {
  circularDocx,
  createDraft,
  deleteDraft,
  issueCircular,
  loadCircular,
  presentCircular,
  refreshDraft,
  updateDraft,
} from './circulars.service.js';

const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export function circularRoutes(ctx: AppContext) {
  return async (fastify: FastifyInstance) => {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    const tags = ['circulars'];
    const view = async (actor: Parameters<typeof loadCircular>[1], id: number) =>
      presentCircular(ctx, await loadCircular(ctx, actor, id));

    app.get(
      '/api/supervision/circulars',
      {
        schema: {
          tags,
          summary: '通报列表（单位用户只看到已签发的）',
          querystring: CampaignQuery,
          response: { 200: z.array(CircularSummary) },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        return repo.listCirculars(ctx.db, request.query.campaignId, !scopeOf(actor).all);
      },
    );

    app.post(
      '/api/supervision/circulars',
      {
        schema: {
          tags,
          summary: '按单位评分生成通报草稿',
          body: CreateCircularBody,
          response: { 200: CircularView },
        },
      },
      async (request) => {
        const actor = requireAdmin(request);
        return view(actor, await createDraft(ctx, actor, request.body));
      },
    );

    app.get(
      '/api/supervision/circulars/:id',
      {
        schema: {
          tags,
          summary: '一份通报：数据、正文',
          params: CircularParams,
          response: { 200: CircularView },
        },
      },
      async (request) => view(requireActor(request), request.params.id),
    );

    app.patch(
      '/api/supervision/circulars/:id',
      {
        schema: {
          tags,
          summary: '修改通报草稿的文字（标题、文号、开头语、工作要求、反馈时限）',
          params: CircularParams,
          body: UpdateCircularBody,
          response: { 200: CircularView },
        },
      },
      async (request) => {
        const actor = requireAdmin(request);
        await updateDraft(ctx, actor, request.params.id, request.body);
        return view(actor, request.params.id);
      },
    );

    const step = (path: string, summary: string, run: typeof refreshDraft) =>
      app.post(
        `/api/supervision/circulars/:id/${path}`,
        {
          schema: {
            tags,
            summary,
            params: CircularParams,
            body: VersionBody,
            response: { 200: CircularView },
          },
        },
        async (request) => {
          const actor = requireAdmin(request);
          await run(ctx, actor, request.params.id, request.body.version);
          return view(actor, request.params.id);
        },
      );
    step('refresh', '按当前台账和报送情况重新计算草稿数据', refreshDraft);
    step('issue', '签发：固定数据，保存签发的 Word 文件', issueCircular);

    app.delete(
      '/api/supervision/circulars/:id',
      {
        schema: {
          tags,
          summary: '删除通报草稿（已签发的不能删除）',
          params: CircularParams,
          querystring: VersionQuery,
          response: { 200: OkResponse },
        },
      },
      async (request) => {
        await deleteDraft(ctx, requireAdmin(request), request.params.id, request.query.version);
        return { ok: true as const };
      },
    );

    app.get(
      '/api/supervision/circulars/:id/docx',
      { schema: { tags, summary: '下载通报 Word 文件（草稿标注“草稿”）', params: CircularParams } },
      async (request, reply) => {
        const file = await circularDocx(ctx, requireActor(request), request.params.id);
        return reply
          .header('content-type', DOCX_MIME)
          .header('content-disposition', contentDisposition(file.fileName))
          .header('cache-control', 'private, no-store')
          .send(file.body);
      },
    );
  };
}
