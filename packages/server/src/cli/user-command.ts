import { text } from 'node:stream/consumers';
import { parseArgs } from 'node:util';
import { AppError, ROLES, type Role } from '@paicha/core';
import { CreateUserBody } from '@paicha/core/api/users';
import type { Config } from '../kernel/config.js';
import { findUnitByName } from '../modules/units/units.repository.js';
import { listUsers } from '../modules/users/users.repository.js';
import { createUser, unlockUser } from '../modules/users/users.service.js';
import { openRuntime } from '../runtime.js';

/** `config` lets tests run a subcommand in-process; the CLI reads the environment. */
export async function userCommand(args: string[], config?: Config): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === 'add') return addUser(rest);
  if (sub === 'list') return listAll(rest);
  if (sub === 'unlock') return unlock(rest, config);
  throw new AppError('bad_request', `未知的 user 子命令：${sub ?? '(空)'}，可用：add, list, unlock`);
}

/**
 * The office's unlock from the server's console: for when the one being slowed down is the admin
 * (the web's 解除限制 needs an admin signed in). Audited with no actor, like other CLI changes.
 */
async function unlock(args: string[], config?: Config): Promise<number> {
  const { values } = parseArgs({ args, options: { username: { type: 'string' } } });
  if (!values.username) throw new AppError('bad_request', '需要 --username');
  const runtime = await openRuntime(config ? { config } : {});
  try {
    const user = (await listUsers(runtime.ctx.db)).find((u) => u.username === values.username);
    if (!user) throw new AppError('not_found', `用户“${values.username}”不存在`);
    const { cleared } = await unlockUser(runtime.ctx, null, user.id);
    console.log(`已解除用户 ${user.username} 的登录限制（清除 ${cleared} 条计数）`);
    return 0;
  } finally {
    await runtime.close();
  }
}

async function addUser(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      username: { type: 'string' },
      unit: { type: 'string' },
      role: { type: 'string' },
      'display-name': { type: 'string' },
      'password-stdin': { type: 'boolean' },
    },
  });
  if (!values.username || !values.unit || !values.role)
    throw new AppError('bad_request', '需要 --username、--unit 和 --role');
  if (!ROLES.includes(values.role as Role))
    throw new AppError('bad_request', `角色应为：${ROLES.join(' | ')}`);
  if (!values['password-stdin'])
    throw new AppError('bad_request', '请用 --password-stdin 从标准输入提供密码（不要写在命令行上）');
  const password = (await text(process.stdin)).replace(/\r?\n$/, '');
  const runtime = await openRuntime();
  try {
    const unit = await findUnitByName(runtime.ctx.db, values.unit);
    if (!unit) throw new AppError('not_found', `单位“${values.unit}”不存在`);
    const parsed = CreateUserBody.safeParse({
      username: values.username,
      displayName: values['display-name'] ?? '',
      unitId: unit.id,
      role: values.role,
      password,
    });
    if (!parsed.success)
      throw new AppError('validation_failed', parsed.error.issues.map((i) => i.message).join('；'));
    const user = await createUser(runtime.ctx, null, parsed.data);
    console.log(`已创建用户 ${user.username}（${user.unit.name}，${user.role}）`);
    return 0;
  } finally {
    await runtime.close();
  }
}

async function listAll(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { json: { type: 'boolean' } } });
  const runtime = await openRuntime();
  try {
    const users = await listUsers(runtime.ctx.db);
    if (values.json) console.log(JSON.stringify(users, null, 2));
    else
      for (const u of users)
        console.log(
          `${u.username}\t${u.unit.name}\t${u.role}\t${u.active ? '启用' : '停用'}\t${u.displayName}`,
        );
    return 0;
  } finally {
    await runtime.close();
  }
}
