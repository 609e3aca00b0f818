// The office's structure edits of a campaign: items (add, move, remove), phases and milestones,
// screening rule → item, and the change history. Every edit answers the new structure version.
import {
  AddCheckItemBody,
  MilestoneBody,
  MilestoneParams,
  MoveBody,
  PhaseBody,
  PhaseParams,
  RuleItem,
  RuleItemBody,
  RuleItemParams,
  StructureEdit,
  StructureResult,
  StructureState,
} from '@paicha/core/api/campaign-structure';
import { CampaignParams, ItemParams } from '@paicha/core/api/campaigns';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireAdmin } from '../../http/access.js';
import type { AppContext } from '../../kernel/context.js';
import { findCampaign } from './campaigns.repository.js';
import { listRuleItems, setRuleItem } from './rule-items.service.js';
import { structureState } from './structure-edit.js';
import { addCheckItem, moveCheckItem, removeCheckItem } from './structure-items.service.js';
import {
  addMilestone,
  addPhase,
  movePhase,
  removeMilestone,
  removePhase,
  updateMilestone,
  updatePhase,
} from './structure-plan.service.js';

export function structureRoutes(ctx: AppContext) {
  return async (fastify: FastifyInstance) => {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    const tags = ['campaigns'];
    const C = '/api/campaigns/:id';
    const done = async (campaignId: number, at: number | null) => {
      const c = await findCampaign(ctx.db, campaignId);
      return { version: c?.structure_version ?? 0, at };
    };
    const edit = { 200: StructureResult };

    app.get(
      `${C}/structure`,
      {
        schema: {
          tags,
          summary: '活动结构版本与修改记录',
          params: CampaignParams,
          response: { 200: StructureState },
        },
      },
      async (request) => {
        requireAdmin(request);
        return structureState(ctx, request.params.id);
      },
    );

    app.post(
      `${C}/check-items`,
      {
        schema: {
          tags,
          summary: '新增排查事项（seq 为插入位置，省略时排在最后；其后事项序号顺延）',
          params: CampaignParams,
          body: AddCheckItemBody,
          response: edit,
        },
      },
      async (request) => {
        const seq = await addCheckItem(ctx, requireAdmin(request), request.params.id, request.body);
        return done(request.params.id, seq);
      },
    );

    app.post(
      `${C}/check-items/:seq/move`,
      {
        schema: { tags, summary: '调整排查事项序号', params: ItemParams, body: MoveBody, response: edit },
      },
      async (request) => {
        const key = { campaignId: request.params.id, seq: request.params.seq };
        const at = await moveCheckItem(ctx, requireAdmin(request), key, request.body);
        return done(key.campaignId, at);
      },
    );

    app.post(
      `${C}/check-items/:seq/remove`,
      {
        schema: {
          tags,
          summary: '删除排查事项（已登记问题的不能删除；已报送月报表仍按报送时的事项显示）',
          params: ItemParams,
          body: StructureEdit,
          response: edit,
        },
      },
      async (request) => {
        const key = { campaignId: request.params.id, seq: request.params.seq };
        await removeCheckItem(ctx, requireAdmin(request), key, request.body);
        return done(key.campaignId, null);
      },
    );

    app.post(
      `${C}/phases`,
      {
        schema: {
          tags,
          summary: '新增阶段（排在最后）',
          params: CampaignParams,
          body: PhaseBody,
          response: edit,
        },
      },
      async (request) => {
        const seq = await addPhase(ctx, requireAdmin(request), request.params.id, request.body);
        return done(request.params.id, seq);
      },
    );

    app.put(
      `${C}/phases/:seq`,
      { schema: { tags, summary: '修改阶段', params: PhaseParams, body: PhaseBody, response: edit } },
      async (request) => {
        const key = { campaignId: request.params.id, seq: request.params.seq };
        return done(key.campaignId, await updatePhase(ctx, requireAdmin(request), key, request.body));
      },
    );

    app.post(
      `${C}/phases/:seq/move`,
      { schema: { tags, summary: '调整阶段顺序', params: PhaseParams, body: MoveBody, response: edit } },
      async (request) => {
        const key = { campaignId: request.params.id, seq: request.params.seq };
        return done(key.campaignId, await movePhase(ctx, requireAdmin(request), key, request.body));
      },
    );

    app.post(
      `${C}/phases/:seq/remove`,
      { schema: { tags, summary: '删除阶段', params: PhaseParams, body: StructureEdit, response: edit } },
      async (request) => {
        const key = { campaignId: request.params.id, seq: request.params.seq };
        await removePhase(ctx, requireAdmin(request), key, request.body);
        return done(key.campaignId, null);
      },
    );

    app.post(
      `${C}/milestones`,
      {
        schema: { tags, summary: '新增节点', params: CampaignParams, body: MilestoneBody, response: edit },
      },
      async (request) => {
        const id = await addMilestone(ctx, requireAdmin(request), request.params.id, request.body);
        return done(request.params.id, id);
      },
    );

    app.put(
      `${C}/milestones/:milestoneId`,
      {
        schema: {
          tags,
          summary: '修改节点（已有报送的节点不能改类型和月份）',
          params: MilestoneParams,
          body: MilestoneBody,
          response: edit,
        },
      },
      async (request) => {
        const key = { campaignId: request.params.id, id: request.params.milestoneId };
        return done(key.campaignId, await updateMilestone(ctx, requireAdmin(request), key, request.body));
      },
    );

    app.post(
      `${C}/milestones/:milestoneId/remove`,
      {
        schema: {
          tags,
          summary: '删除节点（已有报送的不能删除）',
          params: MilestoneParams,
          body: StructureEdit,
          response: edit,
        },
      },
      async (request) => {
        const key = { campaignId: request.params.id, id: request.params.milestoneId };
        await removeMilestone(ctx, requireAdmin(request), key, request.body);
        return done(key.campaignId, null);
      },
    );

    app.get(
      `${C}/rule-items`,
      {
        schema: {
          tags,
          summary: '数据比对规则对应的排查事项（checkItem 为 null：未对应，发现的线索不进入台账）',
          params: CampaignParams,
          response: { 200: z.array(RuleItem) },
        },
      },
      async (request) => {
        requireAdmin(request);
        return listRuleItems(ctx, request.params.id);
      },
    );

    app.put(
      `${C}/rule-items/:ruleId`,
      {
        schema: {
          tags,
          summary: '设置比对规则对应的排查事项（seq 为 null：取消对应）',
          params: RuleItemParams,
          body: RuleItemBody,
          response: edit,
        },
      },
      async (request) => {
        const key = { campaignId: request.params.id, ruleId: request.params.ruleId };
        await setRuleItem(ctx, requireAdmin(request), key, request.body);
        return done(key.campaignId, request.body.seq);
      },
    );
  };
}
