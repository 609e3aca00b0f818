import { IdParams, OkResponse } from '@paicha/core/api/common';
import {
  CreateUnitBody,
  DeactivateUnitBody,
  UnitResponse,
  UnitWorkload,
  UpdateUnitBody,
} from '@paicha/core/api/units';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor, requireAdmin } from '../../http/access.js';
import type { AppContext } from '../../kernel/context.js';
import { deactivateUnit, reactivateUnit, unitWorkload } from './unit-deactivation.service.js';
import { listUnits } from './units.repository.js';
import { createUnit, removeUnit, renameUnit } from './units.service.js';

export function unitRoutes(ctx: AppContext) {
  return async (fastify: FastifyInstance) => {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    const tags = ['units'];

    app.get(
      '/api/units',
      { schema: { tags, summary: '单位列表', response: { 200: z.array(UnitResponse) } } },
      async (request) => {
        requireActor(request);
        return listUnits(ctx.db);
      },
    );

    app.post(
      '/api/units',
      {
        schema: { tags, summary: '新增街道或部门', body: CreateUnitBody, response: { 200: UnitResponse } },
      },
      async (request) => createUnit(ctx, requireAdmin(request), request.body),
    );

    app.patch(
      '/api/units/:id',
      {
        schema: {
          tags,
          summary: '修改单位名称或顺序',
          params: IdParams,
          body: UpdateUnitBody,
          response: { 200: UnitResponse },
        },
      },
      async (request) => renameUnit(ctx, requireAdmin(request), request.params.id, request.body),
    );

    app.get(
      '/api/units/:id/workload',
      {
        schema: {
          tags,
          summary: '停用前核对：单位未销号的问题、未结束活动中的排查事项、在用账号数',
          params: IdParams,
          response: { 200: UnitWorkload },
        },
      },
      async (request) => {
        requireAdmin(request);
        return unitWorkload(ctx, request.params.id);
      },
    );

    app.post(
      '/api/units/:id/deactivate',
      {
        schema: {
          tags,
          summary: '停用单位：未销号问题和未结束活动的排查事项移交同类单位（move）或保留在停用单位（keep）',
          params: IdParams,
          body: DeactivateUnitBody,
          response: { 200: UnitResponse },
        },
      },
      async (request) => deactivateUnit(ctx, requireAdmin(request), request.params.id, request.body),
    );

    app.post(
      '/api/units/:id/reactivate',
      { schema: { tags, summary: '恢复停用的单位', params: IdParams, response: { 200: UnitResponse } } },
      async (request) => reactivateUnit(ctx, requireAdmin(request), request.params.id),
    );

    app.delete(
      '/api/units/:id',
      {
        schema: { tags, summary: '删除单位', params: IdParams, response: { 200: OkResponse } },
      },
      async (request) => {
        await removeUnit(ctx, requireAdmin(request), request.params.id);
        return { ok: true as const };
      },
    );
  };
}
