// Reminders resolve themselves when read: 已完成 once the item is done (the submission sent, the
// problem closed out), 已过期 once a 即将到期 reminder's date has passed (the due day itself still
// counts as coming). Resolved ones never count as unread, and leave the 未读 filter for 已读.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test/databases.js';
import { tinyPdf, tinyPng, upload } from '../../test/files.js';
import { ADMIN_PASSWORD, startTestApp, type TestApp } from '../../test/harness.js';
import { problemBody, recordProblem } from '../../test/problems.js';
import { ids } from '../../test/reports.js';
import { runReminders } from './reminders.js';

interface Note {
  id: number;
  kind: string;
  entity: string;
  entityId: number | null;
  title: string;
  resolved: 'done' | 'moved' | 'expired' | 'reviewed' | null;
}
type User = { username: string; cookie: string };

describe.each(DIALECTS)('reminders resolving themselves on %s', (dialect) => {
  let t: TestApp;
  let admin: string;
  let hz: User;
  let hzHead: User;
  let zy: User;
  let campaignId: number;
  let hzId: number;
  let milestones: { id: number; kind: string }[];
  let problem: { id: number; version: number };

  /** Moves the clock (sessions last 12 h) and signs everyone in again. */
  const moveTo = async (iso: string) => {
    t.clock.set(iso);
    admin = await t.login('admin', ADMIN_PASSWORD);
    for (const u of [hz, hzHead, zy]) u.cookie = await t.login(u.username, `${u.username}-password`);
  };
  const list = async (u: User, query = '') =>
    (await t.request('GET', `/api/notifications?pageSize=500${query}`, u.cookie)).json() as {
      items: Note[];
      unread: number;
      total: number;
    };
  const reminderOf = (notes: Note[], entity: string, entityId: number | undefined, kind: string) =>
    notes.find((n) => n.entity === entity && n.entityId === entityId && n.kind === kind);
  const milestone = (kind: string) => milestones.find((m) => m.kind === kind)?.id;
  const ok = async (
    method: Parameters<TestApp['request']>[0],
    url: string,
    cookie: string,
    body?: unknown,
  ) => {
    const res = await t.request(method, url, cookie, body);
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  /** The street's head sends a milestone's material with a sealed scan. */
  const submit = async (kind: string) => {
    const url = `/api/campaigns/${campaignId}/submissions/${milestone(kind)}/units/${hzId}`;
    const scan = (await upload(t, hz.cookie, '盖章件.pdf', tinyPdf())).json().id as number;
    const saved = await ok('PUT', url, hz.cookie, {
      version: 0,
      content: '已报送',
      files: [{ attachmentId: scan, kind: 'scan' }],
    });
    await ok('POST', `${url}/submit`, hzHead.cookie, { version: saved.version });
  };

  beforeAll(async () => {
    // Friday: reminders go out on working days only.
    t = await startTestApp(dialect, { now: '2019-12-20T02:00:00Z' });
    admin = await t.login('admin', ADMIN_PASSWORD);
    hz = await t.userIn('猴嘴街道', 'reporter', 'hz_r');
    hzHead = await t.userIn('猴嘴街道', 'unit_head', 'hz_h');
    zy = await t.userIn('中云街道', 'reporter', 'zy_r');
    const found = await ids(t, admin);
    campaignId = found.campaignId;
    hzId = found.unit('猴嘴街道');
    milestones = (await ok('GET', `/api/campaigns/${campaignId}/submissions`, admin)).milestones;
    problem = await recordProblem(
      t,
      hz.cookie,
      problemBody(campaignId, { deadline: '2019-12-23', foundDate: '2019-12-19' }),
    );
  });
  afterAll(() => t.close());

  it('starts unresolved: every reminder counts as unread', async () => {
    await runReminders(t.ctx);
    const notes = await list(hz);
    expect(notes.items.map((n) => n.resolved)).toEqual([null, null, null]);
    expect(notes.unread).toBe(3);
    expect(reminderOf(notes.items, 'milestone', milestone('problem_list'), 'upcoming')).toBeDefined();
    expect(reminderOf(notes.items, 'milestone', milestone('plan'), 'missed')).toBeDefined();
    expect(reminderOf(notes.items, 'problem', problem.id, 'upcoming')).toBeDefined();
  });

  it('the milestone sent, its reminder is 已完成: out of 未读, into 已读, not counted', async () => {
    await submit('problem_list');
    const notes = await list(hz);
    expect(reminderOf(notes.items, 'milestone', milestone('problem_list'), 'upcoming')?.resolved).toBe(
      'done',
    );
    expect(reminderOf(notes.items, 'milestone', milestone('plan'), 'missed')?.resolved).toBeNull();
    expect(notes.unread).toBe(2);
    const unread = await list(hz, '&unread=1');
    expect(unread.total).toBe(2);
    expect(unread.items.every((n) => n.resolved === null)).toBe(true);
    const settled = await list(hz, '&read=1');
    expect(settled.items.map((n) => n.resolved)).toEqual(['done']);
    // Another street's reminder of the same milestone is not done by it.
    const other = await list(zy);
    expect(reminderOf(other.items, 'milestone', milestone('problem_list'), 'upcoming')?.resolved).toBeNull();
  });

  it('a 即将到期 reminder is 已过期 the day after its date, not on the day itself', async () => {
    await moveTo('2019-12-24T02:00:00Z');
    let notes = await list(hz);
    expect(reminderOf(notes.items, 'problem', problem.id, 'upcoming')?.resolved).toBe('expired');
    // 中云街道 has not sent its 问题清单, due today: its reminder still stands.
    const due = (await list(zy)).items.filter((n) => n.entityId === milestone('problem_list'));
    expect(due.map((n) => n.resolved)).toEqual(due.map(() => null));
    await moveTo('2019-12-25T02:00:00Z');
    const expired = (await list(zy)).items.filter(
      (n) => n.entityId === milestone('problem_list') && n.kind === 'upcoming',
    );
    expect(expired.length).toBeGreaterThan(0);
    expect(expired.every((n) => n.resolved === 'expired')).toBe(true);
    // The 已逾期 notice takes over from here, and is never 已过期 itself.
    await runReminders(t.ctx);
    notes = await list(hz);
    expect(reminderOf(notes.items, 'problem', problem.id, 'missed')?.resolved).toBeNull();
    expect(notes.unread).toBe(2);
  });

  it('已逾期 reminders are 已完成 once the problem is closed out and the late material is sent', async () => {
    const evidence = (await upload(t, hz.cookie, '照片.png', tinyPng(), 'image/png')).json().id as number;
    let p = (
      await ok('POST', `/api/problems/${problem.id}/progress`, hz.cookie, {
        version: problem.version,
        date: '2019-12-25',
        text: '已整改',
        attachmentIds: [evidence],
      })
    ).problem;
    p = (await ok('POST', `/api/problems/${p.id}/submit`, hz.cookie, { version: p.version, text: '' }))
      .problem;
    let notes = await list(hz);
    expect(reminderOf(notes.items, 'problem', problem.id, 'missed')?.resolved).toBeNull();
    await ok('POST', `/api/problems/${p.id}/close`, admin, { version: p.version, text: '' });
    await submit('plan');
    notes = await list(hz);
    expect(reminderOf(notes.items, 'problem', problem.id, 'missed')?.resolved).toBe('done');
    expect(reminderOf(notes.items, 'milestone', milestone('plan'), 'missed')?.resolved).toBe('done');
    // What stays unread is the 销号 notice itself: a hand-off is read, never resolved.
    const unread = await list(hz, '&unread=1');
    expect(unread.items.map((n) => n.kind)).toEqual(['closed']);
    expect(unread.unread).toBe(1);
  });

  it("a problem handed to another unit leaves its old unit's reminder 已交办他单位", async () => {
    const moving = await recordProblem(
      t,
      hz.cookie,
      problemBody(campaignId, { deadline: '2019-12-27', foundDate: '2019-12-24' }),
    );
    await runReminders(t.ctx);
    expect(reminderOf((await list(hz)).items, 'problem', moving.id, 'upcoming')?.resolved).toBeNull();
    const zyId = (await ids(t, admin)).unit('中云街道');
    await ok('POST', `/api/problems/${moving.id}/assign`, admin, {
      version: moving.version,
      unitId: zyId,
      reason: '',
    });
    const notes = await list(hz);
    expect(reminderOf(notes.items, 'problem', moving.id, 'upcoming')?.resolved).toBe('moved');
    // What it now reads unread is the 交办 notice saying where the problem went (beside the
    // 销号 notice of the test before).
    const unread = await list(hz, '&unread=1');
    expect(unread.items.map((n) => [n.kind, n.entityId])).toEqual([
      ['reassigned', moving.id],
      ['closed', expect.any(Number)],
    ]);
    expect(notes.unread).toBe(2);
  });
});
