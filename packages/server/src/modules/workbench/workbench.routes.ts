// The 待办 workbench: what waits for the signed-in person, the office's "due soon" setting, and
// a person's "I have looked at it" marks.
import { OkResponse } from '@paicha/core/api/common';
import {
  SeenBody,
  WorkbenchQuery,
  WorkbenchResponse,
  WorkbenchSettingsBody,
} from '@paicha/core/api/workbench';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requireActor, requireAdmin } from '../../http/access.js';
import type { AppContext } from '../../kernel/context.js';
import { buildWorkbench } from './workbench.service.js';
import { markLookedAt, saveWorkbenchSettings, workbenchSettings } from './workbench.settings.js';

export function workbenchRoutes(ctx: AppContext) {
  return async (fastify: FastifyInstance) => {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    const tags = ['workbench'];

    app.get(
      '/api/workbench',
      {
        schema: {
          tags,
          summary: '待办：等待本人办理的事项（按角色、本单位范围），及菜单角标的计数',
          querystring: WorkbenchQuery,
          response: { 200: WorkbenchResponse },
        },
      },
      async (request) => buildWorkbench(ctx, requireActor(request), request.query.campaignId),
    );

    app.post(
      '/api/workbench/seen',
      {
        schema: {
          tags,
          summary: '标记本人已查看（如筛查结果），待办只显示此后的新内容',
          body: SeenBody,
          response: { 200: OkResponse },
        },
      },
      async (request) => {
        await markLookedAt(ctx, requireActor(request), request.body.what);
        return { ok: true as const };
      },
    );

    app.get(
      '/api/settings/workbench',
      { schema: { tags, summary: '待办设置（临近到期天数）', response: { 200: WorkbenchSettingsBody } } },
      async (request) => {
        requireActor(request);
        return workbenchSettings(ctx);
      },
    );

    app.put(
      '/api/settings/workbench',
      {
        schema: {
          tags,
          summary: '修改待办设置（整改时限在多少天内算临近到期）',
          body: WorkbenchSettingsBody,
          response: { 200: WorkbenchSettingsBody },
        },
      },
      async (request) => saveWorkbenchSettings(ctx, requireAdmin(request), request.body),
    );
  };
}
