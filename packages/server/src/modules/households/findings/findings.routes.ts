import { IdParams } from '@paicha/core/api/common';
import {
  FindingList,
  FindingsQuery,
  FindingView,
  HouseholdParams,
  HouseholdView,
  PlaceRouted,
  PlacesQuery,
  PlaceView,
  ResolvePlaceBody,
  UnmaskQuery,
} from '@paicha/core/api/screening';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../../http/access.js';
import { sendExport } from '../../../http/export-stream.js';
import type { AppContext } from '../../../kernel/context.js';
import { listPlaces } from '../places/places.js';
import { prepareFindingsExport } from './findings.export.js';
import { getFinding, getHousehold, listFindings } from './findings-read.repository.js';
import { mapPlaceToStreet } from './findings-sync.js';

export function householdFindingRoutes(ctx: AppContext) {
  return async (fastify: FastifyInstance) => {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    const tags = ['households'];

    app.get(
      '/api/households/places',
      {
        schema: {
          tags,
          summary: '乡镇（街道）地名对应：待处理队列与已对应',
          querystring: PlacesQuery,
          response: { 200: z.array(PlaceView) },
        },
      },
      async (request) => listPlaces(ctx.db, request.query.status),
    );

    app.post(
      '/api/households/places/:id',
      {
        schema: {
          tags,
          summary: '把地名对应到街道；该地名的问题线索随即进入该街道台账',
          params: IdParams,
          body: ResolvePlaceBody,
          response: { 200: PlaceRouted },
        },
      },
      async (request) => mapPlaceToStreet(ctx, requireActor(request), request.params.id, request.body.unitId),
    );

    app.get(
      '/api/households/findings',
      {
        schema: {
          tags,
          summary: '问题线索（单位用户只看到本街道的）；unmasked=1 仅管理员，记入审计日志',
          querystring: FindingsQuery,
          response: { 200: FindingList },
        },
      },
      async (request) => listFindings(ctx, requireActor(request), request.query),
    );

    app.get(
      '/api/households/findings/export',
      {
        schema: {
          tags,
          summary: '导出问题线索（.xlsx，脱敏规则同列表，边生成边下载；每人同时最多 2 个导出）',
          querystring: FindingsQuery,
        },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        return sendExport(ctx, actor, reply, () => prepareFindingsExport(ctx, actor, request.query));
      },
    );

    app.get(
      '/api/households/findings/:id',
      {
        schema: {
          tags,
          summary: '问题线索详情',
          params: IdParams,
          querystring: UnmaskQuery,
          response: { 200: FindingView },
        },
      },
      async (request) => getFinding(ctx, requireActor(request), request.params.id, request.query.unmasked),
    );

    app.get(
      '/api/households/households/:householdId',
      {
        schema: {
          tags,
          summary: '户的成员（最新国扶系统数据）与问题线索；其他街道的户返回404',
          params: HouseholdParams,
          querystring: UnmaskQuery,
          response: { 200: HouseholdView },
        },
      },
      async (request) =>
        getHousehold(ctx, requireActor(request), request.params.householdId, request.query.unmasked),
    );
  };
}
