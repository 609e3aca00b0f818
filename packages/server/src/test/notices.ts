// The hand-off notice tests' world (notifications/*-notices.test.ts): the office, two streets'
// reporters and a unit head signed in, and the notices each step adds, oldest first.
import { afterAll, beforeAll, expect } from 'vitest';
import type { DialectName } from '../db/database.js';
import { tinyPng, upload } from './files.js';
import { ADMIN_PASSWORD, startTestApp, type TestApp } from './harness.js';
import { problemBody, recordProblem } from './problems.js';
import { ids } from './reports.js';

export interface Note {
  id: number;
  unitId: number;
  kind: string;
  entity: string;
  entityId: number | null;
  title: string;
  body: string;
  link: string;
  readAt: string | null;
  resolved: string | null;
}

type Cookie = { cookie: string };

/** A request that must answer 200, and its JSON (loosely typed, as the tests read it). */
async function answer(
  t: TestApp,
  method: Parameters<TestApp['request']>[0],
  url: string,
  cookie: string,
  body?: unknown,
) {
  const res = await t.request(method, url, cookie, body);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

export interface NoticeWorld {
  t: TestApp;
  admin: string;
  zy: Cookie;
  zyHead: Cookie;
  hz: Cookie;
  campaignId: number;
  zyId: number;
  hzId: number;
  officeId: number;
  unitOf: (name: string) => number;
  list(cookie: string, query?: string): Promise<{ items: Note[]; unread: number; total: number }>;
  /** The notices written since the last call, for every unit, in the order written. */
  added(): Promise<Note[]>;
  /** A request that must answer 200; its JSON. */
  ok(
    method: Parameters<TestApp['request']>[0],
    url: string,
    cookie: string,
    body?: unknown,
  ): ReturnType<typeof answer>;
  /** An uploaded photo of 中云街道's, for evidence. */
  evidence(): Promise<number>;
  /** A problem of 中云街道 with a progress entry and its evidence: ready to apply for 销号. */
  rectified(): Promise<{ id: number; version: number }>;
}

/** Registers the world's set-up and tear-down in the calling describe; fields are set before each test. */
export function noticeWorld(dialect: DialectName): NoticeWorld {
  /** The highest notice id seen so far: what a step adds is what lies above it. */
  let seen = 0;
  const w = {} as NoticeWorld;
  beforeAll(async () => {
    const t = await startTestApp(dialect, { now: '2019-12-20T02:00:00Z' });
    const admin = await t.login('admin', ADMIN_PASSWORD);
    const found = await ids(t, admin);
    Object.assign(w, {
      t,
      admin,
      zy: await t.userIn('中云街道', 'reporter', 'zy_r'),
      zyHead: await t.userIn('中云街道', 'unit_head', 'zy_h'),
      hz: await t.userIn('猴嘴街道', 'reporter', 'hz_r'),
      campaignId: found.campaignId,
      zyId: found.unit('中云街道'),
      hzId: found.unit('猴嘴街道'),
      officeId: found.unit('区领导小组办公室'),
      unitOf: found.unit,
    });
  });
  afterAll(() => w.t?.close());

  w.list = async (cookie, query = '') =>
    (await w.t.request('GET', `/api/notifications?pageSize=500${query}`, cookie)).json();
  w.added = async () => {
    const fresh = (await w.list(w.admin, '&all=1')).items.filter((n) => n.id > seen).reverse();
    seen = Math.max(seen, ...fresh.map((n) => n.id));
    return fresh;
  };
  w.ok = (method, url, cookie, body) => answer(w.t, method, url, cookie, body);
  w.evidence = async () =>
    (await upload(w.t, w.zy.cookie, '整改照片.png', tinyPng(), 'image/png')).json().id as number;
  w.rectified = async () => {
    const p = await recordProblem(w.t, w.zy.cookie, problemBody(w.campaignId));
    return (
      await w.ok('POST', `/api/problems/${p.id}/progress`, w.zy.cookie, {
        version: p.version,
        date: '2019-12-20',
        text: '已整改',
        attachmentIds: [await w.evidence()],
      })
    ).problem;
  };
  return w;
}
