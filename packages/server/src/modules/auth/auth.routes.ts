import { AppError } from '@paicha/core';
import { ChangePasswordBody, LoginBody, UserEnvelope } from '@paicha/core/api/auth';
import { OkResponse } from '@paicha/core/api/common';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requireActor } from '../../http/access.js';
import type { AppContext } from '../../kernel/context.js';
import { findUser } from '../users/users.repository.js';
import { changePassword, login } from './auth.service.js';
import { SESSION_COOKIE } from './authenticate.js';
import { deleteSession } from './sessions.repository.js';

export function authRoutes(ctx: AppContext) {
  return async (fastify: FastifyInstance) => {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    const setCookie = (reply: FastifyReply, token: string) =>
      reply.setCookie(SESSION_COOKIE, token, {
        httpOnly: true,
        sameSite: 'strict',
        secure: ctx.config.secureCookies,
        path: '/',
        maxAge: ctx.config.sessionHours * 3600,
      });

    app.post(
      '/api/auth/login',
      {
        config: { public: true },
        schema: { tags: ['auth'], summary: '登录', body: LoginBody, response: { 200: UserEnvelope } },
      },
      async (request, reply) => {
        const { token, userId } = await login(ctx, { ...request.body, ip: request.ip });
        setCookie(reply, token);
        return { user: await presentUser(ctx, userId), today: ctx.clock.today() };
      },
    );

    app.post(
      '/api/auth/logout',
      {
        config: { public: true },
        schema: { tags: ['auth'], summary: '退出登录', response: { 200: OkResponse } },
      },
      async (request, reply) => {
        if (request.sessionToken) await deleteSession(ctx.db, request.sessionToken);
        reply.clearCookie(SESSION_COOKIE, { path: '/' });
        return { ok: true as const };
      },
    );

    app.get(
      '/api/auth/me',
      { schema: { tags: ['auth'], summary: '当前用户', response: { 200: UserEnvelope } } },
      async (request) => {
        const actor = requireActor(request);
        return { user: await presentUser(ctx, actor.userId), today: ctx.clock.today() };
      },
    );

    app.post(
      '/api/auth/password',
      {
        schema: {
          tags: ['auth'],
          summary: '修改密码',
          body: ChangePasswordBody,
          response: { 200: OkResponse },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        await changePassword(ctx, { userId: actor.userId, ...request.body, keepToken: request.sessionToken });
        return { ok: true as const };
      },
    );
  };
}

async function presentUser(ctx: AppContext, userId: number) {
  const user = await findUser(ctx.db, userId);
  if (!user) throw new AppError('unauthenticated', '请先登录');
  const { active: _active, ...rest } = user;
  return rest;
}
