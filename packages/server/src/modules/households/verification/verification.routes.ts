import { IdParams } from '@paicha/core/api/common';
import { FindingView, HouseholdParams } from '@paicha/core/api/screening';
import {
  BatchBody,
  BatchResult,
  DecisionBody,
  FindingHistory,
  StreetStepBody,
  VisitBody,
  VisitList,
  VisitQueue,
  VisitQueueQuery,
  VisitView,
} from '@paicha/core/api/verification';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requireActor } from '../../../http/access.js';
import type { AppContext } from '../../../kernel/context.js';
import { batchStep, findingHistory, officeDecision, streetStep } from './verification.service.js';
import { householdVisits, recordVisit, visitQueue } from './visits.service.js';

export function findingVerificationRoutes(ctx: AppContext) {
  return async (fastify: FastifyInstance) => {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    const tags = ['households'];

    app.post(
      '/api/households/findings/:id/verification',
      {
        schema: {
          tags,
          summary: '街道核实问题线索：属实、不属实（附理由）、已整改；带上所见的版本号，他人已改则拒绝',
          params: IdParams,
          body: StreetStepBody,
          response: { 200: FindingView },
        },
      },
      async (request) => streetStep(ctx, requireActor(request), request.params.id, request.body),
    );

    app.post(
      '/api/households/findings/:id/decision',
      {
        schema: {
          tags,
          summary: '办公室认定或不认定街道报的不属实（不认定须写理由，退回属实）；通知街道',
          params: IdParams,
          body: DecisionBody,
          response: { 200: FindingView },
        },
      },
      async (request) => officeDecision(ctx, requireActor(request), request.params.id, request.body),
    );

    app.get(
      '/api/households/findings/:id/history',
      {
        schema: {
          tags,
          summary: '问题线索的核实记录（每一步及其佐证材料）',
          params: IdParams,
          response: { 200: FindingHistory },
        },
      },
      async (request) => findingHistory(ctx, requireActor(request), request.params.id),
    );

    app.post(
      '/api/households/finding-batches',
      {
        schema: {
          tags,
          summary: '批量标记属实或批量交村干部核实：全部可办才办理，逐条报告',
          body: BatchBody,
          response: { 200: BatchResult },
        },
      },
      async (request) => batchStep(ctx, requireActor(request), request.body),
    );

    app.get(
      '/api/households/visit-queue',
      {
        schema: {
          tags,
          summary: '入户核实：有待核实问题线索的户（期限最近的在前，可按户编号或姓名查找）',
          querystring: VisitQueueQuery,
          response: { 200: VisitQueue },
        },
      },
      async (request) => visitQueue(ctx, requireActor(request), request.query),
    );

    app.get(
      '/api/households/households/:householdId/visits',
      {
        schema: {
          tags,
          summary: '户的入户核实记录（照片、位置、逐条核实结果）',
          params: HouseholdParams,
          response: { 200: VisitList },
        },
      },
      async (request) => householdVisits(ctx, requireActor(request), request.params.householdId),
    );

    app.post(
      '/api/households/households/:householdId/visits',
      {
        schema: {
          tags,
          summary: '提交入户核实记录（按手机生成的记录编号去重，重发不重复记录）',
          params: HouseholdParams,
          body: VisitBody,
          response: { 200: VisitView },
        },
      },
      async (request) => recordVisit(ctx, requireActor(request), request.params.householdId, request.body),
    );
  };
}
