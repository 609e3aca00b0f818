// The screening's set-based SQL: joins on the normalised keys (18-digit ID, 户编号) inside the
// database, the same text on SQLite and PostgreSQL, so a million people never pass through a
// JavaScript loop (DESIGN.md "How big, how fast"). Only candidate rows (findings) come back.
import type { HouseholdSource } from '@paicha/core';
import type { Transaction } from 'kysely';
import { type RawBuilder, sql } from 'kysely';
import type { DialectName } from '../../../db/database.js';
import type { DB } from '../../../db/schema.js';
import { rowsTableName } from '../import/rows-table.repository.js';

export type Row = Record<string, unknown>;

/** Rows per page a rule reads its candidates in. */
const PAGE = 1000;

export class ScreeningSql {
  /** Temporary tables made so far, in creation order: built once per run, dropped at its end. */
  private readonly made = new Map<string, Promise<RawBuilder<unknown>>>();

  constructor(
    private readonly trx: Transaction<DB>,
    readonly imports: Partial<Record<HouseholdSource, number>>,
    private readonly dialect: DialectName,
  ) {}

  has(source: HouseholdSource): boolean {
    return this.imports[source] !== undefined;
  }

  t(source: HouseholdSource): RawBuilder<unknown> {
    const id = this.imports[source];
    if (id === undefined) throw new Error(`no import of ${source}`);
    return sql.raw(rowsTableName(id));
  }

  async rows<T = Row>(query: RawBuilder<unknown>): Promise<T[]> {
    return (await query.execute(this.trx)).rows as T[];
  }

  async exec(query: RawBuilder<unknown>): Promise<void> {
    await query.execute(this.trx);
  }

  /**
   * A query's rows a page at a time, in `order` (columns of the query's result): the rows are
   * first written to a temporary table as the query gives them (planned as it stands: wrapped in a
   * window, SQLite planned the reconciling queries' subqueries worse — the 低保 check took 2.5×
   * as long at a million people), then numbered in that order into another, read by keyset on the
   * number. So a rule with 200,000 findings holds a page of them, not all. `onePerPerson` keeps
   * the first row in file order per id_number (the query must give id_number and row_no).
   */
  async each(
    query: RawBuilder<unknown>,
    order: string,
    fn: (rows: Row[]) => Promise<void>,
    options: { onePerPerson?: boolean } = {},
  ): Promise<void> {
    await this.exec(sql`drop table if exists scr_page`);
    await this.exec(sql`drop table if exists scr_found_rows`);
    await this.exec(sql`create temp table scr_found_rows as ${query}`);
    const rows = options.onePerPerson
      ? sql`select * from (select y.*, row_number() over (partition by y.id_number order by y.row_no) as scr_dup
          from scr_found_rows y) z where z.scr_dup = 1`
      : sql`select * from scr_found_rows`;
    await this.exec(
      sql`create temp table scr_page as select row_number() over (order by ${sql.raw(order)}) as scr_rn, x.*
        from (${rows}) x`,
    );
    await this.exec(sql`drop table scr_found_rows`);
    await this.exec(sql`create index scr_page_rn on scr_page (scr_rn)`);
    try {
      for (let after = 0; ; ) {
        const page = await this.rows(
          sql`select * from scr_page where scr_rn > ${after} order by scr_rn limit ${PAGE}`,
        );
        if (page.length === 0) break;
        after = Number(page.at(-1)?.scr_rn);
        await fn(page);
      }
    } finally {
      await this.exec(sql`drop table if exists scr_page`);
    }
  }

  /**
   * A merging rule's rows as findings: `each` in `order`, which must bring each group's rows
   * together (`key` tells the group); `finish` makes a group's finding, or none. Only the group
   * being read is held, so a rule that merges 200,000 findings hands them over a page at a time.
   */
  async eachGroup<T>(
    query: RawBuilder<unknown>,
    order: string,
    key: (row: Row) => string,
    finish: (rows: Row[]) => T | null,
    emit: (done: T[]) => Promise<void>,
  ): Promise<void> {
    let group: Row[] = [];
    let current = '';
    await this.each(query, order, async (page) => {
      const done: T[] = [];
      for (const r of page) {
        const k = key(r);
        if (group.length > 0 && k !== current) {
          const f = finish(group);
          if (f) done.push(f);
          group = [];
        }
        current = k;
        group.push(r);
      }
      await emit(done);
    });
    const last = group.length > 0 ? finish(group) : null;
    if (last) await emit([last]);
  }

  /**
   * A temporary table from `select`, indexed on `indexed`, made on first use: rules that need the
   * same intermediate (a list's rows keyed to the roll, per-person insurance) share one build.
   * PostgreSQL never analyzes temporary tables by itself, and its planner needs the row counts.
   */
  private temp(name: string, select: RawBuilder<unknown>, indexed: string[]): Promise<RawBuilder<unknown>> {
    let made = this.made.get(name);
    if (!made) {
      made = (async () => {
        const t = sql.raw(name);
        await this.exec(sql`drop table if exists ${t}`);
        await this.exec(sql`create temp table ${t} as ${select}`);
        for (const c of indexed)
          await this.exec(sql`create index ${sql.raw(`${name}_${c}`)} on ${t} (${sql.raw(c)})`);
        if (this.dialect === 'postgres') await this.exec(sql`analyze ${t}`);
        return t;
      })();
      this.made.set(name, made);
    }
    return made;
  }

  /** A sector row's household on the roll: its 户编号, else its head's or its own ID's household. */
  link(alias: string): RawBuilder<unknown> {
    const a = sql.raw(alias);
    const n = this.t('national');
    return sql`coalesce(
      (select h.household_id from scr_hh h where h.household_id = ${a}.household_id),
      (select p.household_id from ${n} p where p.id_number = ${a}.head_id_number limit 1),
      (select p.household_id from ${n} p where p.id_number = ${a}.id_number limit 1))`;
  }

  /**
   * link() for a whole list: the roll's households joined rather than looked up row by row
   * (PostgreSQL hashes the join: a million index probes took ~2 s more), the ID lookups left for
   * the rows without a roll 户编号.
   */
  linkJoined(alias: string): { join: RawBuilder<unknown>; hh: RawBuilder<unknown> } {
    const a = sql.raw(alias);
    const j = sql.raw(`${alias}_roll`);
    const n = this.t('national');
    return {
      join: sql`left join scr_hh ${j} on ${j}.household_id = ${a}.household_id`,
      hh: sql`coalesce(${j}.household_id,
      (select p.household_id from ${n} p where p.id_number = ${a}.head_id_number limit 1),
      (select p.household_id from ${n} p where p.id_number = ${a}.id_number limit 1))`,
    };
  }

  /**
   * The ID numbers a list holds more than once, as a query. PostgreSQL estimates a third of the
   * list's IDs repeated and hashes a second pass over the list against them; told by a temporary
   * table (analyzed) that they are a few thousand, it fetches their rows by the ID index instead.
   * SQLite already fetches them by index, and the temporary table only cost it time.
   */
  async repeatedIds(source: HouseholdSource): Promise<RawBuilder<unknown>> {
    const ids = sql`select id_number from ${this.t(source)} where id_number is not null
      group by id_number having count(*) > 1`;
    if (this.dialect !== 'postgres') return ids;
    return sql`select id_number from ${await this.temp(`scr_repeated_${source}`, ids, [])}`;
  }

  /**
   * The roll per household: the national export repeats household fields on every member.
   * PostgreSQL groups the rows in household order (its household_id index, or a sort) rather than
   * hashing them: at a million people hashing the 400,000 households took 1.1 s and indexing its
   * unordered result 0.55 s, in order 0.75 s and 0.1 s. SQLite reads them in that order already.
   */
  async prepareHouseholds(): Promise<void> {
    const sorted = this.dialect === 'postgres';
    if (sorted) await this.exec(sql`set local enable_hashagg = off`);
    await this.temp(
      'scr_hh',
      sql`select household_id, max(township) as township, max(village) as village,
        max(household_size) as size, max(category) as category, max(exit_status) as exit_status,
        max(income) as income, sum(case when is_head = 1 then 1 else 0 end) as heads,
        count(*) as members, min(case when safe_water = 0 then 0 end) as water_no
      from ${this.t('national')} where household_id is not null group by household_id`,
      ['household_id'],
    );
    if (sorted) await this.exec(sql`set local enable_hashagg to default`);
  }

  /** The roll's households per 乡镇（街道） name (tens of rows), read off the roll per household. */
  householdsByTownship(): Promise<{ township: string | null; households: number }[]> {
    return this.rows(sql`select township, count(*) as households from scr_hh group by township`);
  }

  /**
   * Another system's household fields per roll household, for reconciliation: each row's
   * household (link) worked out once here, and the fields the list repeats on every member kept
   * once per household, indexed by it. At a million people on PostgreSQL, building these 400,000
   * rows took 0.9–1.2 s where a copy of the 994,000 rows keyed to their household took 1.1 s plus
   * 0.4 s for its index, and the mismatch rule no longer groups it (0.5 s); SQLite about the same.
   */
  peerHouseholds(source: HouseholdSource): Promise<RawBuilder<unknown>> {
    const link = this.linkJoined('x');
    return this.temp(
      `scr_peer_${source}`,
      sql`select y.hh, max(y.household_size) as size, max(y.category) as category,
        max(y.exit_status) as exit_status, max(y.income) as income
      from (select ${link.hh} as hh, x.household_size, x.category, x.exit_status, x.income
        from ${this.t(source)} x ${link.join}) y
      where y.hh is not null group by y.hh`,
      ['hh'],
    );
  }

  /**
   * The roll and another system's list matched ID to ID in one full join, keeping only what the
   * reconciling rules report: the roll's people no row of the list has (s_row null), the list's
   * people not on the roll (p_row null), and the pairs whose 低保、特困、在校、居民医保 differ;
   * the list row's household (link) is worked out for these few rows only. At a million people
   * it replaced two anti-joins and a join of a million rows each (PostgreSQL hashed the list
   * three times, and indexed it by ID in 1.6 s for them). Every row has a row_no, so a null one
   * marks the side that is missing.
   */
  peerByPerson(source: HouseholdSource): Promise<RawBuilder<unknown>> {
    return this.temp(
      `scr_match_${source}`,
      sql`select p.household_id as p_hh, p.township as p_township, p.village as p_village, p.id_number as p_id,
        p.name as p_name, p.row_no as p_row, p.low_income as p_low, p.extreme as p_ext, p.enrolled as p_enr,
        p.resident_ins as p_res, s.id_number as s_id, s.name as s_name, s.township as s_township,
        s.village as s_village, ${this.link('s')} as s_hh, coalesce(s.household_id, s.head_id_number) as s_own,
        s.row_no as s_row, s.low_income as s_low, s.extreme as s_ext, s.enrolled as s_enr, s.resident_ins as s_res
      from ${this.t(source)} s full join ${this.t('national')} p on p.id_number = s.id_number
      where p.row_no is null or s.row_no is null or p.low_income <> s.low_income or p.extreme <> s.extreme
        or p.enrolled <> s.enrolled or p.resident_ins <> s.resident_ins`,
      [],
    );
  }

  async dropTemp(): Promise<void> {
    for (const name of [...this.made.keys()].reverse())
      await this.exec(sql`drop table if exists ${sql.raw(name)}`);
    this.made.clear();
  }

  /**
   * The newest row per roll household of a per-household list (housing, water), for the
   * households with some row passing `test` (on the list's row `x`): the rules want the newest row
   * only where it can be a finding, and a household with no failing row cannot have a failing
   * newest one. The candidates' rows are those whose 户编号 is a candidate (by the list's household
   * index) and, linked by ID, those whose 户编号 is not on the roll. At a million people, ranking
   * every household's rows (sorted, kept, indexed) took the housing and water rules 0.8–0.9 s each
   * on SQLite and 1.3–1.9 s on PostgreSQL, ranking the candidates' after linking every row into a
   * temporary table 0.3–0.5 s and 0.7–1.0 s; linking only the candidates' rows took both rules
   * together from 0.81 to 0.51 s on SQLite and from 1.46 to 0.94 s on PostgreSQL.
   */
  async latestPerHousehold(
    source: HouseholdSource,
    column: string,
    test: RawBuilder<unknown>,
  ): Promise<RawBuilder<unknown>> {
    const c = sql.raw(column);
    const t = this.t(source);
    const link = this.linkJoined('x');
    return sql`(with cand as (select ${link.hh} as hh from ${t} x ${link.join} where ${test}),
      cand_rows as (
        select x.household_id as hh, x.${c}, x.appraisal_date, x.row_no from ${t} x
        where x.household_id in (select hh from cand)
        union all
        select u.* from (select ${this.link('x')} as hh, x.${c}, x.appraisal_date, x.row_no from ${t} x
          where not exists (select 1 from scr_hh r where r.household_id = x.household_id)) u
        where u.hh in (select hh from cand))
      select * from (
        select y.*, row_number() over (partition by y.hh
          order by coalesce(y.appraisal_date, '') desc, y.row_no desc) as rn
        from cand_rows y) z where z.rn = 1)`;
  }

  /**
   * The roll's people without a medical scheme in force of each kind asked for (basic, and 大病
   * when `serious`), with has_basic (1/0). Few people lack one, so per-ID cover is worked out only
   * for the IDs that can: those with a row of the list not in force for a kind asked for, and
   * those not on the list at all (walking the two ID indexes, no rows read). At a million people a
   * cover of every one of the list's IDs (a temporary table, indexed) took 1.6 s of the rule's
   * 2.0 s on SQLite and 1.9 s of 2.7 s on PostgreSQL; this way the rule takes 0.5 s and 0.7 s.
   */
  medicalLacking(serious: boolean): RawBuilder<unknown> {
    const n = this.t('national');
    const m = this.t('medical');
    const inForce = (test: string) => `coalesce(y.active, 1) = 1 and (${test})`;
    const basic = inForce('y.resident_ins = 1 or y.employee_ins = 1');
    const big = inForce('y.serious_ins = 1');
    const wanted = sql.raw(serious ? `(${basic}) and (${big})` : basic);
    return sql`with cover as (
        select y.id_number, max(case when ${sql.raw(basic)} then 1 else 0 end) as basic,
          max(case when ${sql.raw(big)} then 1 else 0 end) as serious
        from ${m} y where y.id_number in (
          select y.id_number from ${m} y where y.id_number is not null and (case when ${wanted} then 1 else 0 end) = 0)
        group by y.id_number)
      select p.household_id, p.id_number, p.name, p.township, p.village, p.row_no, p.resident_ins, p.employee_ins,
        coalesce(c.basic, 0) as has_basic
      from ${n} p left join cover c on c.id_number = p.id_number
      where p.id_number in (
        select c.id_number from cover c where c.basic = 0 ${serious ? sql`or c.serious = 0` : sql``}
        union all
        select x.id_number from ${n} x
        where x.id_number is not null and not exists (select 1 from ${m} z where z.id_number = x.id_number))`;
  }

  /** ID numbers the medical list has in force under both the residents' and the employees' scheme. */
  medicalDoubled(): RawBuilder<unknown> {
    const m = this.t('medical');
    return sql`select y.id_number from ${m} y where coalesce(y.active, 1) = 1 and y.employee_ins = 1
      and exists (select 1 from ${m} z where z.id_number = y.id_number and coalesce(z.active, 1) = 1 and z.resident_ins = 1)`;
  }

  /**
   * People whose 低保/特困 the roll and civil affairs see differently. A roll row without its own
   * 是否享受低保/特困 reads its household's 户类型, looked up only then: the national export fills
   * both columns, and joining every one of a million people to the roll per household for a value
   * never read took 0.25 s of the rule's 1.2 s on SQLite. Every roll household is in scr_hh, so
   * "has a 户编号" is what that join kept.
   */
  assistance(): RawBuilder<unknown> {
    const n = this.t('national');
    const c = this.t('civil');
    const on = (flag: string) =>
      sql.raw(`max(case when x.${flag} = 1 and coalesce(x.active, 1) = 1 then 1 else 0 end)`);
    const category = sql`(select h.category from scr_hh h where h.household_id = p.household_id)`;
    const nd = sql`coalesce(p.low_income, case when ${category} = 'dibao' then 1 else 0 end)`;
    const nt = sql`coalesce(p.extreme, case when ${category} = 'tekun' then 1 else 0 end)`;
    return sql`with civ as (
        select x.id_number as pid, ${on('low_income')} as d, ${on('extreme')} as t
        from ${c} x where x.id_number is not null group by x.id_number
        union all
        select p.id_number as pid, ${on('low_income')} as d, ${on('extreme')} as t
        from ${c} x join ${n} hd on hd.id_number = x.head_id_number
          join ${n} p on p.household_id = hd.household_id
        where x.id_number is null group by p.id_number
      ), cv as (select pid, max(d) as d, max(t) as t from civ group by pid)
      select p.household_id, p.id_number, p.name, p.township, p.village, p.row_no,
        ${nd} as nd, ${nt} as nt, coalesce(cv.d, 0) as cd, coalesce(cv.t, 0) as ct
      from ${n} p left join cv on cv.pid = p.id_number
      where p.id_number is not null and p.household_id is not null
        and (${nd} <> coalesce(cv.d, 0) or ${nt} <> coalesce(cv.t, 0))`;
  }
}
