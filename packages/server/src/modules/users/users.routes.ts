import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { adminOnly, requireAdmin } from '../../http/access.js';
import type { AppContext } from '../../http/context.js';
import { OkResponse } from '../auth/auth.schema.js';
import { IdParams } from '../units/units.schema.js';
import { listUsers } from './users.repository.js';
import { CreateUserBody, ResetPasswordBody, UpdateUserBody, UserListItem } from './users.schema.js';
import { createUser, editUser, resetPassword } from './users.service.js';

export function userRoutes(ctx: AppContext) {
  return async (fastify: FastifyInstance) => {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    const tags = ['users'];

    app.get(
      '/api/users',
      {
        onRequest: adminOnly,
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
        onRequest: adminOnly,
        schema: { tags, summary: '新增用户', body: CreateUserBody, response: { 200: UserListItem } },
      },
      async (request) => createUser(ctx, requireAdmin(request).userId, request.body),
    );

    app.patch(
      '/api/users/:id',
      {
        onRequest: adminOnly,
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
        onRequest: adminOnly,
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
  };
}
