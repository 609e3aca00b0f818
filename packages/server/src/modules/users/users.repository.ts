import type { Role, UnitKind } from '@paicha/core';
import type { Executor } from '../../db/transaction.js';

export interface UserView {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  active: boolean;
  email: string;
  unit: { id: number; name: string; kind: UnitKind };
}

function baseQuery(db: Executor) {
  return db
    .selectFrom('users as u')
    .innerJoin('units as n', 'n.id', 'u.unit_id')
    .select([
      'u.id',
      'u.username',
      'u.display_name as displayName',
      'u.role',
      'u.active',
      'u.email',
      'n.id as unitId',
      'n.name as unitName',
      'n.kind as unitKind',
    ]);
}

type Row = Awaited<ReturnType<ReturnType<typeof baseQuery>['executeTakeFirstOrThrow']>>;

function present(r: Row): UserView {
  return {
    id: r.id,
    username: r.username,
    displayName: r.displayName,
    role: r.role,
    active: r.active === 1,
    email: r.email,
    unit: { id: r.unitId, name: r.unitName, kind: r.unitKind },
  };
}

export async function listUsers(db: Executor): Promise<UserView[]> {
  const rows = await baseQuery(db).orderBy('n.sort_order').orderBy('u.username').execute();
  return rows.map(present);
}

export async function findUser(db: Executor, id: number): Promise<UserView | undefined> {
  const row = await baseQuery(db).where('u.id', '=', id).executeTakeFirst();
  return row && present(row);
}

export function findCredentials(db: Executor, username: string) {
  return db
    .selectFrom('users')
    .select(['id', 'password_hash', 'active'])
    .where('username', '=', username)
    .executeTakeFirst();
}

export function findPasswordHash(db: Executor, id: number) {
  return db.selectFrom('users').select(['username', 'password_hash']).where('id', '=', id).executeTakeFirst();
}

export async function usernameTaken(db: Executor, username: string): Promise<boolean> {
  const row = await db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirst();
  return row !== undefined;
}

export async function insertUser(
  db: Executor,
  u: {
    username: string;
    displayName: string;
    unitId: number;
    role: Role;
    passwordHash: string;
    at: string;
    email?: string;
  },
): Promise<number> {
  const row = await db
    .insertInto('users')
    .values({
      username: u.username,
      display_name: u.displayName,
      unit_id: u.unitId,
      role: u.role,
      password_hash: u.passwordHash,
      email: u.email ?? '',
      active: 1,
      created_at: u.at,
      updated_at: u.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateUser(
  db: Executor,
  id: number,
  patch: {
    displayName?: string;
    unitId?: number;
    role?: Role;
    active?: boolean;
    passwordHash?: string;
    email?: string;
    at: string;
  },
) {
  await db
    .updateTable('users')
    .set({
      updated_at: patch.at,
      ...(patch.displayName === undefined ? {} : { display_name: patch.displayName }),
      ...(patch.unitId === undefined ? {} : { unit_id: patch.unitId }),
      ...(patch.role === undefined ? {} : { role: patch.role }),
      ...(patch.active === undefined ? {} : { active: patch.active ? 1 : 0 }),
      ...(patch.passwordHash === undefined ? {} : { password_hash: patch.passwordHash }),
      ...(patch.email === undefined ? {} : { email: patch.email }),
    })
    .where('id', '=', id)
    .execute();
}

/** The mail addresses of the units' active users who have one. */
export function mailRecipientsOf(db: Executor, unitIds: number[]) {
  return db
    .selectFrom('users')
    .select(['unit_id as unitId', 'email'])
    .where('unit_id', 'in', unitIds)
    .where('active', '=', 1)
    .where('email', '<>', '')
    .execute();
}
