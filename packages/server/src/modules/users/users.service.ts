import { AppError, type Role } from '@paicha/core';
import type { AppContext } from '../../http/context.js';
import { appendAudit } from '../audit/audit.repository.js';
import { hashPassword } from '../auth/passwords.js';
import { deleteUserSessions } from '../auth/sessions.repository.js';
import { findUnit } from '../units/units.repository.js';
import { findUser, insertUser, updateUser, usernameTaken } from './users.repository.js';
import type { CreateUserInput, UpdateUserInput } from './users.schema.js';

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

export async function editUser(ctx: AppContext, actorId: number, id: number, patch: UpdateUserInput) {
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
  if (!(await findUser(ctx.db, id))) throw new AppError('not_found', '用户不存在');
  const passwordHash = await hashPassword(password);
  const at = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    await updateUser(trx, id, { passwordHash, at });
    await deleteUserSessions(trx, id);
    await appendAudit(trx, ctx.dialect, {
      actorId,
      action: 'user.password_reset',
      entity: 'user',
      entityId: id,
      at,
    });
  });
}
