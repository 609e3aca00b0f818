// N = 10,000 people with planted problems: `paicha import` + `paicha screen --json` as real
// subprocesses on SQLite find exactly the planted ones, and the service does the same on both
// databases, filing problems into the right street's ledger and clearing them when fixed.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { groupDescription, HOUSEHOLD_SOURCES, type RuleId, screeningRule } from '@paicha/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type GeneratedData, writeScreeningFiles } from '../../../../../../bench/screening-files.js';
import { DIALECTS } from '../../../test/databases.js';
import { runFindings } from '../../../test/findings.js';
import { startTestApp, type TestApp } from '../../../test/harness.js';
import { runImport } from '../import/import.service.js';
import { runScreening } from './screening.service.js';

const run = promisify(execFile);
const BIN = path.resolve(import.meta.dirname, '../../../../bin/paicha.mjs');
const N = 10_000;
let data: GeneratedData;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'paicha-screen-'));
  data = await writeScreeningFiles(dir, N, { unmatchedTownship: true });
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('paicha import + paicha screen (subprocess, SQLite)', () => {
  it('finds exactly the planted problems at N = 10,000', async () => {
    const env = {
      ...process.env,
      PAICHA_DATA_DIR: path.join(dir, 'cli-data'),
      PAICHA_ADMIN_PASSWORD: 'cli-admin-password',
      DATABASE_URL: '',
    };
    for (const source of HOUSEHOLD_SOURCES) {
      const { stdout } = await run('node', [BIN, 'import', source, data.files[source], '--json'], { env });
      const r = JSON.parse(stdout);
      expect(r).toMatchObject({
        rows: data.rows[source],
        accepted: data.rows[source],
        rejected: 0,
        errors: [],
      });
    }
    const { stdout } = await run('node', [BIN, 'screen', '--json'], { env, maxBuffer: 64 << 20 });
    const out = JSON.parse(stdout);
    const got = out.findings
      .map(
        (f: { rule: string; householdId: string; idNumber: string | null }) =>
          `${f.rule}|${f.householdId}|${f.idNumber}`,
      )
      .sort();
    const want = data.planted.map((p) => `${p.rule}|${p.householdId}|${p.idNumber}`).sort();
    expect(got).toEqual(want);
    const income = out.findings.find(
      (f: { rule: string; unit: string | null }) => f.rule === 'income_below_line' && f.unit,
    );
    expect(income).toMatchObject({ checkItem: 20, unit: expect.stringMatching(/街道$/) });
    expect(out.findings.filter((f: { unit: string | null }) => f.unit === null).length).toBe(
      out.summary.unrouted,
    );
    expect(out.summary.unrouted).toBeGreaterThan(0);

    // A rejected file: exit code 2, the report, nothing stored.
    const bad = path.join(dir, 'bad.csv');
    writeFileSync(
      bad,
      '户编号,姓名,证件号码,与户主关系,是否享受低保\n1,张三,3.20703199001011E+17,户主,也许\n',
    );
    const failed = await run('node', [BIN, 'import', 'national', bad, '--json'], { env }).catch((e) => e);
    expect(failed.code).toBe(2);
    const report = JSON.parse(failed.stdout);
    expect(report).toMatchObject({ rows: 1, accepted: 0, rejected: 1 });
    expect(report.errors.map((e: { column: string }) => e.column).sort()).toEqual([
      '是否享受低保',
      '证件号码',
    ]);
  }, 180_000);
});

describe.each(DIALECTS)('screening service on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(dialect);
  });
  afterAll(async () => t?.close());

  it('imports every source, finds exactly the planted problems and files them in the ledger', async () => {
    for (const source of HOUSEHOLD_SOURCES) {
      const r = await runImport(t.ctx, {
        source,
        path: data.files[source],
        fileName: `${source}.csv`,
        format: 'csv',
        actorId: null,
      });
      expect(r.status, JSON.stringify(r.errors.slice(0, 3))).toBe('committed');
    }
    const first = await runScreening(t.ctx, null);
    const found = await runFindings(t, first.summary.runId);
    expect(found.map((f) => f.key).sort()).toEqual(data.planted.map((p) => p.key).sort());
    const routedFindings = found.filter((f) => f.unitId !== null);
    const routed = routedFindings.length;
    // One ledger problem per street × rule, its findings inside.
    const groups = new Set(routedFindings.map((f) => `${f.unitId}:${f.rule}`));
    expect(first.summary.problemsCreated).toBe(groups.size);

    const problems = await t.ctx.db
      .selectFrom('problems as p')
      .innerJoin('check_items as i', 'i.id', 'p.check_item_id')
      .innerJoin('units as u', 'u.id', 'p.unit_id')
      .select(['p.finding_rule', 'p.unit_id', 'p.findings_total', 'p.findings_done', 'p.description'])
      .select(['p.source', 'i.seq', 'u.kind', 'u.name', 'p.status', 'p.screening_cleared_at'])
      .where('p.source', '=', '数据比对')
      .execute();
    expect(problems.map((p) => `${p.unit_id}:${p.finding_rule}`).sort()).toEqual([...groups].sort());
    expect(problems.reduce((n, p) => n + p.findings_total, 0)).toBe(routed);
    expect(
      problems.every((p) => p.kind === 'street' && p.status === 'pending' && p.screening_cleared_at === null),
    ).toBe(true);
    for (const p of problems) {
      const rule = p.finding_rule as RuleId;
      expect(p.findings_total).toBe(
        routedFindings.filter((f) => f.unitId === p.unit_id && f.rule === rule).length,
      );
      expect(p.findings_done).toBe(0);
      expect(p.description).toBe(groupDescription(rule, p.name, p.findings_total));
      expect(p.seq).toBe(screeningRule(rule).checkItem);
    }
    expect(problems.find((p) => p.finding_rule === 'unsafe_house')?.seq).toBe(32);

    // Same data again: nothing new, nothing resolved (deduplicated by finding_key).
    const again = await runScreening(t.ctx, null);
    expect(again.summary).toMatchObject({ new: 0, resolved: 0, problemsCreated: 0 });

    // The water list is fixed: those findings resolve and their problems may now be closed out.
    const fixed = path.join(dir, `water-fixed-${dialect}.csv`);
    writeFileSync(
      fixed,
      `户编号,户主姓名,是否通自来水\n${data.planted
        .filter((p) => p.rule === 'no_safe_water')
        .map((p) => `${p.householdId},某某,是`)
        .join('\n')}\n`,
    );
    expect(
      (
        await runImport(t.ctx, {
          source: 'water',
          path: fixed,
          fileName: 'water.csv',
          format: 'csv',
          actorId: null,
        })
      ).status,
    ).toBe('committed');
    const third = await runScreening(t.ctx, null);
    const water = data.planted.filter((p) => p.rule === 'no_safe_water');
    expect(third.summary.resolved).toBe(water.length);
    // The water groups' every finding is done: they are cleared, with their counts; none other is.
    const after = await t.ctx.db
      .selectFrom('problems')
      .select(['finding_rule', 'findings_total', 'findings_done', 'screening_cleared_at'])
      .where('source', '=', '数据比对')
      .execute();
    for (const p of after) {
      const water = p.finding_rule === 'no_safe_water';
      expect(p.findings_done).toBe(water ? p.findings_total : 0);
      expect(p.screening_cleared_at !== null).toBe(water);
    }
    expect(third.summary.problemsCleared).toBe(
      after.filter((p) => p.finding_rule === 'no_safe_water').length,
    );
  }, 120_000);
});
