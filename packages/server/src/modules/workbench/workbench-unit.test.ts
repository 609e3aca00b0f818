// A street's 待办 on both databases: its returned, overdue (the one rule) and soon-due problems
// ("due soon" by the office's setting), reports and submissions at each person's step, 通报 naming
// it and unread notices — and never another street's items.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test/databases.js';
import type { TestApp } from '../../test/harness.js';
import { fillReport, reportUrl } from '../../test/reports.js';
import { auditActions } from '../../test/tables.js';
import { badge, keys, WORKBENCH_NOW as NOW, section, startWorkbenchWorld } from '../../test/workbench.js';

describe.each(DIALECTS)("a street's workbench on %s", (dialect) => {
  let w: Awaited<ReturnType<typeof startWorkbenchWorld>>;
  let t: TestApp;
  let admin: string;
  let reporter: string;
  let head: string;
  let otherReporter: string;
  let campaignId: number;
  let zhongyun: number;
  let houzui: number;
  let ids: Record<string, number>;
  const get = (cookie: string) => w.get(cookie);

  beforeAll(async () => {
    w = await startWorkbenchWorld(dialect);
    ({ t, admin, reporter, head, otherReporter, campaignId, zhongyun, houzui, ids } = w);
  });
  afterAll(() => t?.close());

  it("a street's reporter sees its returned, overdue and soon-due problems, each by the one rule", async () => {
    const w = await get(reporter);
    expect(w.landing).toBe('workbench');
    expect(w.today).toBe('2020-01-02');
    expect(w.dueWithinDays).toBe(7);
    expect(keys(section(w, 'returned'))).toEqual([ids.returned, ids.returnedOverdue]);
    expect(section(w, 'returned').count).toBe(2);
    // Tagged by status; the one past its deadline is flagged as pressing.
    const returned = section(w, 'returned').entries;
    expect(returned.every((e) => e.tag === '已退回')).toBe(true);
    expect(returned.filter((e) => e.urgent).map((e) => Number(e.key))).toEqual([ids.returnedOverdue]);
    expect(section(w, 'returned').link).toBe('/problems?status=returned&sort=updatedAt&order=desc');
    // Overdue: deadline strictly before today and not closed out — one awaiting review included.
    expect(keys(section(w, 'overdue'))).toEqual([ids.returnedOverdue, ids.overdue, ids.reviewOverdue]);
    expect(section(w, 'overdue').entries.every((e) => e.urgent && e.tag === '逾期')).toBe(true);
    // Due soon: today up to today + 7, while it is the unit's turn; in deadline order.
    const soon = section(w, 'due_soon');
    expect(soon.entries.map((e) => Number(e.key))).toEqual([ids.dueToday, ids.dueSoon, ids.dueLastDay]);
    expect(soon.link).toBe(
      '/problems?status=pending%2Crectifying%2Creturned&deadlineFrom=2020-01-02&deadlineTo=2020-01-09&sort=deadline&order=asc',
    );
    // Each problem once in the ledger's badge: 2 returned (1 overdue) + 2 more overdue + 3 due soon.
    expect(badge(w, '/problems')).toBe(7);
    for (const e of section(w, 'returned').entries) expect(e.link).toBe(`/problems/${e.key}`);
  });

  it('another street sees only its own problems', async () => {
    const w = await get(otherReporter);
    expect(keys(section(w, 'returned'))).toEqual([ids.otherStreet]);
    expect(keys(section(w, 'overdue'))).toEqual([ids.otherStreet]);
    expect(section(w, 'due_soon').count).toBe(0);
    expect(badge(w, '/problems')).toBe(1);
    const all = w.sections.flatMap((s) => s.entries.map((e) => e.link));
    for (const id of Object.entries(ids)
      .filter(([k]) => !k.startsWith('other'))
      .map(([, v]) => v))
      expect(all).not.toContain(`/problems/${id}`);
  });

  it('monthly reports and milestone submissions wait for the reporter, then the head, then the office', async () => {
    let r = await get(reporter);
    // January is due on the 4th (within 7 days), not started; 12-15 and 12-24 submissions are past due.
    expect(section(r, 'reports').entries.map((e) => [e.key, e.tag, e.urgent])).toEqual([
      ['2020-01', '未填报', false],
    ]);
    expect(section(r, 'reports').entries[0]?.link).toBe(`/reports/2020-01/${zhongyun}`);
    expect(section(r, 'submissions').count).toBe(2);
    expect(section(r, 'submissions').entries.every((e) => e.urgent && e.tag === '未填报')).toBe(true);
    let h = await get(head);
    expect(section(h, 'reports').count).toBe(0);
    expect(section(h, 'submissions').count).toBe(0);

    // The reporter saves a draft: now it waits for the head's review and submission.
    const url = reportUrl(campaignId, '2020-01', zhongyun);
    const saved = await fillReport(t, reporter, url);
    h = await get(head);
    expect(section(h, 'reports').entries.map((e) => [e.key, e.tag])).toEqual([['2020-01', '草稿']]);
    expect(badge(h, '/reports')).toBe(1);
    expect((await get(otherReporter)).sections.find((s) => s.key === 'reports')?.entries[0]?.link).toBe(
      `/reports/2020-01/${houzui}`,
    );

    // The head submits: it leaves both unit lists and enters the office's review queue.
    const submitted = await t.request('POST', `${url}/submit`, head, { version: saved.version });
    expect(submitted.statusCode, submitted.body).toBe(200);
    r = await get(reporter);
    h = await get(head);
    expect(section(r, 'reports').count).toBe(0);
    expect(section(h, 'reports').count).toBe(0);
    let a = await get(admin);
    expect(section(a, 'reports_review').entries.map((e) => e.link)).toEqual([`/reports/2020-01/${zhongyun}`]);
    expect(badge(a, '/reports')).toBe(1);

    // Returned by the office: back to the reporter (to correct) and the head (to resubmit).
    const back = await t.request('POST', `${url}/return`, admin, {
      version: submitted.json().version,
      reason: '第13项整改进度未填写',
    });
    expect(back.statusCode, back.body).toBe(200);
    for (const cookie of [reporter, head]) {
      const w = await get(cookie);
      expect(section(w, 'reports').entries.map((e) => e.tag)).toEqual(['已退回']);
    }
    a = await get(admin);
    expect(section(a, 'reports_review').count).toBe(0);
  });

  it('通报 naming the unit and unread notices reach that unit only', async () => {
    const figures = (unitId: number) =>
      JSON.stringify({
        groups: [
          { group: '责任不到位', criterion: '', units: [{ unitId, name: '', reason: '逾期问题3个' }] },
        ],
      });
    const circular = (title: string, unitId: number, deadline: string | null) => ({
      campaign_id: campaignId,
      status: 'issued' as const,
      version: 1,
      title,
      doc_number: '',
      period_from: '2019-12-01',
      period_to: '2019-12-31',
      intro: '',
      requirements: '',
      deadline,
      figures: figures(unitId),
      figures_at: NOW,
      doc_date: '2020-01-01',
      docx: null,
      docx_sha256: null,
      issued_at: NOW,
      issued_by: null,
      created_by: null,
      created_at: NOW,
      updated_at: NOW,
      updated_by: null,
    });
    await t.ctx.db
      .insertInto('circulars')
      .values([
        circular('关于中云街道的通报', zhongyun, '2020-01-10'),
        circular('反馈时限已过的通报', zhongyun, '2020-01-01'),
        circular('关于猴嘴街道的通报', houzui, null),
      ])
      .execute();
    const notice = (unitId: number, title: string, kind: string) => ({
      unit_id: unitId,
      kind,
      entity: 'general',
      entity_id: null,
      title,
      body: '',
      link: '/reports',
      due_date: null,
      dedup_key: null,
      created_by: null,
      created_at: NOW,
      emailed_at: null,
    });
    // The report's 退回 above sent the street its own notice; start from none unread.
    for (const cookie of [reporter, head, otherReporter])
      expect((await t.request('POST', '/api/notifications/read', cookie, { ids: [] })).statusCode).toBe(200);
    const created = await t.ctx.db
      .insertInto('notifications')
      .values([
        notice(zhongyun, '请按时报送月报', 'urge'),
        notice(zhongyun, '月报即将到期', 'upcoming'),
        notice(houzui, '猴嘴催办', 'urge'),
      ])
      .returning('id')
      .execute();
    const read = await t.request('POST', '/api/notifications/read', reporter, { ids: [created[1]?.id] });
    expect(read.statusCode, read.body).toBe(200);

    const r = await get(reporter);
    expect(section(r, 'circulars').entries.map((e) => e.link)).toHaveLength(1);
    expect(section(r, 'circulars').entries[0]?.date).toBe('2020-01-10');
    expect(section(r, 'notices').count).toBe(1);
    expect(section(r, 'notices').entries.map((e) => e.tag)).toEqual(['催办']);
    // The head has read nothing yet: read state is per person.
    expect(section(await get(head), 'notices').count).toBe(2);
    const o = await get(otherReporter);
    expect(section(o, 'circulars').count).toBe(1);
    expect(section(o, 'notices').entries.map((e) => e.key)).toEqual([String(created[2]?.id)]);
    expect(badge(o, '/notifications')).toBe(1);
    expect(o.total).toBe(o.badges.reduce((n, b) => n + b.count, 0));
  });

  it('"due soon" follows the office setting, which only the office changes (audited)', async () => {
    expect(
      (await t.request('PUT', '/api/settings/workbench', reporter, { dueWithinDays: 20 })).statusCode,
    ).toBe(403);
    expect((await t.request('PUT', '/api/settings/workbench', admin, { dueWithinDays: 0 })).statusCode).toBe(
      400,
    );
    const res = await t.request('PUT', '/api/settings/workbench', admin, { dueWithinDays: 8 });
    expect(res.statusCode, res.body).toBe(200);
    expect((await t.request('GET', '/api/settings/workbench', reporter)).json()).toEqual({
      dueWithinDays: 8,
    });
    const w = await get(reporter);
    expect(w.dueWithinDays).toBe(8);
    expect(keys(section(w, 'due_soon'))).toEqual([ids.dueToday, ids.dueSoon, ids.dueLastDay, ids.dueLater]);
    expect(await auditActions(t, 'settings')).toContain('settings.workbench');
  });
});
