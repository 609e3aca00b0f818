import { AppError } from '@paicha/core';
import {
  CampaignChoice,
  CampaignDetail,
  CampaignParams,
  CampaignSummary,
  CheckItem,
  CheckItemsQuery,
  ChooseCampaignBody,
  CreateCampaignBody,
  ItemParams,
  ItemUnitsBody,
  Overview,
  UnitItemsParams,
  UpdateCheckItemBody,
} from '@paicha/core/api/campaigns';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { assertUnitVisible, requireActor, requireAdmin } from '../../http/access.js';
import type { AppContext } from '../../kernel/context.js';
import { listCampaigns } from './campaigns.repository.js';
import { createCampaign, getCampaign, getCheckItems, getOverview } from './campaigns.service.js';
import { choiceOf, chooseCampaign } from './current-campaign.js';
import { assignItemUnits, editCheckItem } from './structure-items.service.js';

export function campaignRoutes(ctx: AppContext) {
  return async (fastify: FastifyInstance) => {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    const tags = ['campaigns'];

    app.get(
      '/api/campaigns',
      { schema: { tags, summary: '工作活动列表', response: { 200: z.array(CampaignSummary) } } },
      async (request) => {
        requireActor(request);
        return listCampaigns(ctx.db);
      },
    );

    app.get(
      '/api/campaigns/current',
      {
        schema: {
          tags,
          summary:
            '本人查看的工作活动：本人所选，未选时为当前活动（进行中，否则下一个开始的，否则最近结束的）',
          response: { 200: CampaignChoice },
        },
      },
      async (request) => choiceOf(ctx, requireActor(request)),
    );

    app.put(
      '/api/campaigns/current',
      {
        schema: {
          tags,
          summary: '保存本人选择的工作活动；campaignId 为 null 时恢复为当前活动',
          body: ChooseCampaignBody,
          response: { 200: CampaignChoice },
        },
      },
      async (request) => chooseCampaign(ctx, requireActor(request), request.body.campaignId),
    );

    app.post(
      '/api/campaigns',
      {
        schema: {
          tags,
          summary: '按方案模板新建工作活动（日期整体平移）',
          body: CreateCampaignBody,
          response: { 200: CampaignDetail },
        },
      },
      async (request) => {
        const id = await createCampaign(ctx, requireAdmin(request).userId, request.body);
        return getCampaign(ctx, id);
      },
    );

    app.get(
      '/api/campaigns/:id',
      {
        schema: { tags, summary: '工作活动详情', params: CampaignParams, response: { 200: CampaignDetail } },
      },
      async (request) => {
        requireActor(request);
        return getCampaign(ctx, request.params.id);
      },
    );

    app.get(
      '/api/campaigns/:id/overview',
      {
        schema: {
          tags,
          summary: '工作概览：当前阶段与临近节点',
          params: CampaignParams,
          response: { 200: Overview },
        },
      },
      async (request) => {
        requireActor(request);
        return getOverview(ctx, request.params.id);
      },
    );

    app.get(
      '/api/campaigns/:id/check-items',
      {
        schema: {
          tags,
          summary: '排查事项（按序号），mine=1 时只返回本单位承担的事项',
          params: CampaignParams,
          querystring: CheckItemsQuery,
          response: { 200: z.array(CheckItem) },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        const mine = request.query.mine === '1' || request.query.mine === 'true';
        return getCheckItems(ctx, request.params.id, mine ? actor.unitId : undefined);
      },
    );

    app.get(
      '/api/campaigns/:id/units/:unitId/check-items',
      {
        schema: {
          tags,
          summary: '某单位承担的排查事项（本单位任务）；单位用户只能查看本单位',
          params: UnitItemsParams,
          response: { 200: z.array(CheckItem) },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        assertUnitVisible(actor, request.params.unitId, '单位');
        return getCheckItems(ctx, request.params.id, request.params.unitId);
      },
    );

    app.patch(
      '/api/campaigns/:id/check-items/:seq',
      {
        schema: {
          tags,
          summary: '修改排查事项',
          params: ItemParams,
          body: UpdateCheckItemBody,
          response: { 200: CheckItem },
        },
      },
      async (request) => {
        const actor = requireAdmin(request);
        const key = { campaignId: request.params.id, seq: request.params.seq };
        await editCheckItem(ctx, actor, key, request.body);
        return findItem(ctx, key);
      },
    );

    app.put(
      '/api/campaigns/:id/check-items/:seq/units',
      {
        schema: {
          tags,
          summary: '调整排查事项的责任单位',
          params: ItemParams,
          body: ItemUnitsBody,
          response: { 200: CheckItem },
        },
      },
      async (request) => {
        const actor = requireAdmin(request);
        const key = { campaignId: request.params.id, seq: request.params.seq };
        await assignItemUnits(ctx, actor, key, request.body);
        return findItem(ctx, key);
      },
    );
  };
}

async function findItem(ctx: AppContext, key: { campaignId: number; seq: number }) {
  const item = (await getCheckItems(ctx, key.campaignId)).find((i) => i.seq === key.seq);
  if (!item) throw new AppError('not_found', '排查事项不存在');
  return item;
}
