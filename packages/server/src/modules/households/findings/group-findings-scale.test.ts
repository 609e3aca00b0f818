// A street's group with 100,000 findings (inserted directly, both databases): the problem page's
// findings list pages (first and last page), filters by village, state and text, and the export
// streams every row by keyset — the ledger itself holds one problem for them.
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/databases.js';
import { routedFinding, syncRun } from '../../../test/findings.js';
import { type LedgerApp, startLedgerApp } from '../../../test/problems.js';
import { unitIdByName } from '../../../test/tables.js';

const N = 100_000;

describe.each(DIALECTS)('a group of 100,000 findings on %s', (dialect) => {
  let L: LedgerApp;
  let groupId: number;
  beforeAll(async () => {
    L = await startLedgerApp(dialect);
    const { t, campaignId } = L;
    const zhongyun = await unitIdByName(t, '中云街道');
    await syncRun(t, campaignId, [routedFinding('income_below_line', 'G0', zhongyun)], ['income_below_line']);
    const group = await t.ctx.db
      .selectFrom('problems')
      .select('id')
      .where('finding_rule', '=', 'income_below_line')
      .executeTakeFirstOrThrow();
    groupId = group.id;
    // Households G1…G100000 in ten villages; every fourth no longer found.
    const at = '2019-12-20T02:00:00.000Z';
    const rows = sql`select ${campaignId}, 'income_below_line:G' || i, 'income_below_line', 20, ${zhongyun},
        '中云街道', '村' || (i % 10), 'G' || i, '户G' || i || '人均纯收入低于脱贫标准', 1, 1,
        case when i % 4 = 0 then ${at} end, ${groupId}, ${at}, ${at}`;
    const columns = sql`(campaign_id, finding_key, rule_id, check_item, unit_id, township, village, household_id,
        detail, first_run_id, last_run_id, resolved_at, problem_id, created_at, updated_at)`;
    if (dialect === 'postgres')
      await sql`insert into findings ${columns} ${rows} from generate_series(1, ${N}) as n(i)`.execute(
        t.ctx.db,
      );
    else
      await sql`with recursive n(i) as (select 1 union all select i + 1 from n where i < ${N})
        insert into findings ${columns} ${rows} from n`.execute(t.ctx.db);
  }, 120_000);
  afterAll(async () => L?.t.close());

  const list = (query: string) =>
    L.t.request('GET', `/api/households/findings?problemId=${groupId}&${query}`, L.reporter.cookie);

  it('pages, filters and searches the findings', async () => {
    const first = (await list('status=all&pageSize=50')).json();
    expect(first.total).toBe(N + 1);
    expect(first.items[0].householdId).toBe('G0');
    expect(first.items[49].householdId).toBe('G49');
    const last = (await list(`status=all&pageSize=50&page=${Math.ceil((N + 1) / 50)}`)).json();
    expect(last.items.at(-1).householdId).toBe(`G${N}`);
    const village = (await list('status=all&village=村3&pageSize=20&page=100')).json();
    expect(village.total).toBe(N / 10);
    expect(village.items.every((f: { village: string }) => f.village === '村3')).toBe(true);
    const done = (await list('status=resolved')).json();
    expect(done.total).toBe(N / 4);
    const open = (await list('status=open&q=G9999')).json();
    expect(open.items.map((f: { householdId: string }) => f.householdId).sort()).toEqual(
      ['G9999', 'G99990', 'G99991', 'G99993', 'G99994', 'G99995', 'G99997', 'G99998', 'G99999'].sort(),
    );
  });

  it('exports every finding of the group, streamed by keyset in the list order', async () => {
    const res = await L.t.request(
      'GET',
      `/api/households/findings/export?problemId=${groupId}&status=all`,
      L.reporter.cookie,
    );
    expect(res.statusCode).toBe(200);
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(res.rawPayload), {});
    let rows = 0;
    let firstId: unknown = null;
    let lastId: unknown = null;
    for await (const sheet of reader)
      for await (const row of sheet) {
        rows += 1;
        if (rows === 2) firstId = row.getCell(7).value;
        lastId = row.getCell(7).value;
      }
    expect(rows).toBe(N + 2);
    expect(firstId).toBe('G0');
    expect(lastId).toBe(`G${N}`);
  }, 120_000);
});
