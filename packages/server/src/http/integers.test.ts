// Every integer a request carries (path, query, body, array items) is bounded to the `integer`
// column range: PostgreSQL answered 500 for 2^31 in 136 of 266 integer parameters, SQLite 404.

import { INT_MAX, INT_MIN } from '@paicha/core/api/integers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../test/databases.js';
import { ADMIN_PASSWORD, startTestApp, type TestApp } from '../test/harness.js';
import {
  baseRequest,
  integerSlots,
  type Operation,
  readOperations,
  type Slot,
  setAt,
  toInject,
} from '../test/openapi.js';
import { problemBody } from '../test/problems.js';
import { firstAllowed } from '../test/route-rules.js';

function withValue(op: Operation, slot: Slot, value: number) {
  const parts = baseRequest(op);
  if (slot.in === 'body') parts.body = setAt(parts.body, slot.at, value);
  else parts[slot.in][slot.name] = String(value);
  return parts;
}

const label = (op: Operation, slot: Slot) =>
  `${op.method} ${op.path} ${slot.in === 'body' ? `body.${slot.at.join('.')}` : `${slot.in}.${slot.name}`}`;

describe.each(DIALECTS)('integer parameters on %s', (dialect) => {
  let t: TestApp;
  let ops: Operation[];
  /** The office, or a unit head where the route is a unit's step (the gate refuses the office). */
  const cookies: Record<'admin' | 'unit_head', string> = { admin: '', unit_head: '' };
  const callerOf = (op: Operation) => cookies[firstAllowed(op, ['admin', 'unit_head'])];
  beforeAll(async () => {
    t = await startTestApp(dialect);
    cookies.admin = await t.login('admin', ADMIN_PASSWORD);
    cookies.unit_head = (await t.userIn('中云街道', 'unit_head')).cookie;
    ops = await readOperations(t);
  });
  afterAll(() => t.close());

  it('declares every request integer within the column range', () => {
    const slots = ops.flatMap((op) => integerSlots(op).map((slot) => ({ op, slot })));
    expect(slots.length).toBeGreaterThan(100);
    const schemaOf = ({ op, slot }: (typeof slots)[number]) => {
      if (slot.in !== 'body') return op.params.find((p) => p.in === slot.in && p.name === slot.name)?.schema;
      let s = op.body ?? undefined;
      for (const key of slot.at) s = typeof key === 'number' ? s?.items : s?.properties?.[key];
      return s?.anyOf?.find((a) => a.type === 'integer') ?? s;
    };
    const unbounded = slots
      .filter((x) => {
        const s = schemaOf(x);
        return !(s && (s.maximum ?? Infinity) <= INT_MAX && (s.minimum ?? -Infinity) >= INT_MIN);
      })
      .map((x) => label(x.op, x.slot));
    expect(unbounded).toEqual([]);
  });

  it('answers 400 validation_failed for integers beyond the column range, never 500', async () => {
    const wrong: string[] = [];
    let probes = 0;
    for (const op of ops) {
      for (const slot of integerSlots(op)) {
        for (const value of [INT_MAX + 1, INT_MIN - 1, 2 ** 53]) {
          probes++;
          const res = await t.app.inject(toInject(op, withValue(op, slot, value), callerOf(op)));
          const code = res.statusCode === 400 ? res.json().error?.code : undefined;
          if (code !== 'validation_failed') wrong.push(`${label(op, slot)}=${value} → ${res.statusCode}`);
        }
      }
    }
    expect(probes).toBeGreaterThan(300);
    expect(wrong).toEqual([]);
  });

  it('treats the largest in-range id as a row that does not exist, not as an error', async () => {
    const failed: string[] = [];
    for (const op of ops) {
      for (const slot of integerSlots(op)) {
        const res = await t.app.inject(toInject(op, withValue(op, slot, INT_MAX), callerOf(op)));
        if (res.statusCode >= 500)
          failed.push(`${label(op, slot)}=${INT_MAX} → ${res.statusCode} ${res.body}`);
      }
    }
    expect(failed).toEqual([]);
  });

  it('refuses a version at the column maximum: the write would store one more (PostgreSQL: 500)', async () => {
    const reporter = await t.userIn('中云街道', 'reporter');
    const campaignId = (await t.request('GET', '/api/campaigns', cookies.admin)).json()[0].id;
    const filed = await t.request('POST', '/api/problems', reporter.cookie, problemBody(campaignId));
    const url = `/api/problems/${filed.json().problem.id}`;
    const atMax = await t.request('PATCH', url, reporter.cookie, { version: INT_MAX, place: '某组' });
    expect(atMax.statusCode).toBe(400);
    expect(atMax.json().error.code).toBe('validation_failed');
    const stale = await t.request('PATCH', url, reporter.cookie, { version: INT_MAX - 1, place: '某组' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('version_conflict');
  });
});
