import { AppError, type Role } from '@paicha/core';
import type { CreateUserInput, UserChanges } from '@paicha/core/api/users';
import type { AppContext } from '../../kernel/context.js';
import { appendAudit } from '../audit/audit.repository.js';
import { delayedCounters } from '../auth/limiter.js';
import { deleteUserCounters } from '../auth/login-limits.repository.js';
import { assertPasswordPolicy, hashPassword } from '../auth/passwords.js';
import { deleteUserSessions } from '../auth/sessions.repository.js';
import { findUnit } from '../units/units.repository.js';
import { findUser, insertUser, listUsers, updateUser, usernameTaken } from './users.repository.js';

/** Admin and leader accounts belong to the office; everyone else belongs to a street or department. */
async function checkRoleFitsUnit(ctx: AppContext, role: Role, unitId: number) {
  const unit = await findUnit(ctx.db, unitId);
  if (!unit) throw new AppError('validation_failed', '所选单位不存在');
  if ((role === 'admin' || role === 'leader' || role === 'inspector') && unit.kind !== 'office') {
    throw new AppError('validation_failed', '管理员、区领导和督查人员应属于领导小组办公室');
  }
  if ((role === 'unit_head' || role === 'reporter') && unit.kind === 'office') {
    throw new AppError('validation_failed', '单位负责人和填报人应属于街道或部门');
  }
}

/** actorId is null when the CLI creates the user. */
export async function createUser(ctx: AppContext, actorId: number | null, input: CreateUserInput) {
  await checkRoleFitsUnit(ctx, input.role, input.unitId);
  assertPasswordPolicy(input.password, input.username);
  const passwordHash = await hashPassword(input.password);
  const at = ctx.clock.now().toISOString();
  const id = await ctx.db.transaction().execute(async (trx) => {
    if (await usernameTaken(trx, input.username))
      throw new AppError('conflict', `用户名“${input.username}”已被使用`);
    const id = await insertUser(trx, { ...input, passwordHash, at });
    await appendAudit(trx, ctx.dialect, {
      actorId,
      action: 'user.create',
      entity: 'user',
      entityId: id,
      detail: { username: input.username, unitId: input.unitId, role: input.role },
      at,
    });
    return id;
  });
  return (await findUser(ctx.db, id)) as NonNullable<Awaited<ReturnType<typeof findUser>>>;
}

export async function editUser(ctx: AppContext, actorId: number, id: number, patch: UserChanges) {
  const before = await findUser(ctx.db, id);
  if (!before) throw new AppError('not_found', '用户不存在');
  if (id === actorId && (patch.active === false || (patch.role && patch.role !== 'admin'))) {
    throw new AppError('conflict', '不能停用自己或取消自己的管理员身份');
  }
  await checkRoleFitsUnit(ctx, patch.role ?? before.role, patch.unitId ?? before.unit.id);
  const at = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    await updateUser(trx, id, { ...patch, at });
    // A disabled user or one moved to another unit must not keep acting with old rights.
    if (patch.active === false || patch.unitId !== undefined || patch.role !== undefined)
      await deleteUserSessions(trx, id);
    await appendAudit(trx, ctx.dialect, {
      actorId,
      action: 'user.update',
      entity: 'user',
      entityId: id,
      detail: { patch },
      at,
    });
  });
  return (await findUser(ctx.db, id)) ?? before;
}

export async function resetPassword(ctx: AppContext, actorId: number | null, id: number, password: string) {
  const user = await findUser(ctx.db, id);
  if (!user) throw new AppError('not_found', '用户不存在');
  assertPasswordPolicy(password, user.username);
  const passwordHash = await hashPassword(password);
  const at = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    await updateUser(trx, id, { passwordHash, at });
    await deleteUserSessions(trx, id);
    // The office hands the user a new password: old failed guesses no longer slow them down.
    await deleteUserCounters(trx, user.username, id);
    await appendAudit(trx, ctx.dialect, {
      actorId,
      action: 'user.password_reset',
      entity: 'user',
      entityId: id,
      at,
    });
  });
}

/** Who is being slowed down by the login or password-change limiter, and from where. */
export async function loginLimits(ctx: AppContext) {
  const rows = await delayedCounters(ctx);
  const users = await listUsers(ctx.db);
  const byName = new Map(users.map((u) => [u.username, u]));
  const byId = new Map(users.map((u) => [String(u.id), u]));
  return rows.flatMap((r) => {
    const user = r.scope === 'pair' ? byName.get(r.subject) : byId.get(r.subject);
    // Guesses at usernames that do not exist slow nobody down; the office need not see them.
    if (!user) return [];
    return [
      {
        userId: user.id,
        username: user.username,
        kind: r.scope === 'pair' ? ('login' as const) : ('password_change' as const),
        ip: r.ip || null,
        failures: r.failures,
        until: r.nextAt,
      },
    ];
  });
}

/** The office's unlock (actorId null: from the CLI): clears every delay on the user's logins (from any address) and password changes. */
export async function unlockUser(ctx: AppContext, actorId: number | null, id: number) {
  const user = await findUser(ctx.db, id);
  if (!user) throw new AppError('not_found', '用户不存在');
  const at = ctx.clock.now().toISOString();
  return ctx.db.transaction().execute(async (trx) => {
    const cleared = await deleteUserCounters(trx, user.username, id);
    await appendAudit(trx, ctx.dialect, {
      actorId,
      action: 'user.unlock',
      entity: 'user',
      entityId: id,
      detail: { username: user.username, cleared },
      at,
    });
    return { cleared };
  });
}
