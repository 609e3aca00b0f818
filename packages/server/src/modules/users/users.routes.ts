import { IdParams, OkResponse } from '@paicha/core/api/common';
import {
  CreateUserBody,
  LoginLimitItem,
  ResetPasswordBody,
  UnlockResponse,
  UpdateUserBody,
  UserListItem,
} from '@paicha/core/api/users';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireAdmin } from '../../http/access.js';
import type { AppContext } from '../../kernel/context.js';
import { listUsers } from './users.repository.js';
import { createUser, editUser, loginLimits, resetPassword, unlockUser } from './users.service.js';

export function userRoutes(ctx: AppContext) {
  return async (fastify: FastifyInstance) => {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    const tags = ['users'];

    app.get(
      '/api/users',
      {
        schema: { tags, summary: '用户列表', response: { 200: z.array(UserListItem) } },
      },
      async (request) => {
        requireAdmin(request);
        return listUsers(ctx.db);
      },
    );

    app.post(
      '/api/users',
      {
        schema: { tags, summary: '新增用户', body: CreateUserBody, response: { 200: UserListItem } },
      },
      async (request) => createUser(ctx, requireAdmin(request).userId, request.body),
    );

    app.patch(
      '/api/users/:id',
      {
        schema: {
          tags,
          summary: '修改用户',
          params: IdParams,
          body: UpdateUserBody,
          response: { 200: UserListItem },
        },
      },
      async (request) => editUser(ctx, requireAdmin(request).userId, request.params.id, request.body),
    );

    app.post(
      '/api/users/:id/password',
      {
        schema: {
          tags,
          summary: '重置用户密码',
          params: IdParams,
          body: ResetPasswordBody,
          response: { 200: OkResponse },
        },
      },
      async (request) => {
        await resetPassword(ctx, requireAdmin(request).userId, request.params.id, request.body.password);
        return { ok: true as const };
      },
    );

    app.get(
      '/api/users/login-limits',
      {
        schema: {
          tags,
          summary: '登录受限的用户（失败次数过多正在等待的）',
          response: { 200: z.array(LoginLimitItem) },
        },
      },
      async (request) => {
        requireAdmin(request);
        return loginLimits(ctx);
      },
    );

    app.post(
      '/api/users/:id/unlock',
      {
        schema: {
          tags,
          summary: '解除用户的登录限制',
          params: IdParams,
          response: { 200: UnlockResponse },
        },
      },
      async (request) => {
        const { cleared } = await unlockUser(ctx, requireAdmin(request).userId, request.params.id);
        return { ok: true as const, cleared };
      },
    );
  };
}
