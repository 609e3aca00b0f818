// A small world for the route × role matrix: two streets with one of everything each (problem with
// evidence, 明察暗访 visit and its problem, 月报, milestone submission, 催办, household with a
// finding), one household no street has yet, and a user of every role. The other street's texts
// carry a marker, so a response that leaks them is found by a plain search.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Role } from '@paicha/core';
import { runImport } from '../modules/households/import/import.service.js';
import { currentImports } from '../modules/households/import/imports.repository.js';
import { runScreening } from '../modules/households/screening/screening.service.js';
import { tinyPdf, upload } from './files.js';
import { ADMIN_PASSWORD, type TestApp } from './harness.js';
import { firstCampaignId, problemBody } from './problems.js';

/** Texts of the other street, and its household: never in a unit user's answer. */
const OTHER_MARKER = 'LEAKB其他街道';
const HOUSEHOLD = { own: '3207101', other: '3207201', unrouted: '3207301' } as const;
export const NEVER_FOR_UNITS = [OTHER_MARKER, HOUSEHOLD.other, HOUSEHOLD.unrouted];

export type Side = 'own' | 'other';
export type Caller = Role | 'anonymous';
export const CALLERS: readonly Caller[] = [
  'anonymous',
  'leader',
  'inspector',
  'reporter',
  'unit_head',
  'admin',
];

export interface AccessWorld {
  campaignId: number;
  cookies: Record<Caller, string | undefined>;
  /** The own street is the unit users'; the office roles belong to the office. */
  unit: Record<Side, number>;
  problem: Record<Side, number>;
  file: Record<Side, number>;
  inspection: Record<Side, number>;
  finding: Record<Side, number>;
  household: Record<Side, string>;
  period: string;
  milestoneId: number;
  circularId: number;
  /** A user the office may edit without locking anyone of the matrix out. */
  spareUserId: number;
  householdUploadId: string;
  /** A second upload, for the import the matrix starts (an import consumes its upload). */
  importUploadId: string;
  importId: number;
  placeId: number;
  screeningId: number;
}

async function ok<T>(what: string, res: Promise<{ statusCode: number; body: string }>) {
  const r = await res;
  if (r.statusCode >= 300) throw new Error(`${what}: ${r.statusCode} ${r.body}`);
  return JSON.parse(r.body) as T;
}

const NATIONAL_HEADER =
  '户编号,姓名,证件号码,与户主关系,家庭人口数,贫困户属性,脱贫状态,年人均纯收入（元）,乡镇（街道）';

export async function buildAccessWorld(t: TestApp, dir: string): Promise<AccessWorld> {
  const admin = await t.login('admin', ADMIN_PASSWORD);
  const office = '区领导小组办公室';
  const clerk = {
    own: await t.userIn('中云街道', 'reporter'),
    other: await t.userIn('猴嘴街道', 'reporter'),
  };
  const cookies: Record<Caller, string | undefined> = {
    anonymous: undefined,
    admin,
    leader: (await t.userIn(office, 'leader')).cookie,
    inspector: (await t.userIn(office, 'inspector')).cookie,
    reporter: clerk.own.cookie,
    unit_head: (await t.userIn('中云街道', 'unit_head')).cookie,
  };
  const spare = await t.userIn('中云街道', 'reporter');
  const campaignId = await firstCampaignId(t, admin);
  const units = await ok<{ id: number; name: string }[]>('units', t.request('GET', '/api/units', admin));
  const unitId = (name: string) => units.find((u) => u.name === name)?.id ?? 0;
  const unit = { own: unitId('中云街道'), other: unitId('猴嘴街道') };
  const reports = await ok<{ periods: { period: string }[] }>(
    'report grid',
    t.request('GET', `/api/campaigns/${campaignId}/monthly-reports`, admin),
  );
  const period = reports.periods[0]?.period ?? '';
  const subs = await ok<{ milestones: { id: number }[] }>(
    'submission grid',
    t.request('GET', `/api/campaigns/${campaignId}/submissions`, admin),
  );
  const milestoneId = subs.milestones[0]?.id ?? 0;

  const world = { problem: {}, file: {}, inspection: {} } as Pick<
    AccessWorld,
    'problem' | 'file' | 'inspection'
  >;
  for (const side of ['own', 'other'] as const) {
    const tag = side === 'other' ? OTHER_MARKER : '本街道';
    const cookie = clerk[side].cookie;
    const p = await ok<{ problem: { id: number } }>(
      'problem',
      t.request('POST', '/api/problems', cookie, problemBody(campaignId, { description: `${tag}问题` })),
    );
    const file = await ok<{ id: number }>('upload', upload(t, cookie, `${tag}.pdf`, tinyPdf()));
    await ok(
      'progress',
      t.request('POST', `/api/problems/${p.problem.id}/progress`, cookie, {
        version: 1,
        date: '2019-12-19',
        text: `${tag}进展`,
        attachmentIds: [file.id],
      }),
    );
    const visit = await ok<{ id: number }>(
      'inspection',
      t.request('POST', '/api/inspections', admin, {
        campaignId,
        unitId: unit[side],
        visitDate: '2019-12-19',
        visitType: '暗访',
        findings: `${tag}发现`,
      }),
    );
    // A visit with a problem cannot be deleted: the matrix's DELETE meets a 409, not an empty world.
    const {
      source: _source,
      campaignId: _c,
      ...fields
    } = problemBody(campaignId, { description: `${tag}交办` });
    await ok('visit problem', t.request('POST', `/api/inspections/${visit.id}/problems`, admin, fields));
    const base = `/api/campaigns/${campaignId}`;
    await ok(
      'monthly report',
      t.request('PUT', `${base}/monthly-reports/${period}/units/${unit[side]}`, cookie, {
        version: 0,
        rows: [{ seq: 13, situation: `${tag}月报` }],
      }),
    );
    await ok(
      'submission',
      t.request('PUT', `${base}/submissions/${milestoneId}/units/${unit[side]}`, cookie, {
        version: 0,
        content: `${tag}报送`,
      }),
    );
    await ok(
      'urge',
      t.request('POST', '/api/notifications/urge', admin, { unitIds: [unit[side]], title: `${tag}催办` }),
    );
    world.problem[side] = p.problem.id;
    world.file[side] = file.id;
    world.inspection[side] = visit.id;
  }

  // Households: one per street and one whose township no street has; none has tap water.
  const national = [
    NATIONAL_HEADER,
    `${HOUSEHOLD.own},张三,320703199001011234,户主,1,一般贫困户,已脱贫,5800,中云街道`,
    `${HOUSEHOLD.other},李四,370986198906232123,户主,1,一般贫困户,已脱贫,5800,猴嘴街道`,
    `${HOUSEHOLD.unrouted},王五,11010519491231002X,户主,1,一般贫困户,已脱贫,5800,无名镇`,
  ].join('\n');
  const nationalFile = path.join(dir, 'national.csv');
  writeFileSync(nationalFile, national);
  const waterFile = path.join(dir, 'water.csv');
  writeFileSync(waterFile, `户编号,是否通自来水\n${Object.values(HOUSEHOLD).join(',否\n')},否\n`);
  for (const [source, file] of [
    ['national', nationalFile],
    ['water', waterFile],
  ] as const) {
    const r = await runImport(t.ctx, {
      source,
      path: file,
      fileName: `${source}.csv`,
      format: 'csv',
      actorId: null,
    });
    if (r.status !== 'committed') throw new Error(`household import ${source}: ${r.status}`);
  }
  await runScreening(t.ctx, null);
  const findingOf = async (householdId: string) =>
    (
      await t.ctx.db
        .selectFrom('findings')
        .select('id')
        .where('household_id', '=', householdId)
        .executeTakeFirstOrThrow()
    ).id;
  const householdUpload = async () => {
    const form = new FormData();
    form.append('file', new Blob([national]), 'national.csv');
    const res = await ok<{ upload: { id: string } }>(
      'household upload',
      t.app.inject({
        method: 'POST',
        url: '/api/households/uploads?source=national',
        headers: { cookie: admin },
        payload: form,
      }),
    );
    return res.upload.id;
  };
  const circular = await ok<{ id: number; version: number }>(
    'circular',
    t.request('POST', '/api/supervision/circulars', admin, { campaignId }),
  );
  await ok(
    'issue',
    t.request('POST', `/api/supervision/circulars/${circular.id}/issue`, admin, {
      version: circular.version,
    }),
  );
  const place = await t.ctx.db
    .selectFrom('household_places')
    .select('id')
    .where('name', '=', '无名镇')
    .executeTakeFirstOrThrow();
  const run = await t.ctx.db.selectFrom('screening_runs').select('id').executeTakeFirstOrThrow();
  return {
    ...world,
    campaignId,
    cookies,
    unit,
    finding: { own: await findingOf(HOUSEHOLD.own), other: await findingOf(HOUSEHOLD.other) },
    household: { own: HOUSEHOLD.own, other: HOUSEHOLD.other },
    period,
    milestoneId,
    circularId: circular.id,
    spareUserId: spare.id,
    householdUploadId: await householdUpload(),
    importUploadId: await householdUpload(),
    importId: Number((await currentImports(t.ctx.db)).national),
    placeId: place.id,
    screeningId: run.id,
  };
}
