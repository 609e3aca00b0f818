import { BATCH_MAX } from '@paicha/core/api/problems';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test/databases.js';
import { tinyPng, upload } from '../../test/files.js';
import type { TestApp } from '../../test/harness.js';
import { startLedgerApp } from '../../test/problems.js';
import { checkItemId, insertProblem, type ProblemRow, unitIdByName } from '../../test/tables.js';
import { verifyAuditChain } from '../audit/audit.repository.js';

// Batches over the ledger: 销号, 退回 and 交办 by the office, one progress note by a unit, each
// at the cap of 500 problems, all or nothing, one history event and one audit row per problem.
describe.each(DIALECTS)('problem batches on %s', (dialect) => {
  let t: TestApp;
  let admin: string;
  let reporter: { cookie: string };
  let campaignId: number;
  let street: number;
  let otherStreet: number;
  let item: number;
  beforeAll(async () => {
    ({ t, admin, reporter, campaignId } = await startLedgerApp(dialect));
    street = await unitIdByName(t, '中云街道');
    otherStreet = await unitIdByName(t, '猴嘴街道');
    item = await checkItemId(t, campaignId, 13);
  });
  afterAll(() => t.close());

  /** n problems of 中云街道 (unless overridden), version 1. */
  const insertMany = async (n: number, row: Partial<ProblemRow> = {}) => {
    const ids: number[] = [];
    for (let i = 0; i < n; i++)
      ids.push(
        await insertProblem(t, { campaign_id: campaignId, check_item_id: item, unit_id: street, ...row }),
      );
    return ids;
  };
  const problems = (ids: number[]) =>
    t.ctx.db
      .selectFrom('problems')
      .select(['id', 'status', 'version', 'unit_id', 'return_reason', 'closed_at'])
      .where('id', 'in', ids)
      .orderBy('id')
      .execute();
  const events = (ids: number[], kind: string) =>
    t.ctx.db
      .selectFrom('problem_events')
      .select(['id', 'problem_id'])
      .where('problem_id', 'in', ids)
      .where('kind', '=', kind)
      .execute();
  const audits = async (ids: number[], action: string) =>
    (
      await t.ctx.db
        .selectFrom('audit_log')
        .select('entity_id')
        .where('entity', '=', 'problem')
        .where('action', '=', action)
        .execute()
    )
      .map((r) => Number(r.entity_id))
      .filter((id) => ids.includes(id));
  const items = (ids: number[], version = 1) => ids.map((id) => ({ id, version }));

  it(`closes ${BATCH_MAX} problems at once: one event and one audit row each`, async () => {
    const ids = await insertMany(BATCH_MAX, { status: 'awaiting_review' });
    const tooMany = await t.request('POST', '/api/problems/batch/close', admin, {
      items: items([...ids, ids[0] as number]),
    });
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.json().error.message).toContain(`一次最多处理${BATCH_MAX}个问题`);

    const res = await t.request('POST', '/api/problems/batch/close', admin, { items: items(ids), text: '' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ done: BATCH_MAX, ids });
    const rows = await problems(ids);
    expect(rows.every((r) => r.status === 'closed' && r.version === 2 && r.closed_at)).toBe(true);
    expect(await events(ids, 'close')).toHaveLength(BATCH_MAX);
    expect((await audits(ids, 'problem.close')).sort((a, b) => a - b)).toEqual(ids);
    expect(await verifyAuditChain(t.ctx.db)).toBeNull();
  }, 120_000);

  it(`returns ${BATCH_MAX}, a unit records one note with evidence on them, the office hands them over`, async () => {
    const ids = await insertMany(BATCH_MAX, { status: 'awaiting_review' });
    let res = await t.request('POST', '/api/problems/batch/return', admin, {
      items: items(ids),
      reason: '佐证材料不全',
    });
    expect(res.statusCode, res.body).toBe(200);
    let rows = await problems(ids);
    expect(rows.every((r) => r.status === 'returned' && r.return_reason === '佐证材料不全')).toBe(true);
    expect(await audits(ids, 'problem.return')).toHaveLength(BATCH_MAX);

    const file = (await upload(t, reporter.cookie, '整改照片.png', tinyPng(), 'image/png')).json()
      .id as number;
    res = await t.request('POST', '/api/problems/batch/progress', reporter.cookie, {
      items: items(ids, 2),
      date: '2019-12-20',
      text: '已补齐公示材料',
      attachmentIds: [file],
    });
    expect(res.statusCode, res.body).toBe(200);
    const progress = await events(ids, 'progress');
    expect(progress).toHaveLength(BATCH_MAX);
    // Every problem's note carries the evidence: one attachment row each, the same stored bytes.
    const evidence = await t.ctx.db
      .selectFrom('attachments')
      .select(['entity_id', 'sha256'])
      .where('entity', '=', 'problem_event')
      .where(
        'entity_id',
        'in',
        progress.map((e) => e.id),
      )
      .execute();
    expect(new Set(evidence.map((e) => e.entity_id)).size).toBe(BATCH_MAX);
    expect(new Set(evidence.map((e) => e.sha256)).size).toBe(1);
    const detail = (await t.request('GET', `/api/problems/${ids[7]}`, reporter.cookie)).json();
    expect(detail.events.at(-1)).toMatchObject({ kind: 'progress', text: '已补齐公示材料' });
    expect(detail.events.at(-1).attachments).toHaveLength(1);

    res = await t.request('POST', '/api/problems/batch/assign', admin, {
      items: items(ids, 3),
      unitId: otherStreet,
      reason: '属地调整',
    });
    expect(res.statusCode, res.body).toBe(200);
    rows = await problems(ids);
    expect(rows.every((r) => r.unit_id === otherStreet && r.version === 4)).toBe(true);
    expect(await events(ids, 'assigned')).toHaveLength(BATCH_MAX);
    expect(await audits(ids, 'problem.assign')).toHaveLength(BATCH_MAX);
    // Handed over, they are no longer the 中云街道 reporter's to work on.
    const gone = await t.request('POST', '/api/problems/batch/progress', reporter.cookie, {
      items: items(ids.slice(0, 2), 4),
      date: '2019-12-20',
      text: '继续整改',
    });
    expect(gone.statusCode).toBe(409);
    expect(gone.json().error.details.refused.map((r: { code: string }) => r.code)).toEqual([
      'not_found',
      'not_found',
    ]);
    expect(await verifyAuditChain(t.ctx.db)).toBeNull();
  }, 180_000);

  it('refuses the whole batch when one problem is refused, listing each with its reason', async () => {
    const [ok1, ok2] = await insertMany(2, { status: 'awaiting_review' });
    const [pending] = await insertMany(1, { status: 'pending' });
    const [stale] = await insertMany(1, { status: 'awaiting_review', version: 5 });
    const [screened] = await insertMany(1, { status: 'awaiting_review', source: '数据比对' });
    const ids = [ok1, ok2, pending, stale, screened] as number[];
    const before = await problems(ids);
    const auditRows = (await t.ctx.db.selectFrom('audit_log').select('id').execute()).length;

    const res = await t.request('POST', '/api/problems/batch/close', admin, {
      items: [...items(ids), { id: 2_000_000_000, version: 1 }],
    });
    expect(res.statusCode).toBe(409);
    const error = res.json().error;
    expect(error.code).toBe('batch_refused');
    expect(error.message).toBe('所选 6 个问题中有 4 个不能销号，本次均未办理');
    expect(error.details.total).toBe(6);
    expect(error.details.refused).toEqual([
      { id: pending, code: 'conflict', message: '问题当前为“待整改”，不能执行此操作' },
      { id: stale, code: 'version_conflict', message: expect.stringContaining('已被他人修改') },
      { id: screened, code: 'unprocessable', message: expect.stringContaining('再次比对') },
      { id: 2_000_000_000, code: 'not_found', message: '问题不存在' },
    ]);
    expect(await problems(ids)).toEqual(before);
    expect(await events(ids, 'close')).toEqual([]);
    expect((await t.ctx.db.selectFrom('audit_log').select('id').execute()).length).toBe(auditRows);

    // The same 交办 refusals: a closed problem, an unknown unit refuses the request as a whole.
    const [closed] = await insertMany(1, { status: 'closed' });
    const assign = await t.request('POST', '/api/problems/batch/assign', admin, {
      items: items([ok1 as number, closed as number]),
      unitId: otherStreet,
    });
    expect(assign.statusCode).toBe(409);
    expect(assign.json().error.details.refused).toEqual([
      { id: closed, code: 'conflict', message: '问题已销号，不能交办' },
    ]);
    expect((await problems([ok1 as number]))[0]?.unit_id).toBe(street);
    const noUnit = await t.request('POST', '/api/problems/batch/assign', admin, {
      items: items([ok1 as number]),
      unitId: 2_000_000_000,
    });
    expect(noUnit.json().error).toMatchObject({ code: 'validation_failed', message: '责任单位不存在' });
  });

  it("refuses a unit's batch on another street's problem as missing, and the office's steps to units", async () => {
    const [own] = await insertMany(1, { status: 'rectifying' });
    const [theirs] = await insertMany(1, { status: 'rectifying', unit_id: otherStreet });
    const res = await t.request('POST', '/api/problems/batch/progress', reporter.cookie, {
      items: items([own as number, theirs as number]),
      date: '2019-12-20',
      text: '整改中',
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.details.refused).toEqual([
      { id: theirs, code: 'not_found', message: '问题不存在' },
    ]);
    expect(await events([own as number], 'progress')).toEqual([]);

    const future = await t.request('POST', '/api/problems/batch/progress', reporter.cookie, {
      items: items([own as number]),
      date: '2019-12-21',
      text: '整改中',
    });
    expect(future.json().error.message).toBe('进展日期不能晚于今天');
    const twice = await t.request('POST', '/api/problems/batch/progress', reporter.cookie, {
      items: items([own as number, own as number]),
      date: '2019-12-20',
      text: '整改中',
    });
    expect(twice.statusCode).toBe(400);
    for (const step of ['close', 'return', 'assign'])
      expect(
        (
          await t.request('POST', `/api/problems/batch/${step}`, reporter.cookie, {
            items: items([own as number]),
            reason: '理由',
            unitId: street,
          })
        ).statusCode,
      ).toBe(403);
  });
});
