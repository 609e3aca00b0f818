import { AppError } from '@paicha/core';
import type { AppContext } from '../../kernel/context.js';
import { appendAudit } from '../audit/audit.repository.js';
import { findCredentials, findPasswordHash, updateUser } from '../users/users.repository.js';
import { admitLogin, admitPasswordChange, loginSucceeded, passwordChangeSucceeded } from './limiter.js';
import { recordAttempt } from './login-attempts.repository.js';
import { assertPasswordPolicy, hashPassword, verifyPassword } from './passwords.js';
import { deleteUserSessions, insertSession, newSessionToken } from './sessions.repository.js';

// Verifying against a fixed hash when the user doesn't exist keeps the response time the same,
// so timing does not tell which usernames exist.
let dummyHash: Promise<string> | null = null;

export async function login(ctx: AppContext, input: { username: string; password: string; ip: string }) {
  // Counted before the password is checked, so parallel guesses cannot all slip through.
  await admitLogin(ctx, input.username, input.ip);
  const now = ctx.clock.now();
  const user = await findCredentials(ctx.db, input.username);
  dummyHash ??= hashPassword('paicha-dummy-password');
  const ok = await verifyPassword(user?.password_hash ?? (await dummyHash), input.password);
  const success = ok && user !== undefined && user.active === 1;
  await recordAttempt(ctx.db, { username: input.username, ip: input.ip, at: now, success });
  if (!success || !user) throw new AppError('invalid_credentials', '用户名或密码不正确');
  await loginSucceeded(ctx, input.username, input.ip);

  const token = newSessionToken();
  await ctx.db.transaction().execute(async (trx) => {
    await insertSession(trx, { token, userId: user.id, now, hours: ctx.config.sessionHours });
    await appendAudit(trx, ctx.dialect, {
      actorId: user.id,
      action: 'auth.login',
      entity: 'user',
      entityId: user.id,
      detail: { ip: input.ip },
      at: now.toISOString(),
    });
  });
  return { token, userId: user.id };
}

export async function changePassword(
  ctx: AppContext,
  input: { userId: number; currentPassword: string; newPassword: string; keepToken: string | null },
) {
  const row = await findPasswordHash(ctx.db, input.userId);
  if (!row) throw new AppError('unauthenticated', '请先登录');
  // The policy says nothing about the current password, so a refusal here costs no attempt.
  assertPasswordPolicy(input.newPassword, row.username);
  await admitPasswordChange(ctx, input.userId);
  if (!(await verifyPassword(row.password_hash, input.currentPassword))) {
    throw new AppError('invalid_credentials', '当前密码不正确');
  }
  await passwordChangeSucceeded(ctx, input.userId);
  const passwordHash = await hashPassword(input.newPassword);
  const at = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    await updateUser(trx, input.userId, { passwordHash, at });
    // Other devices signed in with the old password are signed out.
    await deleteUserSessions(trx, input.userId, input.keepToken ?? undefined);
    await appendAudit(trx, ctx.dialect, {
      actorId: input.userId,
      action: 'auth.password_changed',
      entity: 'user',
      entityId: input.userId,
      at,
    });
  });
}
