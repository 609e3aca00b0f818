// Every route of the OpenAPI document × every role (and signed out) × the own / the other street's
// resource. The expected answer of each cell is derived from the policy (route table + core
// rules), never from the responses: signed out → 401 unless public; a role outside the rule →
// 403; another street's resource for a unit user → 404; otherwise the gate lets the call through.
// Unit users' answers are searched for the other street's texts: there must be none.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { mayTake, mayTakeOn, seesUnit } from '@paicha/core';
import type { LightMyRequestResponse } from 'fastify';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type AccessWorld,
  buildAccessWorld,
  CALLERS,
  type Caller,
  NEVER_FOR_UNITS,
  type Side,
} from '../test/access-world.js';
import { DIALECTS } from '../test/databases.js';
import { startTestApp, type TestApp } from '../test/harness.js';
import { type Operation, readOperations, sampleOf, toInject } from '../test/openapi.js';
import { actionOf } from '../test/route-rules.js';

type Expected = 'public' | 'unauthenticated' | 'forbidden' | 'hidden' | 'refused' | 'through';

/** Paths whose resource belongs to a unit (the one in the path, or the row's). */
const UNIT_RESOURCE =
  /\{unitId\}|^\/api\/(problems|files|inspections|households\/findings)\/\{id\}|^\/api\/households\/households\//;
const isUnitResource = (op: Operation) => UNIT_RESOURCE.test(op.path);
/** Body fields naming a unit: a unit user naming another street is refused (403 or 404). */
const namesUnit = (op: Operation) => Boolean(op.body?.properties?.unitId || op.body?.properties?.unitIds);
/** Only the uploader may discard an upload: anyone else gets the missing file's 404. */
const uploaderOnly = (op: Operation) => op.method === 'DELETE' && op.path === '/api/files/{id}';

function expectedOf(op: Operation, caller: Caller, side: Side, w: AccessWorld, officeUnit: number): Expected {
  const action = actionOf(op);
  if (action === null) return 'public';
  if (caller === 'anonymous') return 'unauthenticated';
  if (!mayTake(caller, action)) return 'forbidden';
  const subject = {
    role: caller,
    unitId: caller === 'reporter' || caller === 'unit_head' ? w.unit.own : officeUnit,
  };
  const unitId = w.unit[side];
  if (uploaderOnly(op) && caller !== 'reporter') return 'hidden';
  if (isUnitResource(op)) {
    if (!seesUnit(subject, unitId)) return 'hidden';
    if (!mayTakeOn(subject, action, unitId)) return 'forbidden';
  }
  if (namesUnit(op) && !mayTakeOn(subject, action, unitId)) return 'refused';
  return 'through';
}

function pathValue(op: Operation, name: string, side: Side, w: AccessWorld): string | number {
  const p = op.path;
  const byName: Record<string, () => string | number> = {
    unitId: () => w.unit[side],
    period: () => w.period,
    milestoneId: () => w.milestoneId,
    seq: () => 13,
    ruleId: () => 'income_below_line',
    date: () => '2020-03-02',
    householdId: () => w.household[side],
  };
  if (byName[name]) return byName[name]();
  const byPrefix: [string, () => string | number][] = [
    ['/api/campaigns/', () => w.campaignId],
    ['/api/problems/', () => w.problem[side]],
    ['/api/files/', () => w.file[side]],
    ['/api/inspections/', () => w.inspection[side]],
    ['/api/households/findings/', () => w.finding[side]],
    ['/api/units/', () => w.unit[side]],
    ['/api/users/', () => w.spareUserId],
    ['/api/supervision/circulars/', () => w.circularId],
    ['/api/households/uploads/', () => w.householdUploadId],
    ['/api/households/imports/', () => w.importId],
    ['/api/households/places/', () => w.placeId],
    ['/api/households/screenings/', () => w.screeningId],
    ['/api/households/rules/', () => 'income_below_line'],
  ];
  const found = byPrefix.find(([prefix]) => p.startsWith(prefix));
  // A new route with a path parameter needs a fixture here, or the matrix cannot cover it.
  if (!found) throw new Error(`no fixture for {${name}} in ${op.method} ${p}`);
  return found[1]();
}

/** A request that passes validation where it can, naming the side's unit wherever one is named. */
function requestOf(op: Operation, side: Side, w: AccessWorld) {
  const parts = { path: {} as Record<string, string>, query: {} as Record<string, string> };
  for (const p of op.params) {
    if (p.in === 'path') parts.path[p.name] = String(pathValue(op, p.name, side, w));
    else if (p.name === 'campaignId') parts.query[p.name] = String(w.campaignId);
    else if (p.name === 'unit') parts.query[p.name] = String(w.unit[side]);
    else if (p.required) parts.query[p.name] = String(sampleOf(p.schema, p.name));
  }
  if (!op.body) return parts;
  const body = sampleOf(op.body) as Record<string, unknown>;
  const props = op.body.properties ?? {};
  const set = (key: string, value: unknown) => {
    if (props[key]) body[key] = value;
  };
  set('campaignId', w.campaignId);
  set('unitId', w.unit[side]);
  set('unitIds', [w.unit[side]]);
  set('checkItem', 13);
  set('uploadId', w.importUploadId);
  return { ...parts, body };
}

/** The response as text; Office files are unzipped so their cells can be searched too. */
async function textOf(res: LightMyRequestResponse): Promise<string> {
  const type = String(res.headers['content-type'] ?? '');
  if (!type.includes('openxmlformats')) return res.body;
  const zip = await JSZip.loadAsync(res.rawPayload);
  const parts = await Promise.all(Object.values(zip.files).map((f) => f.async('string')));
  return parts.join('\n');
}

function matches(expected: Expected, res: LightMyRequestResponse): boolean {
  const code =
    res.statusCode >= 400 ? (JSON.parse(res.body) as { error?: { code?: string } }).error?.code : null;
  switch (expected) {
    case 'unauthenticated':
      return res.statusCode === 401 && code === 'unauthenticated';
    case 'forbidden':
      return res.statusCode === 403 && code === 'forbidden';
    case 'hidden':
      return res.statusCode === 404 && code === 'not_found';
    case 'refused':
      return res.statusCode === 403 || res.statusCode === 404;
    case 'public':
    case 'through':
      return code !== 'unauthenticated' && code !== 'forbidden' && code !== 'not_found';
  }
}

/** Reads first, then writes, deletions last and signing out at the very end. */
function order(op: Operation): number {
  if (op.path === '/api/auth/logout') return 4;
  return { GET: 0, POST: 1, PUT: 1, PATCH: 1, DELETE: 3 }[op.method];
}

describe.each(DIALECTS)('route × role matrix on %s', (dialect) => {
  let t: TestApp;
  let w: AccessWorld;
  let ops: Operation[];
  let officeUnit: number;
  const dir = mkdtempSync(path.join(tmpdir(), 'paicha-matrix-'));

  beforeAll(async () => {
    t = await startTestApp(dialect);
    w = await buildAccessWorld(t, dir);
    ops = (await readOperations(t)).sort((a, b) => order(a) - order(b));
    officeUnit = (
      await t.ctx.db.selectFrom('units').select('id').where('kind', '=', 'office').executeTakeFirstOrThrow()
    ).id;
  }, 120_000);
  afterAll(async () => {
    // An import and a screening the office started through the matrix finish before the database goes.
    for (let i = 0; i < 100; i++) {
      const busy = await Promise.all(
        (['screening_runs', 'household_imports'] as const).map((table) =>
          t.ctx.db.selectFrom(table).select('id').where('status', '=', 'running').execute(),
        ),
      );
      if (busy.every((rows) => rows.length === 0)) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers every cell as the policy says, with no other street data and no signed-out 2xx', async () => {
    expect(ops.length).toBeGreaterThan(90);
    const wrong: string[] = [];
    const leaks: string[] = [];
    const tally: Record<Expected, number> = {
      public: 0,
      unauthenticated: 0,
      forbidden: 0,
      hidden: 0,
      refused: 0,
      through: 0,
    };
    for (const op of ops) {
      const sides: Side[] =
        isUnitResource(op) || namesUnit(op) || op.params.some((p) => p.name === 'unit')
          ? ['other', 'own']
          : ['own'];
      for (const side of sides) {
        const parts = requestOf(op, side, w);
        for (const caller of CALLERS) {
          const expected = expectedOf(op, caller, side, w, officeUnit);
          tally[expected]++;
          const res = await t.app.inject(toInject(op, parts, w.cookies[caller]));
          const cell = `${op.method} ${op.path} ${caller} ${side}`;
          if (!matches(expected, res))
            wrong.push(`${cell}: expected ${expected}, got ${res.statusCode} ${res.body.slice(0, 120)}`);
          if (res.statusCode < 300 && (caller === 'reporter' || caller === 'unit_head')) {
            const text = await textOf(res);
            const seen = NEVER_FOR_UNITS.filter((m) => text.includes(m));
            if (seen.length) leaks.push(`${cell}: ${seen.join(', ')}`);
          }
        }
      }
    }
    expect(wrong).toEqual([]);
    expect(leaks).toEqual([]);
    expect(tally.unauthenticated).toBeGreaterThan(90);
  }, 180_000);
});
