import { CampaignParams } from '@paicha/core/api/campaigns';
import { ReasonBody, VersionBody } from '@paicha/core/api/reports';
import {
  ProblemListBody,
  SaveSubmissionBody,
  SubmissionGrid,
  SubmissionParams,
  SubmissionView,
} from '@paicha/core/api/submissions';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { requireActor } from '../../http/access.js';
import type { Actor, AppContext } from '../../kernel/context.js';
import {
  attachProblemList,
  decideSubmission,
  saveSubmission,
  submitSubmission,
} from './submissions.service.js';
import { loadSubmission, presentSubmission, type SubmissionKey, submissionGrid } from './submissions.view.js';

export function submissionRoutes(ctx: AppContext) {
  return async (fastify: FastifyInstance) => {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    const tags = ['submissions'];
    const base = '/api/campaigns/:id/submissions/:milestoneId/units/:unitId';
    const keyOf = (p: z.infer<typeof SubmissionParams>): SubmissionKey => ({
      campaignId: p.id,
      milestoneId: p.milestoneId,
      unitId: p.unitId,
    });
    const present = async (actor: Actor, key: SubmissionKey) =>
      presentSubmission(ctx, actor, key, await loadSubmission(ctx, actor, key));
    const one = { params: SubmissionParams, response: { 200: SubmissionView } };

    app.get(
      '/api/campaigns/:id/submissions',
      {
        schema: {
          tags,
          summary: '节点报送情况：单位 × 节点（工作方案、问题清单、整改结果、总结）',
          params: CampaignParams,
          response: { 200: SubmissionGrid },
        },
      },
      async (request) => submissionGrid(ctx, requireActor(request), request.params.id),
    );

    app.get(
      base,
      { schema: { tags, summary: '某单位某节点的报送材料；他单位的返回404', ...one } },
      async (request) => present(requireActor(request), keyOf(request.params)),
    );

    app.put(
      base,
      {
        schema: {
          tags,
          summary:
            '保存报送草稿：正文、经验做法/建章立制（总结）、附件全集（files 为 /api/files 上传所得编号）',
          body: SaveSubmissionBody,
          ...one,
        },
      },
      async (request) => {
        const actor = requireActor(request);
        await saveSubmission(ctx, actor, keyOf(request.params), request.body);
        return present(actor, keyOf(request.params));
      },
    );

    app.post(
      `${base}/problem-list`,
      {
        schema: {
          tags,
          summary: '从问题台账生成本单位问题清单（xlsx）并附上（仅12-24节点）',
          body: ProblemListBody,
          ...one,
        },
      },
      async (request) => {
        const actor = requireActor(request);
        await attachProblemList(ctx, actor, keyOf(request.params), request.body.version);
        return present(actor, keyOf(request.params));
      },
    );

    app.post(
      `${base}/submit`,
      {
        schema: { tags, summary: '单位负责人审核并报送（须有正文和盖章扫描件）', body: VersionBody, ...one },
      },
      async (request) => {
        const actor = requireActor(request);
        await submitSubmission(ctx, actor, keyOf(request.params), request.body.version);
        return present(actor, keyOf(request.params));
      },
    );

    app.post(
      `${base}/accept`,
      { schema: { tags, summary: '领导小组办公室审核通过（锁定）', body: VersionBody, ...one } },
      async (request) => {
        const actor = requireActor(request);
        await decideSubmission(ctx, actor, keyOf(request.params), 'accept', request.body);
        return present(actor, keyOf(request.params));
      },
    );

    for (const action of ['return', 'unlock'] as const) {
      app.post(
        `${base}/${action}`,
        {
          schema: {
            tags,
            summary:
              action === 'return' ? '退回报送材料（须填写原因）' : '解锁已通过的报送材料（须填写原因）',
            body: ReasonBody,
            ...one,
          },
        },
        async (request) => {
          const actor = requireActor(request);
          await decideSubmission(ctx, actor, keyOf(request.params), action, request.body);
          return present(actor, keyOf(request.params));
        },
      );
    }
  };
}
