// The office's 待办 on both databases (待销号, units with overdue problems, unmapped places, new
// screening runs since the person last looked), an inspector's visits and a leader's landing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test/databases.js';
import type { TestApp } from '../../test/harness.js';
import { badge, keys, WORKBENCH_NOW as NOW, section, startWorkbenchWorld } from '../../test/workbench.js';

describe.each(DIALECTS)("the office's workbench on %s", (dialect) => {
  let w: Awaited<ReturnType<typeof startWorkbenchWorld>>;
  let t: TestApp;
  let admin: string;
  let reporter: string;
  let campaignId: number;
  let zhongyun: number;
  let houzui: number;
  let ids: Record<string, number>;
  const get = (cookie: string) => w.get(cookie);

  beforeAll(async () => {
    w = await startWorkbenchWorld(dialect);
    ({ t, admin, reporter, campaignId, zhongyun, houzui, ids } = w);
  });
  afterAll(() => t?.close());

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
});
