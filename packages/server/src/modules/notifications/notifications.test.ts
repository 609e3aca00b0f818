import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test/databases.js';
import { ADMIN_PASSWORD, startTestApp, type TestApp } from '../../test/harness.js';
import { firstCampaignId, problemBody } from '../../test/problems.js';
import { runReminders } from './reminders.js';

type Note = {
  id: number;
  title: string;
  kind: string;
  unitName: string;
  entity: string;
  dueDate: string | null;
};

describe.each(DIALECTS)('reminders and 催办 on %s', (dialect) => {
  let t: TestApp;
  let admin: string;
  let zhongyun: { cookie: string; username: string };
  let finance: { cookie: string; username: string };
  /** Moves the clock (sessions expire after 12 h) and signs everyone in again. */
  const moveTo = async (iso: string) => {
    t.clock.set(iso);
    admin = await t.login('admin', ADMIN_PASSWORD);
    for (const u of [zhongyun, finance]) u.cookie = await t.login(u.username, `${u.username}-password`);
  };
  beforeAll(async () => {
    t = await startTestApp(dialect, { now: '2019-12-20T02:00:00Z' });
    admin = await t.login('admin', ADMIN_PASSWORD);
    zhongyun = await t.userIn('中云街道', 'reporter');
    finance = await t.userIn('区财政局', 'reporter');
    const campaignId = await firstCampaignId(t, admin);
    const res = await t.request(
      'POST',
      '/api/problems',
      zhongyun.cookie,
      problemBody(campaignId, { deadline: '2019-12-23', foundDate: '2019-12-19' }),
    );
    expect(res.statusCode).toBe(200);
  });
  afterAll(() => t.close());

  const notes = async (cookie: string) =>
    (await t.request('GET', '/api/notifications', cookie)).json() as { items: Note[]; unread: number };

  // Reminders go out on working days only (modules/notifications/reminder-plan.ts): the 3-day
  // reminders of Tuesday 24 December would fall on Saturday the 21st, so they come on Friday
  // the 20th; the problem due Monday the 23rd gets its 1-day reminder that Friday as well.
  it('reminds every expected unit on the working day before the 3-day mark of 12-24, and a problem due Monday on the Friday before, once', async () => {
    await moveTo('2019-12-20T03:00:00Z');
    const first = await runReminders(t.ctx);
    const again = await runReminders(t.ctx);
    expect(again.created).toBe(0);
    // 9 expected units (4 streets + 5 departments) missed 12-15 and are reminded of 12-24,
    // plus 1 problem deadline.
    expect(first.created).toBe(19);
    const z = await notes(zhongyun.cookie);
    expect(z.items.map((n) => n.title)).toEqual(
      expect.arrayContaining([
        '【逾期】报送问题排查落实情况和工作方案已于2019年12月15日（星期日休息日）截止，尚未报送',
        '【提醒】报送问题排查结果和问题清单将于2019年12月24日截止（还有4天）',
        expect.stringMatching(/^【提醒】问题 \d+ 整改时限为2019年12月23日（还有3天）$/),
      ]),
    );
    expect(z.unread).toBe(3);
    const f = await notes(finance.cookie);
    expect(f.items.map((n) => n.entity)).toEqual(['milestone', 'milestone']);
  });

  it('sends the 1-day reminder, then a missed notice the day after', async () => {
    await moveTo('2019-12-23T02:00:00Z');
    // The 9 units' 1-day reminder of 12-24; the problem's was sent on Friday.
    expect((await runReminders(t.ctx)).created).toBe(9);
    await moveTo('2019-12-25T02:00:00Z');
    const missed = await runReminders(t.ctx);
    // 12-24 missed by all 9 units; the problem (due 12-23) missed.
    expect(missed.created).toBe(10);
    const z = await notes(zhongyun.cookie);
    expect(z.items.filter((n) => n.kind === 'missed').map((n) => n.title)).toEqual(
      expect.arrayContaining(['【逾期】报送问题排查结果和问题清单已于2019年12月24日截止，尚未报送']),
    );
  });

  it('marks read per user and only within the own unit', async () => {
    const before = await notes(zhongyun.cookie);
    const res = await t.request('POST', '/api/notifications/read', zhongyun.cookie, { ids: [] });
    expect(res.json().unread).toBe(0);
    expect(before.unread).toBeGreaterThan(0);
    const colleague = await t.userIn('中云街道', 'unit_head');
    expect((await notes(colleague.cookie)).unread).toBe(before.unread);
    const financeNote = (await t.request('GET', '/api/notifications', finance.cookie)).json().items[0].id;
    await t.request('POST', '/api/notifications/read', zhongyun.cookie, { ids: [financeNote] });
    expect((await notes(finance.cookie)).unread).toBeGreaterThan(0);
  });

  it('lets the office 催办 chosen units and see what was sent; others may not', async () => {
    const units = (await t.request('GET', '/api/units', admin)).json() as { id: number; name: string }[];
    const ids = units.filter((u) => ['中云街道', '区财政局'].includes(u.name)).map((u) => u.id);
    const res = await t.request('POST', '/api/notifications/urge', admin, {
      unitIds: ids,
      title: '请于今日报送问题清单',
      body: '逾期将通报',
    });
    expect(res.json()).toEqual({ created: 2 });
    expect((await notes(zhongyun.cookie)).items[0]).toMatchObject({
      kind: 'urge',
      title: '【催办】请于今日报送问题清单',
    });
    expect(
      (await t.request('POST', '/api/notifications/urge', zhongyun.cookie, { unitIds: ids, title: 'x' }))
        .statusCode,
    ).toBe(403);
    const all = (await t.request('GET', '/api/notifications?all=1', admin)).json().items as Note[];
    expect(new Set(all.map((n) => n.unitName)).size).toBeGreaterThan(2);
    // The office sees whether the street has read the 催办 (中云街道 read nothing of it yet).
    const urged = (all as unknown as { kind: string; unitName: string; unitReadAt: string | null }[]).filter(
      (n) => n.kind === 'urge',
    );
    expect(urged.map((n) => n.unitReadAt)).toEqual([null, null]);
  });

  it('pages and filters on the server, and marks every unread one read however many', async () => {
    const units = (await t.request('GET', '/api/units', admin)).json() as { id: number; name: string }[];
    const zy = units.find((u) => u.name === '中云街道')?.id as number;
    // More 催办 than one page holds.
    for (let i = 0; i < 3; i++)
      await t.request('POST', '/api/notifications/urge', admin, {
        unitIds: [zy],
        title: `第${i + 1}次催办月报`,
      });
    const page1 = (
      await t.request('GET', `/api/notifications?all=1&unit=${zy}&kind=urge&pageSize=2`, admin)
    ).json();
    expect(page1.total).toBe(4);
    expect(page1.items).toHaveLength(2);
    expect(page1.items.every((n: Note) => n.unitName === '中云街道' && n.kind === 'urge')).toBe(true);
    const page2 = (
      await t.request('GET', `/api/notifications?all=1&unit=${zy}&kind=urge&pageSize=2&page=2`, admin)
    ).json();
    expect(page2.items.map((n: Note) => n.id)).not.toContain(page1.items[0].id);
    const found = (
      await t.request('GET', `/api/notifications?all=1&q=${encodeURIComponent('第2次')}`, admin)
    ).json();
    expect(found.items.map((n: Note) => n.title)).toEqual(['【催办】第2次催办月报']);
    // A unit sees only its own, whatever it asks for.
    const own = (await t.request('GET', '/api/notifications?all=1&pageSize=500', zhongyun.cookie)).json();
    expect(own.items.every((n: Note) => n.unitName === '中云街道')).toBe(true);
    const unread = (await t.request('GET', '/api/notifications?unread=1&pageSize=1', zhongyun.cookie)).json();
    expect(unread.total).toBe(unread.unread);
    expect(unread.total).toBeGreaterThan(1);
    await t.request('POST', '/api/notifications/read', zhongyun.cookie, { ids: [] });
    const after = (await t.request('GET', '/api/notifications?read=1&pageSize=1', zhongyun.cookie)).json();
    expect(after.unread).toBe(0);
    expect(after.total).toBe(own.total);
  });

  it('lets the office change the reminder days', async () => {
    const res = await t.request('PUT', '/api/settings/reminders', admin, { days: [5, 2], email: false });
    expect(res.statusCode).toBe(200);
    expect((await t.request('GET', '/api/settings/reminders', zhongyun.cookie)).json()).toEqual({
      days: [5, 2],
      email: false,
      mailConfigured: false,
    });
    expect(
      (await t.request('PUT', '/api/settings/reminders', zhongyun.cookie, { days: [1], email: false }))
        .statusCode,
    ).toBe(403);
  });
});
