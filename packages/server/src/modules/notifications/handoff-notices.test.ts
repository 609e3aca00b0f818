// Every hand-off of a problem sends exactly one notice to each receiving unit — 交办 (to the unit
// that gets it and the one that loses it), 退回 with its reason, 销号, 重新打开, and to the office a
// 销号 application — in the hand-off's transaction (a refused one sends nothing); a street never
// sees another's. Reports and submissions: reporting-notices.test.ts.
import { describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test/databases.js';
import { type Note, noticeWorld } from '../../test/notices.js';
import { problemBody, recordProblem } from '../../test/problems.js';
import { checkItemId, insertProblem } from '../../test/tables.js';

describe.each(DIALECTS)('hand-off notices of problems on %s', (dialect) => {
  const w = noticeWorld(dialect);

  it('a unit recording its own problem hands nothing over', async () => {
    const { t, zy, campaignId, added } = w;
    await recordProblem(t, zy.cookie, problemBody(campaignId));
    expect(await added()).toEqual([]);
  });

  it('交办 tells the receiving unit what, by whom, by when and why — and only that unit', async () => {
    const { admin, zy, hz, campaignId, zyId, hzId, list, added, ok } = w;
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
      deadline: '2020-02-29', // a Saturday: marked in the notice, not moved
      reason: '涉及猴嘴街道辖区农户',
    });
    fresh = await added();
    expect(fresh.map((n) => [n.unitId, n.kind])).toEqual([
      [hzId, 'assigned'],
      [zyId, 'reassigned'],
    ]);
    expect(fresh[0]?.body).toContain('交办说明：涉及猴嘴街道辖区农户');
    expect(fresh[0]?.body).toContain('整改时限：2020年2月29日（星期六休息日）');
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
    const { t, admin, zy, campaignId, zyId, hzId, added, ok } = w;
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
    const { t, admin, hz, campaignId, hzId, unitOf, list, added, ok } = w;
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
    const { t, admin, zy, hz, zyId, hzId, officeId, list, added, ok, rectified } = w;
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

  it('a batch 退回 tells the unit of each problem; a refused batch tells nobody', async () => {
    const { t, admin, zy, zyId, added, ok, rectified } = w;
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

  it("a street's list holds its own notices only, whatever it asks for", async () => {
    const { zy, hz, zyId, hzId, list } = w;
    const own = await list(hz.cookie, '&all=1');
    expect(own.items.length).toBeGreaterThan(0);
    expect(own.items.every((n) => n.unitId === hzId)).toBe(true);
    expect((await list(zy.cookie)).items.every((n) => n.unitId === zyId)).toBe(true);
  });
});
