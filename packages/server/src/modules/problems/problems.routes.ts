import {
  AssignBody,
  CloseBody,
  CreateProblemBody,
  ListQuery,
  ProblemDetail,
  ProblemList,
  ProblemParams,
  ProgressBody,
  ReasonBody,
  SubmitBody,
  UpdateProblemBody,
} from '@paicha/core/api/problems';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { requireActor } from '../../http/access.js';
import type { AppContext } from '../../kernel/context.js';
import { assignProblem } from './problems.assign.js';
import { getProblemDetail, queryProblems } from './problems.query.js';
import { createProblem, editProblem } from './problems.service.js';
import {
  closeProblem,
  logProgress,
  reopenProblem,
  returnProblem,
  submitForClosure,
} from './problems.workflow.js';

export function problemRoutes(ctx: AppContext) {
  return async (fastify: FastifyInstance) => {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    const tags = ['problems'];
    const detail = (actorReq: Parameters<typeof requireActor>[0], id: number) =>
      getProblemDetail(ctx, requireActor(actorReq), id);

    app.get(
      '/api/problems',
      {
        schema: {
          tags,
          summary: '问题台账（筛选、排序、分页）；单位用户只看到本单位的问题',
          querystring: ListQuery,
          response: { 200: ProblemList },
        },
      },
      async (request) => queryProblems(ctx, requireActor(request), request.query),
    );

    app.post(
      '/api/problems',
      {
        schema: {
          tags,
          summary: '登记问题（办公室可交办给任一单位）',
          body: CreateProblemBody,
          response: { 200: ProblemDetail },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        const id = await createProblem(ctx, actor, request.body);
        return getProblemDetail(ctx, actor, id);
      },
    );

    app.get(
      '/api/problems/:id',
      {
        schema: {
          tags,
          summary: '问题详情、办理记录与佐证材料',
          params: ProblemParams,
          response: { 200: ProblemDetail },
        },
      },
      async (request) => detail(request, request.params.id),
    );

    app.patch(
      '/api/problems/:id',
      {
        schema: {
          tags,
          summary: '修改问题（须带 version）',
          params: ProblemParams,
          body: UpdateProblemBody,
          response: { 200: ProblemDetail },
        },
      },
      async (request) => {
        await editProblem(ctx, requireActor(request), request.params.id, request.body);
        return detail(request, request.params.id);
      },
    );

    const step = <B extends z.ZodType>(
      path: string,
      summary: string,
      body: B,
      run: (actor: ReturnType<typeof requireActor>, id: number, b: z.infer<B>) => Promise<unknown>,
    ) =>
      app.post(
        `/api/problems/:id/${path}`,
        { schema: { tags, summary, params: ProblemParams, body, response: { 200: ProblemDetail } } },
        async (request) => {
          await run(requireActor(request), request.params.id, request.body as z.infer<B>);
          return detail(request, request.params.id);
        },
      );

    step('progress', '记录整改进展（可附佐证材料）', ProgressBody, (a, id, b) => logProgress(ctx, a, id, b));
    step('submit', '提交销号（至少一份佐证材料）', SubmitBody, (a, id, b) => submitForClosure(ctx, a, id, b));
    step('return', '退回（须填写理由）', ReasonBody, (a, id, b) => returnProblem(ctx, a, id, b));
    step('close', '审核销号', CloseBody, (a, id, b) => closeProblem(ctx, a, id, b));
    step('reopen', '重新打开已销号问题（须填写理由）', ReasonBody, (a, id, b) =>
      reopenProblem(ctx, a, id, b),
    );
    step('assign', '交办给其他单位', AssignBody, (a, id, b) => assignProblem(ctx, a, id, b));
  };
}
