// Counts and list totals are kept in memory per ledger change stamp (tally-cache.ts): a change
// made elsewhere — another server process, the CLI, a screening run's own connection — must show
// in the very next answer, and a rolled-back change must never.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from '../../db/database.js';
import { DIALECTS } from '../../test/databases.js';
import { ADMIN_PASSWORD, startTestApp, type TestApp } from '../../test/harness.js';
import { firstCampaignId, problemBody } from '../../test/problems.js';
import { findUnitByName } from '../units/units.repository.js';

const COLUMNS = sql.raw(`campaign_id, check_item_id, unit_id, source, description, found_date, place,
  cause, measures, responsible_leader, responsible_person, mode, deadline, deadline_reason, status,
  created_by, created_at, updated_at`);

describe.each(DIALECTS)('ledger counts kept per change stamp on %s', (dialect) => {
  let t: TestApp;
  let admin: string;
  let other: Database;
  let campaignId: number;

  beforeAll(async () => {
    t = await startTestApp(dialect);
    admin = await t.login('admin', ADMIN_PASSWORD);
    campaignId = await firstCampaignId(t, admin);
    // A second connection to the same database, as another process would have.
    other = openDatabase({ databaseUrl: t.ctx.config.databaseUrl, dataDir: t.ctx.config.dataDir });
  });
  afterAll(async () => {
    await other.destroy();
    await t.close();
  });

  const seen = async () => {
    const counts = (await t.request('GET', '/api/problems/counts?groupBy=source', admin)).json() as {
      found: number;
      closed: number;
    }[];
    const list = (await t.request('GET', '/api/problems?status=closed', admin)).json() as { total: number };
    return {
      found: counts.reduce((s, c) => s + c.found, 0),
      closed: counts.reduce((s, c) => s + c.closed, 0),
      closedListed: list.total,
    };
  };

  it('answers changes made through another connection at once, and never a rolled-back one', async () => {
    const unitId = (await findUnitByName(t.ctx.db, '中云街道'))?.id;
    const res = await t.request('POST', '/api/problems', admin, problemBody(campaignId, { unitId }));
    expect(res.statusCode, res.body).toBe(200);
    const before = await seen();
    expect(await seen()).toEqual(before);

    // A copy of it, written by the other connection (no history rows, so it can be deleted).
    const { rows } = await sql<{ id: number }>`insert into problems (${COLUMNS})
      select ${COLUMNS} from problems where id = ${res.json().problem.id} returning id`.execute(other.db);
    const id = rows[0]?.id;
    expect(await seen()).toEqual({ ...before, found: before.found + 1 });

    await sql`update problems set status = 'closed' where id = ${id}`.execute(other.db);
    expect(await seen()).toEqual({ found: before.found + 1, closed: 1, closedListed: 1 });

    await other.db
      .transaction()
      .execute(async (trx) => {
        await sql`delete from problems where id = ${id}`.execute(trx);
        throw new Error('rolled back');
      })
      .catch(() => {});
    expect(await seen()).toEqual({ found: before.found + 1, closed: 1, closedListed: 1 });

    await sql`delete from problems where id = ${id}`.execute(other.db);
    expect(await seen()).toEqual({ ...before, found: before.found });
  });
});
