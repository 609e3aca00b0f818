// Editing a campaign's structure before it starts: items added, moved and removed with 序号
// renumbered 1..n, phases and milestones edited, each edit on the version it was made on (409
// when stale), with a history row and an audit row; an item with problems cannot be removed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test/databases.js';
import { ADMIN_PASSWORD, startTestApp, type TestApp } from '../../test/harness.js';
import { auditActions, checkItemId, insertProblem, unitIdByName } from '../../test/tables.js';

type Item = { seq: number; content: string; units: { name: string }[] };
type State = {
  version: number;
  started: boolean;
  changes: { version: number; action: string; summary: string; reason: string; actorName: string }[];
};

describe.each(DIALECTS)('campaign structure before the start on %s', (dialect) => {
  let t: TestApp;
  let admin: string;
  let id: number;
  const url = (path = '') => `/api/campaigns/${id}${path}`;
  const items = async () => (await t.request('GET', url('/check-items'), admin)).json() as Item[];
  const state = async () => (await t.request('GET', url('/structure'), admin)).json() as State;

  beforeAll(async () => {
    t = await startTestApp(dialect, { now: '2020-01-03T02:00:00Z' });
    admin = await t.login('admin', ADMIN_PASSWORD);
    const res = await t.request('POST', '/api/campaigns', admin, {
      title: '2020年下半年排查',
      startDate: '2020-06-01',
    });
    expect(res.statusCode, res.body).toBe(200);
    id = res.json().id;
  });
  afterAll(() => t.close());

  it('adds an item at a 序号, moves it, removes it, renumbering 1..n each time', async () => {
    const before = await items();
    expect((await state()).started).toBe(false);
    const streetId = await unitIdByName(t, '中云街道');
    const added = await t.request('POST', url('/check-items'), admin, {
      version: 1,
      category: '其他方面',
      subCategory: '新增项目',
      content: '是否存在新增的排查内容。',
      unitIds: [streetId],
      seq: 2,
    });
    expect(added.statusCode, added.body).toBe(200);
    expect(added.json()).toEqual({ version: 2, at: 2 });
    let now = await items();
    expect(now.map((i) => i.seq)).toEqual(before.map((_, i) => i + 1).concat(before.length + 1));
    expect(now[1]).toMatchObject({
      seq: 2,
      content: '是否存在新增的排查内容。',
      units: [{ name: '中云街道' }],
    });
    expect(now[2]?.content).toBe(before[1]?.content);

    const moved = await t.request('POST', url('/check-items/2/move'), admin, { version: 2, to: 5 });
    expect(moved.json()).toEqual({ version: 3, at: 5 });
    now = await items();
    expect(now.map((i) => i.content)).toEqual([
      before[0]?.content,
      before[1]?.content,
      before[2]?.content,
      before[3]?.content,
      '是否存在新增的排查内容。',
      ...before.slice(4).map((i) => i.content),
    ]);

    const stale = await t.request('POST', url('/check-items/5/remove'), admin, { version: 2 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('version_conflict');
    const removed = await t.request('POST', url('/check-items/5/remove'), admin, { version: 3 });
    expect(removed.statusCode, removed.body).toBe(200);
    now = await items();
    expect(now.map((i) => i.content)).toEqual(before.map((i) => i.content));
    expect(now.map((i) => i.seq)).toEqual(before.map((i) => i.seq));

    const s = await state();
    expect(s.version).toBe(4);
    expect(s.changes.map((c) => [c.version, c.action])).toEqual([
      [4, 'check_item.remove'],
      [3, 'check_item.move'],
      [2, 'check_item.add'],
    ]);
    expect(s.changes[0]?.summary).toBe('删除第5项：是否存在新增的排查内容。');
    expect(s.changes[0]?.actorName).toBeTruthy();
    expect(await auditActions(t, 'check_item')).toEqual(
      expect.arrayContaining(['check_item.add', 'check_item.move', 'check_item.remove']),
    );
  });

  it('refuses to remove an item with problems, naming how many', async () => {
    const item = await checkItemId(t, id, 3);
    await insertProblem(t, {
      campaign_id: id,
      check_item_id: item,
      unit_id: await unitIdByName(t, '中云街道'),
    });
    const { version } = await state();
    const res = await t.request('POST', url('/check-items/3/remove'), admin, { version });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toContain('第3项下已登记1个问题，不能删除');
    expect((await state()).version).toBe(version);
  });

  it('edits phases and milestones: add, edit, move, remove', async () => {
    const detail = async () => (await t.request('GET', url(), admin)).json();
    const phasesBefore = (await detail()).phases as { name: string }[];
    let { version } = await state();
    const add = await t.request('POST', url('/phases'), admin, {
      version,
      name: '回头看',
      startDate: '2021-01-01',
      endDate: '2021-01-31',
      description: '',
    });
    expect(add.json().at).toBe(phasesBefore.length + 1);
    version = add.json().version;
    const move = await t.request('POST', url(`/phases/${phasesBefore.length + 1}/move`), admin, {
      version,
      to: 1,
    });
    version = move.json().version;
    let phases = (await detail()).phases as { seq: number; name: string }[];
    expect(phases.map((p) => p.name)).toEqual(['回头看', ...phasesBefore.map((p) => p.name)]);
    expect(phases.map((p) => p.seq)).toEqual(phases.map((_, i) => i + 1));
    const edit = await t.request('PUT', url('/phases/1'), admin, {
      version,
      name: '回头看（复查）',
      startDate: '2021-02-01',
      endDate: '2021-01-31',
    });
    expect(edit.statusCode).toBe(400);
    const edited = await t.request('PUT', url('/phases/1'), admin, {
      version,
      name: '回头看（复查）',
      startDate: '2021-01-01',
      endDate: '2021-02-28',
    });
    version = edited.json().version;
    const removed = await t.request('POST', url('/phases/1/remove'), admin, { version });
    version = removed.json().version;
    phases = (await detail()).phases;
    expect(phases.map((p) => p.name)).toEqual(phasesBefore.map((p) => p.name));

    const m = await t.request('POST', url('/milestones'), admin, {
      version,
      kind: 'summary',
      title: '回头看总结',
      dueDate: '2021-02-28',
    });
    expect(m.statusCode, m.body).toBe(200);
    const milestoneId = m.json().at as number;
    version = m.json().version;
    const taken = ((await detail()).milestones as { period: string | null }[]).find((x) => x.period)?.period;
    const dup = await t.request('POST', url('/milestones'), admin, {
      version,
      kind: 'monthly',
      period: taken,
      title: '7月月报',
      dueDate: '2020-08-04',
    });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.message).toBe(`${taken} 已有月报节点`);
    const upd = await t.request('PUT', url(`/milestones/${milestoneId}`), admin, {
      version,
      kind: 'summary',
      title: '回头看总结报告',
      dueDate: '2021-03-05',
    });
    version = upd.json().version;
    let milestones = (await detail()).milestones as { id: number; title: string; dueDate: string }[];
    expect(milestones.find((x) => x.id === milestoneId)).toMatchObject({
      title: '回头看总结报告',
      dueDate: '2021-03-05',
    });
    await t.request('POST', url(`/milestones/${milestoneId}/remove`), admin, { version });
    milestones = (await detail()).milestones;
    expect(milestones.find((x) => x.id === milestoneId)).toBeUndefined();
    const actions = (await state()).changes.map((c) => c.action);
    expect(actions.slice(0, 8)).toEqual([
      'milestone.remove',
      'milestone.update',
      'milestone.add',
      'phase.remove',
      'phase.update',
      'phase.move',
      'phase.add',
      'check_item.remove',
    ]);
  });

  it('lets only the office edit the structure', async () => {
    const r = await t.userIn('中云街道', 'unit_head');
    const { version } = await state();
    expect(
      (await t.request('POST', url('/check-items/1/move'), r.cookie, { version, to: 2 })).statusCode,
    ).toBe(403);
    expect((await t.request('GET', url('/structure'), r.cookie)).statusCode).toBe(403);
  });
});
