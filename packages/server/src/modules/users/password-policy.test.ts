// The password policy (@paicha/core passwordProblem) wherever a password is set: the admin's API
// (create, reset), the user's own change, `paicha user add`, and the first admin's env password.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openRuntime } from '../../runtime.js';
import { createTestDatabase, DIALECTS } from '../../test/databases.js';
import { ADMIN_PASSWORD, startTestApp, type TestApp, testConfig } from '../../test/harness.js';

const SERVER_DIR = path.resolve(import.meta.dirname, '../../..');

const MESSAGES = {
  short: '密码至少需要10个字符',
  blank: '密码不能为空或全是空格',
  repeated: '密码不能由同一个字符重复组成',
  common: '密码过于常见，很容易被猜中，请换一个',
  username: '密码不能与用户名相同，也不能只是在用户名后加数字',
};

/** Weak passwords for a user named `username`, each with the rule it breaks. */
const weak = (username: string): [string, string][] => [
  ['aaaaaaaa', MESSAGES.short],
  ['12345678', MESSAGES.short],
  ['        ', MESSAGES.blank],
  [' '.repeat(12), MESSAGES.blank],
  ['x'.repeat(12), MESSAGES.repeated],
  ['1234567890', MESSAGES.common],
  ['Password123', MESSAGES.common],
  ['123456789a', MESSAGES.common],
  [username, MESSAGES.username],
  [`${username}2024`, MESSAGES.username],
];

describe.each(DIALECTS)('password policy on %s', (dialect) => {
  let t: TestApp;
  let admin: string;
  let zhongyun: number;
  beforeAll(async () => {
    t = await startTestApp(dialect);
    admin = await t.login('admin', ADMIN_PASSWORD);
    const units = (await t.request('GET', '/api/units', admin)).json() as { id: number; name: string }[];
    zhongyun = units.find((u) => u.name === '中云街道')?.id ?? 0;
  });
  afterAll(() => t.close());

  it('refuses each weak password when the office creates a user, with the rule in Chinese', async () => {
    const username = 'zhangsan-zy';
    for (const [password, message] of weak(username)) {
      const res = await t.request('POST', '/api/users', admin, {
        username,
        unitId: zhongyun,
        role: 'reporter',
        password,
      });
      expect(res.statusCode, JSON.stringify(password)).toBe(400);
      expect(res.json().error).toMatchObject({ code: 'validation_failed', message });
    }
    const users = await t.ctx.db
      .selectFrom('users')
      .select('username')
      .where('username', '=', username)
      .execute();
    expect(users).toHaveLength(0);
    const ok = await t.request('POST', '/api/users', admin, {
      username,
      unitId: zhongyun,
      role: 'reporter',
      password: 'Zy-reporter-2026',
    });
    expect(ok.statusCode).toBe(200);
  });

  it('refuses each weak password when the office resets one', async () => {
    const u = await t.userIn('猴嘴街道', 'reporter', 'lisi-houzui');
    for (const [password, message] of weak(u.username)) {
      const res = await t.request('POST', `/api/users/${u.id}/password`, admin, { password });
      expect(res.statusCode, JSON.stringify(password)).toBe(400);
      expect(res.json().error.message).toBe(message);
    }
    // Nothing was reset: the user's session and password still hold.
    expect((await t.request('GET', '/api/auth/me', u.cookie)).statusCode).toBe(200);
  });

  it('refuses each weak new password when a user changes their own, without costing a try', async () => {
    const u = await t.userIn('朝阳街道', 'reporter', 'wangwu-chaoyang');
    for (const [newPassword, message] of weak(u.username)) {
      const res = await t.request('POST', '/api/auth/password', u.cookie, {
        currentPassword: `${u.username}-password`,
        newPassword,
      });
      expect(res.statusCode, JSON.stringify(newPassword)).toBe(400);
      expect(res.json().error.message).toBe(message);
    }
    // Ten refusals above, yet the change still goes through: the policy is no guess at the password.
    const ok = await t.request('POST', '/api/auth/password', u.cookie, {
      currentPassword: `${u.username}-password`,
      newPassword: 'Chaoyang-2026-ok',
    });
    expect(ok.statusCode).toBe(200);
  });

  it('refuses a weak password in `paicha user add` with exit 2, and accepts a good one', async () => {
    const env = {
      ...process.env,
      PAICHA_DATA_DIR: t.ctx.config.dataDir,
      DATABASE_URL: t.ctx.config.databaseUrl ?? '',
    };
    const add = (username: string, password: string) =>
      new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
        const child = spawn(
          process.execPath,
          [
            '--import',
            'tsx',
            'src/cli.ts',
            'user',
            'add',
            '--username',
            username,
            '--unit',
            '中云街道',
            '--role',
            'reporter',
            '--password-stdin',
          ],
          { cwd: SERVER_DIR, env },
        );
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', (d) => {
          stdout += d;
        });
        child.stderr.on('data', (d) => {
          stderr += d;
        });
        child.on('error', reject);
        child.on('close', (code) => resolve({ code, stdout, stderr }));
        child.stdin.end(`${password}\n`);
      });
    // One after the other: two processes migrating and writing one SQLite file would wait on each other.
    const bad = await add('cli-weak', '123456789a');
    const good = await add('cli-user', 'Cli-user-pass-2026');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain(MESSAGES.common);
    expect(good.code, good.stderr).toBe(0);
    expect(good.stdout).toContain('已创建用户 cli-user');
    // Each process loads the whole server through tsx: slow on a busy machine.
  }, 120_000);

  it('refuses to create the first admin with a weak PAICHA_ADMIN_PASSWORD', async () => {
    const database = await createTestDatabase(dialect);
    try {
      const config = { ...testConfig(database), adminPassword: 'Admin20242024' };
      await expect(openRuntime({ config })).rejects.toThrow(
        `PAICHA_ADMIN_PASSWORD 不符合密码要求：${MESSAGES.username}`,
      );
    } finally {
      await database.drop();
    }
  });
});
