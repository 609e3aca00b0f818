// An in-process app on a real database, with helpers to sign in and make users.
import type { Role } from '@paicha/core';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { DialectName } from '../db/database.js';
import { type Clock, fixedClock } from '../kernel/clock.js';
import { type Config, loadConfig } from '../kernel/config.js';
import type { AppContext } from '../kernel/context.js';
import { findUnitByName } from '../modules/units/units.repository.js';
import { createUser } from '../modules/users/users.service.js';
import { openRuntime } from '../runtime.js';
import { buildApp } from '../server.js';
import { createTestDatabase, type TestDatabase } from './databases.js';

export const ADMIN_PASSWORD = 'admin-test-password';

export interface TestApp {
  app: FastifyInstance;
  ctx: AppContext;
  clock: Clock & { set(iso: string): void };
  close(): Promise<void>;
  /** Signs in and returns the Cookie header value to send. */
  login(username: string, password: string): Promise<string>;
  /** Creates a user in the named unit (password = `${username}-password`) and signs them in. */
  userIn(
    unitName: string,
    role: Role,
    username?: string,
  ): Promise<{ id: number; username: string; cookie: string }>;
  request(
    method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
    url: string,
    cookie?: string,
    body?: unknown,
  ): Promise<LightMyRequestResponse>;
}

let counter = 0;

/** The configuration a test runs the app with on `database`: seeded admin, no web build. */
export function testConfig(database: TestDatabase): Config {
  return {
    ...loadConfig({ NODE_ENV: 'test' }),
    dataDir: database.dataDir,
    databaseUrl: database.databaseUrl,
    adminPassword: ADMIN_PASSWORD,
    webDist: '/nonexistent',
  };
}

export async function startTestApp(dialect: DialectName, opts: { now?: string } = {}): Promise<TestApp> {
  const database = await createTestDatabase(dialect);
  const config = testConfig(database);
  const clock = fixedClock(opts.now ?? '2019-12-20T02:00:00Z');
  const runtime = await openRuntime({ config, clock });
  const app = await buildApp(runtime.ctx);
  const request: TestApp['request'] = (method, url, cookie, body) =>
    app.inject({
      method,
      url,
      headers: cookie ? { cookie } : {},
      ...(body === undefined ? {} : { payload: body as object }),
    });
  const login = async (username: string, password: string) => {
    const res = await request('POST', '/api/auth/login', undefined, { username, password });
    if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
    const cookie = res.cookies.find((c) => c.name === 'paicha_session');
    return `paicha_session=${cookie?.value}`;
  };
  return {
    app,
    ctx: runtime.ctx,
    clock,
    request,
    login,
    async userIn(unitName, role, username = `u${++counter}_${role}`) {
      const unit = await findUnitByName(runtime.ctx.db, unitName);
      if (!unit) throw new Error(`no unit ${unitName}`);
      const password = `${username}-password`;
      const user = await createUser(runtime.ctx, null, {
        username,
        displayName: username,
        unitId: unit.id,
        role,
        password,
      });
      return { id: user.id, username, cookie: await login(username, password) };
    },
    async close() {
      await app.close();
      await runtime.close();
      await database.drop();
    },
  };
}
