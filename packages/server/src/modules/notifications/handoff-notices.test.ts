// Every hand-off sends exactly one notice to each receiving unit — 交办, 退回 with its reason,
// 销号, 重新打开, 审核通过, and to the office what a unit sends for its action — in the hand-off's
// transaction (a refused one sends nothing); a street never sees another's.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test/databases.js';
import { tinyPdf, tinyPng, upload } from '../../test/files.js';
import { ADMIN_PASSWORD, startTestApp, type TestApp } from '../../test/harness.js';
import { problemBody, recordProblem } from '../../test/problems.js';
import { fillAndSubmit, ids, reportUrl } from '../../test/reports.js';
import { checkItemId, insertProblem } from '../../test/tables.js';

interface Note {
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

describe.each(DIALECTS)('hand-off notices on %s', (dialect) => {
  let t: TestApp;
  let admin: string;
  let zy: { cookie: string };
  let zyHead: { cookie: string };
  let hz: { cookie: string };
  let campaignId: number;
  let zyId: number;
  let hzId: number;
  let officeId: number;
  let unitOf: (name: string) => number;
  /** The highest notice id seen so far: what a step adds is what lies above it. */
  let seen = 0;

  beforeAll(async () => {
    t = await startTestApp(dialect, { now: '2019-12-20T02:00:00Z' });
    admin = await t.login('admin', ADMIN_PASSWORD);
    zy = await t.userIn('中云街道', 'reporter', 'zy_r');
    zyHead = await t.userIn('中云街道', 'unit_head', 'zy_h');
    hz = await t.userIn('猴嘴街道', 'reporter', 'hz_r');
    const found = await ids(t, admin);
    campaignId = found.campaignId;
    zyId = found.unit('中云街道');
    hzId = found.unit('猴嘴街道');
    officeId = found.unit('区领导小组办公室');
    unitOf = found.unit;
  });
  afterAll(() => t.close());

  const list = async (cookie: string, query = '') =>
    (await t.request('GET', `/api/notifications?pageSize=500${query}`, cookie)).json() as {
      items: Note[];
      unread: number;
      total: number;
    };
  /** The notices written since the last call, for every unit. */
  const added = async () => {
    // Oldest first: the order the hand-off wrote them in.
    const fresh = (await list(admin, '&all=1')).items.filter((n) => n.id > seen).reverse();
    seen = Math.max(seen, ...fresh.map((n) => n.id));
    return fresh;
  };
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
  const evidence = async () =>
    (await upload(t, zy.cookie, '整改照片.png', tinyPng(), 'image/png')).json().id as number;
  /** A problem of 中云街道 with a progress entry and its evidence: ready to apply for 销号. */
  const rectified = async () => {
    const p = await recordProblem(t, zy.cookie, problemBody(campaignId));
    return (
      await ok('POST', `/api/problems/${p.id}/progress`, zy.cookie, {
        version: p.version,
        date: '2019-12-20',
        text: '已整改',
        attachmentIds: [await evidence()],
      })
    ).problem as { id: number; version: number };
  };

  it('a unit recording its own problem hands nothing over', async () => {
    await recordProblem(t, zy.cookie, problemBody(campaignId));
    expect(await added()).toEqual([]);
  });

  it('交办 tells the receiving unit what, by whom, by when and why — and only that unit', async () => {
    const { problem } = await ok('POST', '/api/problems', admin, {
      ...problemBody(campaignId, { description: '3户危房改造资金未拨付到户' }),
      unitId: zyId,
    });
    let fresh = await added();
    expect(fresh).toHaveLength(1);
    expect(fresh[0]).toMatchObject({
      unitId: zyId,
      kind: 'assigned',
      entity: 'problem',
      entityId: problem.id,
      link: `/problems/${problem.id}`,
      title: `【交办】问题 ${problem.id} 已交办本单位整改`,
    });
    expect(fresh[0]?.body).toContain('区领导小组办公室 系统管理员于2019年12月20日交办');
    expect(fresh[0]?.body).toContain('3户危房改造资金未拨付到户（第13项排查事项）');
    expect(fresh[0]?.body).toContain('整改时限：2020年3月31日');

    await ok('POST', `/api/problems/${problem.id}/assign`, admin, {
      version: problem.version,
      unitId: hzId,
      deadline: '2020-02-28',
      reason: '涉及猴嘴街道辖区农户',
    });
    fresh = await added();
    expect(fresh.map((n) => [n.unitId, n.kind])).toEqual([
      [hzId, 'assigned'],
      [zyId, 'reassigned'],
    ]);
    expect(fresh[0]?.body).toContain('交办说明：涉及猴嘴街道辖区农户');
    expect(fresh[0]?.body).toContain('整改时限：2020年2月28日');
    // The street it went to reads it; the other street never does.
    expect((await list(hz.cookie)).items.map((n) => n.id)).toContain(fresh[0]?.id);
    expect((await list(zy.cookie)).items.map((n) => n.id)).not.toContain(fresh[0]?.id);
    // The street that lost it is told where it went, linked to its ledger (the problem is no
    // longer its own to open), and counts it as unread.
    const lost = fresh[1] as Note;
    expect(lost).toMatchObject({
      entity: 'problem',
      entityId: problem.id,
      link: '/problems',
      title: `【交办】问题 ${problem.id} 已改由猴嘴街道整改`,
    });
    expect(lost.body).toContain('区领导小组办公室 系统管理员于2019年12月20日将本单位的问题交办猴嘴街道');
    expect(lost.body).toContain('交办说明：涉及猴嘴街道辖区农户');
    const zyNotes = await list(zy.cookie, '&unread=1');
    expect(zyNotes.items.map((n) => n.id)).toContain(lost.id);
    expect((await list(hz.cookie)).items.map((n) => n.id)).not.toContain(lost.id);
  });

  it("a batch 交办 tells each problem's old unit and the new one", async () => {
    const a = await recordProblem(t, zy.cookie, problemBody(campaignId));
    const b = await recordProblem(t, zy.cookie, problemBody(campaignId));
    await added();
    await ok('POST', '/api/problems/batch/assign', admin, {
      items: [a, b].map((p) => ({ id: p.id, version: p.version })),
      unitId: hzId,
      reason: '辖区调整',
    });
    const fresh = await added();
    expect(fresh.map((n) => [n.unitId, n.entityId, n.title]).sort()).toEqual(
      [a, b]
        .flatMap((p) => [
          [hzId, p.id, `【交办】问题 ${p.id} 已交办本单位整改`],
          [zyId, p.id, `【交办】问题 ${p.id} 已改由猴嘴街道整改`],
        ])
        .sort(),
    );
  });

  it("a deactivated unit's work handed on: the receiving unit is told what it now holds", async () => {
    const leaving = (await ok('POST', '/api/units', admin, { name: '撤并街道', kind: 'street' }))
      .id as number;
    const item = await checkItemId(t, campaignId, 13);
    const open = [
      await insertProblem(t, { campaign_id: campaignId, check_item_id: item, unit_id: leaving }),
      await insertProblem(t, { campaign_id: campaignId, check_item_id: item, unit_id: leaving }),
    ];
    await insertProblem(t, {
      campaign_id: campaignId,
      check_item_id: item,
      unit_id: leaving,
      status: 'closed',
    });
    await added();
    // A refused deactivation (a unit of another kind) tells nobody.
    const dept = unitOf('区财政局');
    const refused = await t.request('POST', `/api/units/${leaving}/deactivate`, admin, {
      disposition: 'move',
      toUnitId: dept,
    });
    expect(refused.statusCode).toBe(400);
    expect(await added()).toEqual([]);

    await ok('POST', `/api/units/${leaving}/deactivate`, admin, { disposition: 'move', toUnitId: hzId });
    const fresh = await added();
    expect(fresh.map((n) => [n.unitId, n.kind, n.link])).toEqual([[hzId, 'assigned', '/problems']]);
    expect(fresh[0]?.title).toBe('【交办】撤并街道停用，其工作交办本单位');
    expect(fresh[0]?.body).toContain('区领导小组办公室 系统管理员于2019年12月20日停用撤并街道');
    expect(fresh[0]?.body).toContain(`未销号问题2个（问题编号：${open.join('、')}）`);
    expect(fresh[0]?.body).toMatch(/排查事项\d+项/);
    expect((await list(hz.cookie, '&unread=1')).items.map((n) => n.id)).toContain(fresh[0]?.id);

    // Kept with the unit: nothing changes hands, nobody is told.
    const kept = (await ok('POST', '/api/units', admin, { name: '保留街道', kind: 'street' })).id as number;
    await insertProblem(t, { campaign_id: campaignId, check_item_id: item, unit_id: kept });
    await ok('POST', `/api/units/${kept}/deactivate`, admin, { disposition: 'keep' });
    expect(await added()).toEqual([]);
  });

  it('a 销号 application reaches the office; 退回 reaches the unit with its reason; a refused step sends nothing', async () => {
    let p = await rectified();
    expect(await added()).toEqual([]);
    p = (
      await ok('POST', `/api/problems/${p.id}/submit`, zy.cookie, { version: p.version, text: '材料已补齐' })
    ).problem;
    let fresh = await added();
    expect(fresh.map((n) => [n.unitId, n.kind])).toEqual([[officeId, 'submitted']]);
    expect(fresh[0]).toMatchObject({
      title: `【待销号】中云街道申请问题 ${p.id} 销号`,
      link: `/problems/${p.id}`,
    });
    expect(fresh[0]?.body).toContain('整改说明：材料已补齐');
    // The office reads it in its own list, and it counts as unread there.
    const office = await list(admin);
    expect(office.items.map((n) => n.id)).toContain(fresh[0]?.id);
    expect(office.unread).toBeGreaterThan(0);

    const stale = await t.request('POST', `/api/problems/${p.id}/return`, admin, {
      version: p.version - 1,
      reason: '照片不清晰',
    });
    expect(stale.statusCode).toBe(409);
    expect(await added()).toEqual([]);

    p = (
      await ok('POST', `/api/problems/${p.id}/return`, admin, {
        version: p.version,
        reason: '公示照片不清晰',
      })
    ).problem;
    fresh = await added();
    expect(fresh.map((n) => [n.unitId, n.kind])).toEqual([[zyId, 'returned']]);
    expect(fresh[0]?.title).toBe(`【退回】问题 ${p.id} 的销号申请被退回`);
    expect(fresh[0]?.body).toContain('退回理由：公示照片不清晰');
    expect(fresh[0]?.body).toContain('退回人：区领导小组办公室 系统管理员（2019年12月20日）');
    expect((await list(zy.cookie, '&unread=1')).items.map((n) => n.id)).toContain(fresh[0]?.id);
    expect((await list(hz.cookie)).items.every((n) => n.unitId === hzId)).toBe(true);

    p = (await ok('POST', `/api/problems/${p.id}/submit`, zy.cookie, { version: p.version, text: '' }))
      .problem;
    expect((await added()).map((n) => [n.unitId, n.kind])).toEqual([[officeId, 'submitted']]);
    p = (await ok('POST', `/api/problems/${p.id}/close`, admin, { version: p.version, text: '' })).problem;
    fresh = await added();
    expect(fresh.map((n) => [n.unitId, n.kind])).toEqual([[zyId, 'closed']]);
    expect(fresh[0]?.body).toContain('审核意见：审核通过，予以销号');
    p = (
      await ok('POST', `/api/problems/${p.id}/reopen`, admin, {
        version: p.version,
        reason: '复查发现仍有缺漏',
      })
    ).problem;
    fresh = await added();
    expect(fresh.map((n) => [n.unitId, n.kind])).toEqual([[zyId, 'reopened']]);
    expect(fresh[0]?.body).toContain('理由：复查发现仍有缺漏');
  });

  it('a monthly report: 报送 to the office, 退回 with the reason and 审核通过 to the unit', async () => {
    const url = reportUrl(campaignId, '2020-01', zyId);
    const submitted = await fillAndSubmit(t, zy.cookie, zyHead.cookie, url);
    let fresh = await added();
    expect(fresh.map((n) => [n.unitId, n.kind])).toEqual([[officeId, 'submitted']]);
    expect(fresh[0]).toMatchObject({
      entity: 'monthly_report',
      title: '【待审核】中云街道报送了2020年1月份问题大排查及整改情况月报',
      link: `/reports/2020-01/${zyId}`,
    });
    // 4 January 2020 is a Saturday, kept by the campaign's policy: the notice says so.
    expect(fresh[0]?.body).toContain('截止日期：2020年1月4日（星期六休息日）');

    const returned = await ok('POST', `${url}/return`, admin, {
      version: submitted.version,
      reason: '第13项未写明整改时限',
    });
    fresh = await added();
    expect(fresh.map((n) => [n.unitId, n.kind])).toEqual([[zyId, 'returned']]);
    expect(fresh[0]).toMatchObject({
      title: '【退回】2020年1月份问题大排查及整改情况月报被退回，请修改后重新报送',
      link: `/reports/2020-01/${zyId}`,
    });
    expect(fresh[0]?.body).toContain('退回理由：第13项未写明整改时限');

    const again = await ok('POST', `${url}/submit`, zyHead.cookie, { version: returned.version });
    fresh = await added();
    expect(fresh[0]?.title).toContain('（退回后重新报送）');
    await ok('POST', `${url}/accept`, admin, { version: again.version });
    fresh = await added();
    expect(fresh.map((n) => [n.unitId, n.kind, n.title])).toEqual([
      [zyId, 'accepted', '【审核通过】2020年1月份问题大排查及整改情况月报已审核通过'],
    ]);
  });

  it('a milestone submission: 报送 to the office, 退回 with the reason to the unit', async () => {
    const grid = await ok('GET', `/api/campaigns/${campaignId}/submissions`, admin);
    const milestone = grid.milestones.find((m: { kind: string }) => m.kind === 'problem_list');
    const url = `/api/campaigns/${campaignId}/submissions/${milestone.id}/units/${zyId}`;
    const scan = (await upload(t, zy.cookie, '问题清单（盖章）.pdf', tinyPdf())).json().id as number;
    const saved = await ok('PUT', url, zy.cookie, {
      version: 0,
      content: '共排查发现问题3个，均已建立台账',
      files: [{ attachmentId: scan, kind: 'scan' }],
    });
    expect(await added()).toEqual([]);
    const submitted = await ok('POST', `${url}/submit`, zyHead.cookie, { version: saved.version });
    let fresh = await added();
    expect(fresh.map((n) => [n.unitId, n.kind, n.link])).toEqual([
      [officeId, 'submitted', `/submissions/${milestone.id}/${zyId}`],
    ]);
    expect(fresh[0]?.title).toBe('【待审核】中云街道报送了“报送问题排查结果和问题清单”材料');
    await ok('POST', `${url}/return`, admin, { version: submitted.version, reason: '扫描件缺公章' });
    fresh = await added();
    expect(fresh.map((n) => [n.unitId, n.kind])).toEqual([[zyId, 'returned']]);
    expect(fresh[0]?.body).toContain('退回理由：扫描件缺公章');
    expect(fresh[0]?.entity).toBe('submission');
  });

  it('a batch 退回 tells the unit of each problem; a refused batch tells nobody', async () => {
    const awaiting = async () => {
      const p = await rectified();
      return (await ok('POST', `/api/problems/${p.id}/submit`, zy.cookie, { version: p.version, text: '' }))
        .problem as { id: number; version: number };
    };
    const batch = [await awaiting(), await awaiting()];
    await added();
    const refused = await t.request('POST', '/api/problems/batch/return', admin, {
      items: batch.map((p, i) => ({ id: p.id, version: i === 0 ? p.version : p.version + 1 })),
      reason: '佐证材料不全',
    });
    expect(refused.statusCode).toBe(409);
    expect(await added()).toEqual([]);
    await ok('POST', '/api/problems/batch/return', admin, {
      items: batch.map((p) => ({ id: p.id, version: p.version })),
      reason: '佐证材料不全',
    });
    const fresh = await added();
    expect(fresh.map((n) => [n.unitId, n.kind, n.entityId]).sort()).toEqual(
      batch.map((p) => [zyId, 'returned', p.id]).sort(),
    );
    expect(fresh.every((n) => n.body.includes('退回理由：佐证材料不全'))).toBe(true);
  });

  it("the office's 待审核 is 已审核 once the office has acted, or once a newer one replaces it", async () => {
    const byId = async (id: number | undefined) => (await list(admin)).items.find((n) => n.id === id);
    const unreadIds = async () => (await list(admin, '&unread=1')).items.map((n) => n.id);
    let p = await rectified();
    await added();
    p = (await ok('POST', `/api/problems/${p.id}/submit`, zy.cookie, { version: p.version, text: '' }))
      .problem;
    const first = (await added())[0];
    expect(first?.kind).toBe('submitted');
    expect((await byId(first?.id))?.resolved).toBeNull();
    expect(await unreadIds()).toContain(first?.id);
    const unreadBefore = (await list(admin)).unread;

    p = (await ok('POST', `/api/problems/${p.id}/return`, admin, { version: p.version, reason: '照片模糊' }))
      .problem;
    expect((await byId(first?.id))?.resolved).toBe('reviewed');
    expect(await unreadIds()).not.toContain(first?.id);
    expect((await list(admin)).unread).toBe(unreadBefore - 1);
    expect((await list(admin, '&read=1')).items.map((n) => n.id)).toContain(first?.id);

    // Sent again: the new 待审核 asks for the review, the old one stays settled.
    p = (await ok('POST', `/api/problems/${p.id}/submit`, zy.cookie, { version: p.version, text: '' }))
      .problem;
    const second = (await added()).find((n) => n.kind === 'submitted');
    expect((await byId(second?.id))?.resolved).toBeNull();
    expect((await byId(first?.id))?.resolved).toBe('reviewed');
    await ok('POST', `/api/problems/${p.id}/close`, admin, { version: p.version, text: '' });
    expect((await byId(second?.id))?.resolved).toBe('reviewed');

    // A report 审核通过 settles its 待审核 the same way; the street's own notices are untouched.
    const hzHead = await t.userIn('猴嘴街道', 'unit_head', 'hz_h');
    const url = reportUrl(campaignId, '2020-01', hzId);
    const submitted = await fillAndSubmit(t, hz.cookie, hzHead.cookie, url);
    const report = (await added()).find((n) => n.kind === 'submitted');
    expect((await byId(report?.id))?.resolved).toBeNull();
    await ok('POST', `${url}/accept`, admin, { version: submitted.version });
    expect((await byId(report?.id))?.resolved).toBe('reviewed');
    const accepted = (await added()).find((n) => n.kind === 'accepted');
    expect((await list(hz.cookie, '&unread=1')).items.map((n) => n.id)).toContain(accepted?.id);
  });

  it("a street's list holds its own notices only, whatever it asks for", async () => {
    const own = await list(hz.cookie, '&all=1');
    expect(own.items.length).toBeGreaterThan(0);
    expect(own.items.every((n) => n.unitId === hzId)).toBe(true);
    expect((await list(zy.cookie)).items.every((n) => n.unitId === zyId)).toBe(true);
  });
});
