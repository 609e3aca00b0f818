// The 待办 workbench per role on both databases: the right entries and counts, scoped to the
// person's unit (a street never sees another street's items), overdue by the one rule and "due
// soon" by the office's setting; the office's queues; an inspector's visits; leaders' landing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test/databases.js';
import type { TestApp } from '../../test/harness.js';
import { startLedgerApp } from '../../test/problems.js';
import { fillReport, reportUrl } from '../../test/reports.js';
import { auditActions, checkItemId, insertProblem, unitIdByName } from '../../test/tables.js';

// 2 January 2020 in China: the January report (due the 4th) is due soon, 12-15 and 12-24 are past.
const NOW = '2020-01-02T02:00:00Z';

interface Section {
  key: string;
  count: number;
  link: string;
  entries: { key: string; link: string; tag: string; urgent: boolean; date: string | null }[];
}
interface Workbench {
  landing: string;
  today: string;
  dueWithinDays: number;
  sections: Section[];
  badges: { path: string; count: number }[];
  total: number;
}

describe.each(DIALECTS)('workbench on %s', (dialect) => {
  let t: TestApp;
  let admin: string;
  let reporter: string;
  let head: string;
  let otherReporter: string;
  let campaignId: number;
  let zhongyun: number;
  let houzui: number;
  const ids: Record<string, number> = {};

  const get = async (cookie: string) => {
    const res = await t.request('GET', '/api/workbench', cookie);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as Workbench;
  };
  const section = (w: Workbench, key: string) => {
    const s = w.sections.find((x) => x.key === key);
    if (!s) throw new Error(`no section ${key}: ${w.sections.map((x) => x.key).join(',')}`);
    return s;
  };
  const keys = (s: Section) => s.entries.map((e) => Number(e.key)).sort((a, b) => a - b);
  const badge = (w: Workbench, path: string) => w.badges.find((b) => b.path === path)?.count ?? 0;

  beforeAll(async () => {
    const app = await startLedgerApp(dialect, NOW);
    ({ t, admin, campaignId } = app);
    reporter = app.reporter.cookie;
    head = (await t.userIn('中云街道', 'unit_head')).cookie;
    otherReporter = (await t.userIn('猴嘴街道', 'reporter')).cookie;
    zhongyun = await unitIdByName(t, '中云街道');
    houzui = await unitIdByName(t, '猴嘴街道');
    const item = await checkItemId(t, campaignId, 13);
    const add = (
      name: string,
      unit: number,
      over: Parameters<typeof insertProblem>[1] extends infer R ? Partial<R> : never,
    ) =>
      insertProblem(t, { campaign_id: campaignId, check_item_id: item, unit_id: unit, ...over }).then(
        (id) => {
          ids[name] = id;
        },
      );
    await add('returned', zhongyun, { status: 'returned', return_reason: '佐证材料不全' });
    await add('returnedOverdue', zhongyun, { status: 'returned', deadline: '2019-12-30' });
    await add('overdue', zhongyun, { status: 'pending', deadline: '2019-12-31' });
    await add('reviewOverdue', zhongyun, { status: 'awaiting_review', deadline: '2019-12-25' });
    await add('closed', zhongyun, { status: 'closed', deadline: '2019-12-01', closed_at: NOW });
    await add('dueToday', zhongyun, { status: 'pending', deadline: '2020-01-02' });
    await add('dueSoon', zhongyun, { status: 'rectifying', deadline: '2020-01-05' });
    await add('dueLastDay', zhongyun, { status: 'pending', deadline: '2020-01-09' });
    await add('dueLater', zhongyun, { status: 'pending', deadline: '2020-01-10' });
    await add('immediate', zhongyun, { status: 'pending', mode: '立行立改', deadline: null });
    await add('otherStreet', houzui, { status: 'returned', deadline: '2019-12-31' });
    await add('otherReview', houzui, { status: 'awaiting_review' });
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

  it('the office sees the 待销号 queue and units with overdue problems, district-wide', async () => {
    const w = await get(admin);
    expect(w.landing).toBe('workbench');
    const queue = section(w, 'review_queue');
    expect(keys(queue)).toEqual([ids.reviewOverdue, ids.otherReview]);
    expect(queue.link).toBe('/problems?status=awaiting_review&sort=updatedAt&order=asc');
    expect(badge(w, '/problems')).toBe(2);
    const late = section(w, 'overdue_units');
    expect(late.count).toBe(2);
    expect(late.entries.map((e) => [Number(e.key), e.tag])).toEqual([
      [zhongyun, '逾期 3'],
      [houzui, '逾期 1'],
    ]);
    expect(late.entries[0]?.link).toBe(`/problems?unit=${zhongyun}&overdue=1&sort=deadline&order=asc`);
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

  it('the office sees unmapped places and the screening runs finished since it last looked', async () => {
    const at = t.clock.now().toISOString();
    await t.ctx.db
      .insertInto('household_places')
      .values([
        { name: '新浦镇', unit_id: null, households: 40, first_seen_at: at, last_seen_at: at },
        { name: '浦南乡', unit_id: null, households: 12, first_seen_at: at, last_seen_at: at },
        { name: '中云', unit_id: zhongyun, households: 90, first_seen_at: at, last_seen_at: at },
      ])
      .execute();
    const run = (finished: string) => ({
      campaign_id: campaignId,
      status: 'done' as const,
      started_at: finished,
      finished_at: finished,
      summary: JSON.stringify({ findings: 5, new: 3, resolved: 1 }),
    });
    await t.ctx.db
      .insertInto('screening_runs')
      .values([run('2020-01-01T01:00:00.000Z'), run('2020-01-01T03:00:00.000Z')])
      .execute();
    let w = await get(admin);
    expect(section(w, 'places').entries.map((e) => e.key).length).toBe(2);
    expect(badge(w, '/households/places')).toBe(2);
    // Never looked: the latest run is news, not the whole history.
    expect(section(w, 'screening').count).toBe(1);
    expect(section(w, 'screening').entries[0]?.date).toBe('2020-01-01');

    const seen = await t.request('POST', '/api/workbench/seen', admin, { what: 'screening' });
    expect(seen.statusCode, seen.body).toBe(200);
    w = await get(admin);
    expect(section(w, 'screening').count).toBe(0);
    t.clock.set('2020-01-02T06:00:00Z');
    await t.ctx.db.insertInto('screening_runs').values(run('2020-01-02T05:00:00.000Z')).execute();
    await t.ctx.db.insertInto('screening_runs').values(run('2020-01-02T05:30:00.000Z')).execute();
    w = await get(admin);
    expect(section(w, 'screening').count).toBe(2);
    expect(badge(w, '/households')).toBe(2);
    // Unit users have no office queues.
    expect((await get(reporter)).sections.map((s) => s.key)).not.toContain('places');
  });

  it('an inspector sees their own visits; a leader lands on the 督查看板', async () => {
    const inspector = await t.userIn('区领导小组办公室', 'inspector');
    const visit = (by: number | null, place: string) => ({
      campaign_id: campaignId,
      unit_id: zhongyun,
      visit_date: '2019-12-28',
      place,
      visit_type: '暗访',
      inspectors: '',
      findings: '',
      created_by: by,
      created_at: NOW,
    });
    const [mine] = await t.ctx.db
      .insertInto('inspections')
      .values([visit(inspector.id, '某村'), visit(null, '他人登记')])
      .returning('id')
      .execute();
    const w = await get(inspector.cookie);
    expect(w.sections.map((s) => s.key)).toEqual(['visits']);
    expect(section(w, 'visits').entries.map((e) => e.link)).toEqual([`/inspections/${mine?.id}`]);
    const leader = await t.userIn('区领导小组办公室', 'leader');
    const l = await get(leader.cookie);
    expect(l.landing).toBe('supervision');
    expect(l.sections).toEqual([]);
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
