// The hand-offs of reporting send their notices like every other (handoff-notices.test.ts): a
// monthly report's and a milestone submission's 报送 to the office, 退回 with the reason and
// 审核通过 to the unit; the office's 待审核 is settled (已审核) once the office acts on it or a
// newer one replaces it.
import { describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test/databases.js';
import { tinyPdf, upload } from '../../test/files.js';
import { noticeWorld } from '../../test/notices.js';
import { fillAndSubmit, reportUrl } from '../../test/reports.js';

describe.each(DIALECTS)('hand-off notices of reports and submissions on %s', (dialect) => {
  const w = noticeWorld(dialect);

  it('a monthly report: 报送 to the office, 退回 with the reason and 审核通过 to the unit', async () => {
    const { t, admin, zy, zyHead, campaignId, zyId, officeId, added, ok } = w;
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
    const { t, admin, zy, zyHead, campaignId, zyId, officeId, added, ok } = w;
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

  it("the office's 待审核 is 已审核 once the office has acted, or once a newer one replaces it", async () => {
    const { t, admin, zy, hz, campaignId, hzId, list, added, ok, rectified } = w;
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
});
