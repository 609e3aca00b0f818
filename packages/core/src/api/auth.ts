// Sign-in, the signed-in user and password change (/api/auth/*).
import { z } from 'zod';
import { UNIT_KINDS } from '../plan/units.js';
import { ROLES } from '../roles.js';

/** Longest password body accepted at the edge, in UTF-16 units: room for 256 characters of any script. */
export const PASSWORD_INPUT_MAX = 1024;

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
export type ChangePasswordBody = z.infer<typeof ChangePasswordBody>;

/** The signed-in user as /api/auth/login and /api/auth/me return it. */
export const UserResponse = z.object({
  id: z.number(),
  username: z.string(),
  /** May be empty: an account may go without a display name. */
  displayName: z.string(),
  role: z.enum(ROLES),
  unit: z.object({ id: z.number(), name: z.string(), kind: z.enum(UNIT_KINDS) }),
});
export type SessionUser = z.infer<typeof UserResponse>;

export const UserEnvelope = z.object({
  user: UserResponse,
  /**
   * The server's today (YYYY-MM-DD, China): every date a form fills in by default and every
   * "not later than today" check in the browser use it, not the PC's clock — the server may run
   * on a pinned rehearsal clock (PAICHA_FIXED_TIME), and a PC's clock may simply be wrong.
   */
  today: z.string(),
});
export type UserEnvelope = z.infer<typeof UserEnvelope>;
