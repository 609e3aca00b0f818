import { ROLES, UNIT_KINDS } from '@paicha/core';
import { z } from 'zod';
import { PASSWORD_INPUT_MAX } from './passwords.js';

export const LoginBody = z.object({
  username: z.string().trim().min(1, '请输入用户名').max(64),
  password: z.string().min(1, '请输入密码').max(PASSWORD_INPUT_MAX),
});
export type LoginBody = z.infer<typeof LoginBody>;

export const ChangePasswordBody = z.object({
  currentPassword: z.string().min(1, '请输入当前密码').max(PASSWORD_INPUT_MAX),
  // The policy itself (length, common, username) is checked by the service with the user known.
  newPassword: z.string().max(PASSWORD_INPUT_MAX),
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
