// The rules' two lanes: a shared table's rules stay together, the run's findings are numbered in
// the rules' order whichever lane found them, and a rule failing in either lane fails the run
// with nothing written and both connections given back.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { RULE_IDS, type RuleId } from '@paicha/core';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { DialectName } from '../../../db/database.js';
import { DIALECTS } from '../../../test/databases.js';
import { startTestApp, type TestApp } from '../../../test/harness.js';
import { runImport } from '../import/import.service.js';
import { runScreening } from './screening.service.js';
import { splitLanes } from './screening-lanes.js';
import { RULES } from './screening-rules.repository.js';

const dir = mkdtempSync(path.join(tmpdir(), 'paicha-lanes-'));
/** The rules that run on these two files, in the two lanes a run on `dialect` puts them in. */
const lanesOfTheFiles = (dialect: DialectName) =>
  splitLanes(
    RULE_IDS.filter((id) => RULES[id].requires.every((s) => s === 'national' || s === 'sunshine')).map(
      (id) => ({ id }),
    ),
    dialect,
  );

// Findings for rules in both lanes: incomes below the line, no safe water, a bad ID; H3 is not in
// 阳光扶贫 and H2's size differs there.
const NATIONAL = [
  '户编号,姓名,证件号码,与户主关系,家庭人口数,贫困户属性,脱贫状态,人均纯收入,乡镇,是否解决安全饮水',
  'H1,张三,320703199001011231,户主,1,一般贫困户,已脱贫,5000,新坝乡,否',
  'H2,李四,320703198505052017,户主,1,一般贫困户,已脱贫,3000,新坝乡,否',
  'H3,王五,320703198505052018,户主,1,一般贫困户,已脱贫,9000,新坝乡,是',
].join('\n');
const SUNSHINE = [
  '乡镇(街道),村(社区),户编号,成员姓名,身份证号码,与户主关系,家庭人口,户类型,脱贫状态,年人均收入',
  '新坝乡,东村,H1,张三,320703199001011231,户主,1,一般贫困户,已脱贫,5000',
  '新坝乡,东村,H2,李四,320703198505052017,户主,2,一般贫困户,已脱贫,3000',
].join('\n');

describe('splitLanes', () => {
  it('keeps the rules sharing a table in one lane and the rules in their order', () => {
    for (const dialect of DIALECTS) {
      const [a, b] = splitLanes(
        RULE_IDS.map((id) => ({ id })),
        dialect,
      );
      expect([...a, ...b].map((r) => r.id).sort()).toEqual([...RULE_IDS].sort());
      for (const lane of [a, b]) {
        const ids = lane.map((r) => r.id);
        expect(ids).toEqual(RULE_IDS.filter((id) => ids.includes(id)));
      }
      const laneOf = (id: RuleId) => (a.some((r) => r.id === id) ? 0 : 1);
      expect(laneOf('record_missing')).toBe(laneOf('record_mismatch'));
      expect(laneOf('medical_insurance_missing')).toBe(laneOf('medical_insurance_duplicate'));
    }
  });
});

describe.each(DIALECTS)('screening lanes on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(dialect);
    for (const [source, text] of [
      ['national', NATIONAL],
      ['sunshine', SUNSHINE],
    ] as const) {
      const file = path.join(dir, `${source}-${dialect}.csv`);
      writeFileSync(file, text);
      const r = await runImport(t.ctx, {
        source,
        path: file,
        fileName: 'f.csv',
        format: 'csv',
        actorId: null,
      });
      expect(r.status).toBe('committed');
    }
  });
  afterAll(async () => t?.close());

  it("numbers the run's findings in the rules' order, whichever lane found them", async () => {
    const { summary } = await runScreening(t.ctx, null);
    const rows = await t.ctx.db
      .selectFrom('screening_run_findings')
      .select(['seq', 'rule_id'])
      .where('run_id', '=', summary.runId)
      .orderBy('seq')
      .execute();
    expect(rows.map((r) => r.seq)).toEqual(rows.map((_, i) => i + 1));
    const rules = rows.map((r) => r.rule_id as RuleId);
    expect(rules).toEqual([...rules].sort((x, y) => RULE_IDS.indexOf(x) - RULE_IDS.indexOf(y)));
    for (const lane of lanesOfTheFiles(dialect))
      expect(
        lane.some((r) => rules.includes(r.id)),
        JSON.stringify(lane),
      ).toBe(true);
  });

  // record_missing runs on the run's own connection, no_safe_water on the second one.
  it.each(['record_missing', 'no_safe_water'] as const)(
    'fails the run cleanly when %s fails',
    async (rule) => {
      const [own] = lanesOfTheFiles(dialect);
      expect(own.some((r) => r.id === rule)).toBe(rule === 'record_missing');
      const spy = vi.spyOn(RULES[rule], 'run').mockRejectedValueOnce(new Error('rule failed'));
      await expect(runScreening(t.ctx, null)).rejects.toThrow('rule failed');
      spy.mockRestore();
      const failed = await t.ctx.db
        .selectFrom('screening_runs')
        .select(['id', 'status', 'message'])
        .orderBy('id', 'desc')
        .executeTakeFirstOrThrow();
      expect(failed).toMatchObject({ status: 'failed', message: '比对失败（服务器内部错误）' });
      const written = await t.ctx.db
        .selectFrom('screening_run_findings')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('run_id', '=', failed.id)
        .executeTakeFirstOrThrow();
      expect(Number(written.n)).toBe(0);
      if (dialect === 'postgres') {
        // Neither lane's session holds its temporary tables or a transaction any more.
        const { rows } = await sql<{ n: number }>`select count(*)::int as n from pg_class
        where relpersistence = 't' and relname like 'scr\\_%'`.execute(t.ctx.db);
        expect(rows[0]?.n).toBe(0);
        const open = await sql<{ n: number }>`select count(*)::int as n from pg_stat_activity
        where datname = current_database() and state like 'idle in transaction%'`.execute(t.ctx.db);
        expect(open.rows[0]?.n).toBe(0);
      }
      const { summary } = await runScreening(t.ctx, null);
      expect(summary.findings).toBeGreaterThan(0);
    },
  );
});
