// Every route of the OpenAPI document, signed in as the office's admin and as a street's
// unit head (who may take every unit step the route gate lets a street take, 报送 included),
// gets generated requests (fast-check, fixed seed, bounded runs): no answer may be a
// 5xx, and every error must be the JSON {"error":{"code","message"}} a clerk's screen can show.
import type { Role } from '@paicha/core';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../test/databases.js';
import { fileArb, requestArb } from '../test/fuzz-requests.js';
import { ADMIN_PASSWORD, startTestApp, type TestApp } from '../test/harness.js';
import { type Operation, type RequestParts, readOperations, toInject } from '../test/openapi.js';
import { problemBody } from '../test/problems.js';

// Fixed, so `npm test` is deterministic; FUZZ_SEED / FUZZ_RUNS explore further by hand.
const SEED = Number(process.env.FUZZ_SEED ?? 20_261_203);
/** Requests per route and signed-in user; with ~100 routes about 4,000 requests per database. */
const RUNS = Number(process.env.FUZZ_RUNS ?? 20);
const STREET = '中云街道';

interface Actor {
  name: string;
  username: string;
  password: string;
  cookie: string;
}

describe.each(DIALECTS)('API fuzz on %s', (dialect) => {
  let t: TestApp;
  let ops: Operation[];
  let actors: Actor[];
  let files: ReturnType<typeof fileArb>;
  let saved: { id: number; active: number; role: Role; unit_id: number; password_hash: string }[];
  let address = 0;

  // A fresh address per sign-in keeps the login limiter (which fuzzed logins feed) out of the way.
  const signIn = async (a: Actor) => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      remoteAddress: `10.77.${Math.floor(++address / 250)}.${address % 250}`,
      payload: { username: a.username, password: a.password },
    });
    if (res.statusCode !== 200)
      throw new Error(`sign-in of ${a.username} failed: ${res.statusCode} ${res.body}`);
    a.cookie = `paicha_session=${res.cookies.find((c) => c.name === 'paicha_session')?.value}`;
  };

  // Fuzzed requests may sign the actor out, deactivate them or reset their password; undo that
  // between routes so every route is tried by a signed-in user.
  const restoreActors = async () => {
    for (const row of saved) {
      const { id, ...values } = row;
      await t.ctx.db.updateTable('users').set(values).where('id', '=', id).execute();
    }
    for (const a of actors) {
      if ((await t.request('GET', '/api/auth/me', a.cookie)).statusCode !== 200) await signIn(a);
    }
  };

  beforeAll(async () => {
    t = await startTestApp(dialect);
    const admin: Actor = { name: 'admin', username: 'admin', password: ADMIN_PASSWORD, cookie: '' };
    const reporter = await t.userIn(STREET, 'unit_head');
    const street: Actor = {
      name: 'unit_head',
      username: reporter.username,
      password: `${reporter.username}-password`,
      cookie: reporter.cookie,
    };
    actors = [admin, street];
    await signIn(admin);
    saved = await t.ctx.db
      .selectFrom('users')
      .select(['id', 'active', 'role', 'unit_id', 'password_hash'])
      .where('username', 'in', [admin.username, street.username])
      .execute();
    // Real rows behind the sample ids, so fuzzed fields meet loaded records, not only 404s.
    const campaignId = (await t.request('GET', '/api/campaigns', admin.cookie)).json()[0].id;
    const filed = await t.request('POST', '/api/problems', street.cookie, problemBody(campaignId));
    expect(filed.statusCode).toBe(200);
    const template = await t.request('GET', '/api/problems/import-template', admin.cookie);
    expect(template.statusCode).toBe(200);
    files = fileArb([template.rawPayload]);
    ops = await readOperations(t);
  });

  afterAll(async () => {
    // A fuzzed POST /api/households/screenings runs in the background: let it end before the
    // database goes away.
    for (let i = 0; i < 600; i++) {
      const running = await t.ctx.db
        .selectFrom('screening_runs')
        .select('id')
        .where('status', '=', 'running')
        .execute();
      if (running.length === 0) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    await t.close();
  });

  it('answers every generated request below 500, errors as JSON {error:{code,message}}', async () => {
    expect(ops.length).toBeGreaterThan(90);
    const failures: string[] = [];
    let sent = 0;
    for (const [i, op] of ops.entries()) {
      // A route without parameters gets the same GET every time: send each distinct request once.
      const generated = fc.sample(requestArb(op, files), { seed: SEED + i, numRuns: RUNS });
      const samples = [...new Map(generated.map((p) => [keyOf(p), p])).values()];
      for (const actor of actors) {
        await restoreActors();
        for (const parts of samples) {
          let req = toInject(op, parts, actor.cookie);
          let res = await t.app.inject(req);
          sent++;
          if (res.statusCode === 401 && res.body.includes('"unauthenticated"')) {
            // An earlier request of this route signed the actor out (logout, password reset,
            // deactivation): sign back in and send it again, so the route is still tried.
            await restoreActors();
            req = toInject(op, parts, actor.cookie);
            res = await t.app.inject(req);
            sent++;
          }
          const problem = checkAnswer(res.statusCode, res.headers['content-type'], res.body);
          if (problem) {
            const shown = typeof req.payload === 'string' ? req.payload.slice(0, 200) : '(binary)';
            failures.push(
              `${actor.name} ${op.method} ${String(req.url).slice(0, 160)} ${shown} → ${problem}`,
            );
          }
        }
      }
    }
    // Most routes take parameters or a body, so most generated requests are distinct.
    expect(sent).toBeGreaterThan((ops.length * actors.length * RUNS) / 2);
    expect(failures).toEqual([]);
  }, 240_000);
});

function keyOf(parts: RequestParts): string {
  const raw = parts.raw && { ...parts.raw, payload: parts.raw.payload.toString('base64') };
  return JSON.stringify({ ...parts, raw });
}

/** What is wrong with an answer, or null. */
function checkAnswer(status: number, contentType: unknown, body: string): string | null {
  if (status >= 500) return `${status} ${body.slice(0, 300)}`;
  if (status < 400) return null;
  if (!String(contentType).startsWith('application/json')) return `${status} with ${String(contentType)}`;
  try {
    const parsed = JSON.parse(body) as { error?: { code?: unknown; message?: unknown } };
    if (typeof parsed.error?.code === 'string' && typeof parsed.error.message === 'string') return null;
  } catch {
    // reported below
  }
  return `${status} body not {"error":{"code","message"}}: ${body.slice(0, 200)}`;
}
