// Accounts and the sign-in limiter's hold on them (/api/users, the admin's pages).
import { z } from 'zod';
import { UNIT_KINDS } from '../plan/units.js';
import { ROLES } from '../roles.js';
import { PASSWORD_INPUT_MAX } from './auth.js';
import { Id } from './integers.js';

/** A row of the admin's user list. */
export const UserListItem = z.object({
  id: z.number(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  active: z.boolean(),
  /** For reminder mail; empty when not given. */
  email: z.string(),
  unit: z.object({ id: z.number(), name: z.string(), kind: z.enum(UNIT_KINDS) }),
});
export type User = z.infer<typeof UserListItem>;

// The policy (passwordProblem) is checked by the service, which knows the username.
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
/** What a client sends to create an account. */
export type NewUser = z.input<typeof CreateUserBody>;
/** As the service takes it: the display name filled in (the CLI passes its own). */
export type CreateUserInput = NewUser & { displayName: string };

export const UpdateUserBody = z.object({
  displayName: z.string().trim().max(40).optional(),
  unitId: Id.optional(),
  role: z.enum(ROLES).optional(),
  active: z.boolean().optional(),
  email: z.union([z.literal(''), z.email('邮箱格式不正确')]).optional(),
});
export type UserChanges = z.infer<typeof UpdateUserBody>;

export const ResetPasswordBody = z.object({ password });

/** A user the login or password-change limiter is slowing down. */
export const LoginLimitItem = z.object({
  userId: z.number(),
  username: z.string(),
  /** login: sign-ins from `ip`; password_change: changing the password while signed in. */
  kind: z.enum(['login', 'password_change']),
  /** The client address the failures came from (login only). */
  ip: z.string().nullable(),
  failures: z.number(),
  /** No attempt is evaluated before this instant (ISO); each further failure waits longer. */
  until: z.string(),
});
export type LoginLimit = z.infer<typeof LoginLimitItem>;

export const UnlockResponse = z.object({ ok: z.literal(true), cleared: z.number() });
export type UnlockResult = z.infer<typeof UnlockResponse>;
