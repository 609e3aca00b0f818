// The plan preview's limits: a 500-item Word table read in slices (the event loop stays free),
// hostile and wrong files refused quickly with a Chinese message, and both plan routes the
// office's alone. Both databases; what a plan becomes is plan-import.test.ts.
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import type { PlanPreview } from '@paicha/core/api/campaign-import';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/databases.js';
import { ADMIN_PASSWORD, startTestApp, type TestApp } from '../../../test/harness.js';
import { planDocx, postPlan, seedPlan, tableXlsx } from '../../../test/plan-files.js';
import { hostile } from '../../../test/xlsx-files.js';

describe.each(DIALECTS)("the plan preview's limits on %s", (dialect) => {
  let t: TestApp;
  let admin: string;
  beforeAll(async () => {
    t = await startTestApp(dialect, { now: '2021-02-20T02:00:00Z' });
    admin = await t.login('admin', ADMIN_PASSWORD);
  });
  afterAll(() => t.close());

  it('reads a 500-item Word table in slices: the event loop stays free', async () => {
    const plan = seedPlan();
    const rows = Array.from({ length: 500 }, (_, i) => {
      const r = [...(plan.rows[i % plan.rows.length] as string[])];
      r[0] = String(i + 1);
      return r;
    });
    const docx = await planDocx({ ...plan, rows });
    const delay = monitorEventLoopDelay({ resolution: 10 });
    delay.enable();
    const started = performance.now();
    const res = await postPlan(t, admin, '大表.docx', docx);
    const ms = performance.now() - started;
    delay.disable();
    expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
    expect((res.json() as PlanPreview).items).toHaveLength(500);
    const maxLag = delay.max / 1e6;
    console.log(
      `[plan-import ${dialect}] 500-item .docx (${Math.round(docx.length / 1024)} KB): preview ${Math.round(ms)} ms, event-loop lag max ${Math.round(maxLag)} ms, p99 ${Math.round(delay.percentile(99) / 1e6)} ms`,
    );
    expect(maxLag).toBeLessThan(500);
  });

  it('is the office’s: a street gets 403 on both routes', async () => {
    const street = await t.userIn('中云街道', 'unit_head', 'zy_head_plan');
    const docx = await planDocx(seedPlan());
    expect((await postPlan(t, street.cookie, 'plan.docx', docx)).statusCode).toBe(403);
    const res = await t.request('POST', '/api/campaigns/from-plan', street.cookie, {});
    expect(res.statusCode).toBe(403);
  });

  it('refuses hostile and wrong files with a Chinese message, quickly', async () => {
    const started = Date.now();
    const bomb = await postPlan(t, admin, 'bomb.docx', hostile.wordBomb());
    expect(bomb.statusCode).toBe(413);
    expect(bomb.json().error.message).toMatch(/[\u4e00-\u9fa5]/);
    expect(Date.now() - started).toBeLessThan(5000);
    expect((await postPlan(t, admin, 'x.xlsx', hostile.zipBomb(true))).statusCode).toBe(413);
    const junk = await postPlan(t, admin, 'plan.docx', Buffer.from('not a zip at all'));
    expect(junk.statusCode).toBe(422);
    const rows = Array.from({ length: 501 }, (_, i) => ['各街道', String(i + 1), '项目', `内容${i}`, '']);
    const many = await postPlan(
      t,
      admin,
      'big.xlsx',
      await tableXlsx('表', ['责任单位', '序号', '排查项目', '排查内容', '整改措施'], rows),
    );
    expect(many.statusCode).toBe(413);
    expect(many.json().error.message).toContain('500');
    const noTable = await tableXlsx('表', ['姓名', '身份证号', '地址'], [['张三', '1', '2']]);
    const none = await postPlan(t, admin, 'other.xlsx', noTable);
    expect(none.statusCode).toBe(422);
    expect(none.json().error.message).toContain('责任单位');
  });
});
