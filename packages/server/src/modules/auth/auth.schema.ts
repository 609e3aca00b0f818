import { ROLES, UNIT_KINDS } from '@paicha/core';
import { z } from 'zod';
import { MIN_PASSWORD_LENGTH } from './passwords.js';

export const LoginBody = z.object({
  username: z.string().trim().min(1, '请输入用户名').max(64),
  password: z.string().min(1, '请输入密码').max(256),
});
export type LoginBody = z.infer<typeof LoginBody>;

export const ChangePasswordBody = z.object({
  currentPassword: z.string().min(1).max(256),
  newPassword: z.string().min(MIN_PASSWORD_LENGTH, `新密码至少${MIN_PASSWORD_LENGTH}位`).max(256),
});

export const UserResponse = z.object({
  id: z.number(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  unit: z.object({ id: z.number(), name: z.string(), kind: z.enum(UNIT_KINDS) }),
});

export const UserEnvelope = z.object({ user: UserResponse });

export const OkResponse = z.object({ ok: z.literal(true) });
