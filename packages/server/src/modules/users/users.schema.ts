import { ROLES, UNIT_KINDS } from '@paicha/core';
import { Id } from '@paicha/core/api/integers';
import { z } from 'zod';
import { PASSWORD_INPUT_MAX } from '../auth/passwords.js';

export const UserListItem = z.object({
  id: z.number(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  active: z.boolean(),
  email: z.string(),
  unit: z.object({ id: z.number(), name: z.string(), kind: z.enum(UNIT_KINDS) }),
});

// The policy (@paicha/core passwordProblem) is checked by the service, which knows the username.
const password = z.string().max(PASSWORD_INPUT_MAX);

export const CreateUserBody = z.object({
  username: z
    .string()
    .trim()
    .min(2, '用户名至少2个字符')
    .max(64)
    .regex(/^[A-Za-z0-9_.\-\u4e00-\u9fa5]+$/, '用户名只能包含字母、数字、汉字和 _ . -'),
  displayName: z.string().trim().max(40).default(''),
  unitId: Id,
  role: z.enum(ROLES),
  password,
  /** For reminder mail (optional). */
  email: z.union([z.literal(''), z.email('邮箱格式不正确')]).default(''),
});
export type CreateUserInput = z.input<typeof CreateUserBody> & { displayName: string };

export const UpdateUserBody = z.object({
  displayName: z.string().trim().max(40).optional(),
  unitId: Id.optional(),
  role: z.enum(ROLES).optional(),
  active: z.boolean().optional(),
  email: z.union([z.literal(''), z.email('邮箱格式不正确')]).optional(),
});
export type UpdateUserInput = z.infer<typeof UpdateUserBody>;

export const ResetPasswordBody = z.object({ password });

export const LoginLimitItem = z.object({
  userId: z.number(),
  username: z.string(),
  /** login: sign-ins from `ip`; password_change: changing the password while signed in. */
  kind: z.enum(['login', 'password_change']),
  ip: z.string().nullable(),
  failures: z.number(),
  /** No attempt is evaluated before this instant (ISO); each further failure waits longer. */
  until: z.string(),
});

export const UnlockResponse = z.object({ ok: z.literal(true), cleared: z.number() });
