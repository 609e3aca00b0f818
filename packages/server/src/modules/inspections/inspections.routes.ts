import { OkResponse } from '@paicha/core/api/common';
import {
  CreateInspectionBody,
  InspectionParams,
  InspectionResponse,
  InspectionsQuery,
  UpdateInspectionBody,
} from '@paicha/core/api/inspections';
import { ProblemFields } from '@paicha/core/api/problems';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../http/access.js';
import type { AppContext } from '../../kernel/context.js';
import { resolveCampaignId } from '../campaigns/current-campaign.js';
import { getProblemDetail } from '../problems/problems.query.js';
import {
  createInspection,
  deleteInspection,
  getInspection,
  listInspections,
  problemFromInspection,
  updateInspection,
} from './inspections.service.js';

export function inspectionRoutes(ctx: AppContext) {
  return async (fastify: FastifyInstance) => {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    const tags = ['inspections'];

    app.get(
      '/api/inspections',
      {
        schema: {
          tags,
          summary: '明察暗访记录（单位只看到对本单位的检查）',
          querystring: InspectionsQuery,
          response: { 200: z.array(InspectionResponse) },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        return listInspections(ctx, actor, await resolveCampaignId(ctx, actor, request.query.campaignId));
      },
    );

    app.post(
      '/api/inspections',
      {
        schema: {
          tags,
          summary: '登记明察暗访',
          body: CreateInspectionBody,
          response: { 200: InspectionResponse },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        const id = await createInspection(ctx, actor, request.body);
        return getInspection(ctx, actor, id);
      },
    );

    app.get(
      '/api/inspections/:id',
      {
        schema: {
          tags,
          summary: '检查记录及由其发现交办的问题',
          params: InspectionParams,
          response: { 200: InspectionResponse },
        },
      },
      async (request) => getInspection(ctx, requireActor(request), request.params.id),
    );

    app.patch(
      '/api/inspections/:id',
      {
        schema: {
          tags,
          summary: '修改检查记录',
          params: InspectionParams,
          body: UpdateInspectionBody,
          response: { 200: InspectionResponse },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        await updateInspection(ctx, actor, request.params.id, request.body);
        return getInspection(ctx, actor, request.params.id);
      },
    );

    app.post(
      '/api/inspections/:id/problems',
      {
        schema: {
          tags,
          summary: '将检查发现转为问题，交办被检查单位（来源：明察暗访）',
          params: InspectionParams,
          body: ProblemFields.omit({ source: true }),
        },
      },
      async (request) => {
        const actor = requireActor(request);
        const problemId = await problemFromInspection(ctx, actor, request.params.id, request.body);
        return getProblemDetail(ctx, actor, problemId);
      },
    );

    app.delete(
      '/api/inspections/:id',
      {
        schema: {
          tags,
          summary: '删除误录的检查记录（已转出问题的不能删除）',
          params: InspectionParams,
          response: { 200: OkResponse },
        },
      },
      async (request) => {
        await deleteInspection(ctx, requireActor(request), request.params.id);
        return { ok: true as const };
      },
    );
  };
}
