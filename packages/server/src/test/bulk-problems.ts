// Hundreds of thousands of ledger problems in seconds, for benchmarks and the large-export tests:
// one INSERT … SELECT per chunk over a generated number series (generate_series on PostgreSQL, a
// recursive CTE on SQLite), spread round-robin over every (item, unit) assignment of the seed.
// Row k of a seeding looks the same on both databases, so figures compare like with like.
import { PROBLEM_SOURCES, PROBLEM_STATUSES } from '@paicha/core';
import { type RawBuilder, sql } from 'kysely';
import type { AppContext } from '../kernel/context.js';

/** Rows per statement: bounds one statement's transaction and undo/WAL growth. */
const CHUNK = 100_000;
const AT = '2020-01-10T00:00:00.000Z';
const CLOSED_AT = '2020-02-20T02:00:00.000Z';

/** `CASE expr WHEN 0 THEN v0 WHEN 1 THEN v1 … END`, the values inlined (constants of this file). */
function pick(expr: RawBuilder<unknown>, values: readonly string[]) {
  return sql`case ${expr} ${sql.join(
    values.map((v, i) => sql`when ${sql.lit(i)} then ${sql.lit(v)}`),
    sql` `,
  )} end`;
}

/**
 * Inserts `n` problems into the first campaign's assignments and refreshes planner statistics.
 * Returns the seconds it took. Problem k: source, status and mode cycle with k; every 7th
 * description mentions 危房 (text search hits); 立行立改 problems have no deadline.
 */
export async function seedBulkProblems(ctx: AppContext, n: number): Promise<number> {
  const started = performance.now();
  const links = await ctx.db
    .selectFrom('item_units as iu')
    .innerJoin('check_items as i', 'i.id', 'iu.check_item_id')
    .select(['i.id as itemId', 'i.campaign_id as campaignId', 'iu.unit_id as unitId'])
    .orderBy('i.campaign_id')
    .orderBy('iu.unit_id')
    .orderBy('i.seq')
    .execute();
  if (links.length === 0) throw new Error('seedBulkProblems: no item assignments to file problems under');
  const L = links.length;
  const admin = await ctx.db
    .selectFrom('users')
    .select('id')
    .where('username', '=', 'admin')
    .executeTakeFirstOrThrow();
  // Foreign-key checks are most of PostgreSQL's insert time here, and every key comes from the
  // rows just read: a superuser (the test server's) switches off those constraint triggers, and
  // only those, for the seeding transaction. Other triggers on problems (tallies) still run.
  const fkTriggers =
    ctx.dialect === 'postgres' && (await isSuperuser(ctx)) ? await foreignKeyTriggers(ctx) : [];
  const linkValues = sql.join(
    links.map(
      (l, idx) =>
        sql`(${sql.lit(idx)}, ${sql.lit(l.itemId)}, ${sql.lit(l.campaignId)}, ${sql.lit(l.unitId)})`,
    ),
  );
  const k = sql`s.k`;
  const status = pick(sql`${k} % ${sql.lit(PROBLEM_STATUSES.length)}`, PROBLEM_STATUSES);
  const immediate = sql`${k} % 4 = 0`;
  for (let from = 0; from < n; from += CHUNK) {
    const to = Math.min(n, from + CHUNK) - 1;
    const series =
      ctx.dialect === 'postgres'
        ? sql`select generate_series(${sql.lit(from)}, ${sql.lit(to)}) as k`
        : sql`select ${sql.lit(from)} as k union all select k + 1 from seq where k < ${sql.lit(to)}`;
    const insert = sql`
      with recursive seq(k) as (${series}),
      links(idx, item_id, campaign_id, unit_id) as (values ${linkValues})
      insert into problems (
        campaign_id, check_item_id, unit_id, source, description, found_date, place, cause,
        measures, responsible_leader, responsible_person, mode, deadline, deadline_reason, status,
        created_by, created_at, updated_at, closed_at
      )
      select l.campaign_id, l.item_id, l.unit_id,
        ${pick(sql`${k} % ${sql.lit(PROBLEM_SOURCES.length)}`, PROBLEM_SOURCES)},
        '第' || cast(${k} as text) || '号问题：某村低收入农户' ||
          case when ${k} % 7 = 0 then '危房未改造' else '政策知晓率不高' end,
        '2019-12-' || cast(14 + ${k} % 17 as text),
        '第' || cast(${k} % 300 as text) || '村',
        '工作不细致', '逐户走访，落实整改', '王某', '李某',
        case when ${immediate} then '立行立改' else '限期整改' end,
        case when ${immediate} then null else '2020-0' || cast(1 + ${k} % 6 as text) || '-15' end,
        '', ${status}, ${sql.lit(admin.id)}, ${sql.lit(AT)}, ${sql.lit(AT)},
        case when ${status} = 'closed' then ${sql.lit(CLOSED_AT)} else null end
      from seq s
      join links l on l.idx = ${k} % ${sql.lit(L)}
      order by ${k}
    `;
    if (fkTriggers.length > 0) {
      await ctx.db.transaction().execute(async (trx) => {
        for (const t of fkTriggers) await sql`alter table problems disable trigger ${sql.id(t)}`.execute(trx);
        await insert.execute(trx);
        // The ledger stamp's trigger waits for commit; ALTER TABLE refuses pending events.
        await sql`set constraints all immediate`.execute(trx);
        for (const t of fkTriggers) await sql`alter table problems enable trigger ${sql.id(t)}`.execute(trx);
      });
    } else {
      await insert.execute(ctx.db);
    }
  }
  if (ctx.dialect === 'postgres') await sql`analyze problems`.execute(ctx.db);
  else await sql`analyze`.execute(ctx.db);
  return (performance.now() - started) / 1000;
}

async function isSuperuser(ctx: AppContext): Promise<boolean> {
  const { rows } = await sql<{ rolsuper: boolean }>`
    select rolsuper from pg_roles where rolname = current_user
  `.execute(ctx.db);
  return rows[0]?.rolsuper === true;
}

/** The internal triggers that check problems' own foreign keys on insert. */
async function foreignKeyTriggers(ctx: AppContext): Promise<string[]> {
  const { rows } = await sql<{ tgname: string }>`
    select t.tgname from pg_trigger t join pg_constraint c on c.oid = t.tgconstraint
    where t.tgrelid = 'problems'::regclass and c.conrelid = 'problems'::regclass and c.contype = 'f'
  `.execute(ctx.db);
  return rows.map((r) => r.tgname);
}
