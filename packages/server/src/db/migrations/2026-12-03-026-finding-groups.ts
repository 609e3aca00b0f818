// Screening files one ledger problem per street × rule (a group) instead of one per finding.
// Schema: problems.finding_rule (the group's rule; null for every other problem), its findings'
// total and done counts (kept by the screening's set-based sync), one open group per campaign ×
// street × rule (a partial unique index), and the findings' indexes a group's paged list reads.
//
// Data: the per-finding 数据比对 problems filed before are merged, per campaign × street × rule:
// the open ones (any status but closed) into one open group, the closed ones into one closed
// group (closed at the latest member's 销号, so the closed-out history stays closed out). The
// findings point at their group; the members' history events (progress, evidence, 交办, 销号 …)
// move onto the group, except their automatic 登记 events, which the group's own merge note
// replaces; reminders that linked a member link its group. The members are then deleted (the
// problem_tallies triggers count the change). An open group is 整改中 when any member had been
// worked on, else 待整改; it is marked cleared when every member was.
import { groupDescriptionParts, SCREENING_RULES } from '@paicha/core';
import { type Kysely, type Migration, type QueryExecutorProvider, sql } from 'kysely';

export function findingGroupsMigration(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable('problems').addColumn('finding_rule', 'text').execute();
      await db.schema
        .alterTable('problems')
        .addColumn('findings_total', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
      await db.schema
        .alterTable('problems')
        .addColumn('findings_done', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
      // A group's findings list pages by id, filtered by village or state; the
      // merge below counts each group's findings by it too.
      await db.schema
        .createIndex('findings_problem_idx')
        .on('findings')
        .columns(['problem_id', 'id'])
        .execute();
      await db.schema
        .createIndex('findings_problem_village_idx')
        .on('findings')
        .columns(['problem_id', 'village', 'id'])
        .execute();
      await mergePerFindingProblems(db);
      await db.schema
        .createIndex('problems_open_group_uq')
        .on('problems')
        .columns(['campaign_id', 'finding_rule', 'unit_id'])
        .unique()
        .where(sql.ref('finding_rule'), 'is not', null)
        .where(sql.ref('status'), '<>', 'closed')
        .execute();
      await db.schema
        .createIndex('problems_group_idx')
        .on('problems')
        .columns(['campaign_id', 'finding_rule', 'unit_id', 'status'])
        .execute();
    },
    async down(db: Kysely<unknown>) {
      for (const i of ['findings_problem_village_idx', 'findings_problem_idx'])
        await db.schema.dropIndex(i).execute();
      for (const i of ['problems_group_idx', 'problems_open_group_uq'])
        await db.schema.dropIndex(i).execute();
      for (const c of ['findings_done', 'findings_total', 'finding_rule'])
        await db.schema.alterTable('problems').dropColumn(c).execute();
    },
  };
}

export async function mergePerFindingProblems(db: QueryExecutorProvider) {
  await sql`create temp table group_members as
    select p.id as problem_id, p.campaign_id, p.unit_id, min(f.rule_id) as rule_id,
      case when p.status = 'closed' then 1 else 0 end as closed
    from problems p join findings f on f.problem_id = p.id
    where p.source = '数据比对' and p.finding_key is not null
    group by p.id, p.campaign_id, p.unit_id, p.status`.execute(db);
  // The group's finding_key holds a temporary key until its members are repointed.
  const key = sql`'group:' || m.rule_id || ':' || m.unit_id || ':' || m.closed`;
  await sql`insert into problems (campaign_id, check_item_id, unit_id, source, description, found_date,
      place, household_ref, cause, measures, responsible_leader, responsible_person, mode, deadline, deadline_reason,
      status, version, return_reason, created_by, created_at, updated_at, submitted_at, closed_at, finding_key,
      screening_cleared_at, finding_rule)
    select m.campaign_id, min(p.check_item_id), m.unit_id, '数据比对', '', min(p.found_date), '', null, '', '', '', '',
      '限期整改', max(p.deadline), '',
      case when m.closed = 1 then 'closed'
        when max(case when p.status = 'pending' then 0 else 1 end) = 1 then 'rectifying' else 'pending' end,
      1, '', null, min(p.created_at), max(p.updated_at),
      case when m.closed = 1 then max(p.submitted_at) end, case when m.closed = 1 then max(p.closed_at) end,
      ${key},
      case when min(case when p.screening_cleared_at is null then 0 else 1 end) = 1 then max(p.screening_cleared_at) end,
      m.rule_id
    from group_members m join problems p on p.id = m.problem_id
    group by m.campaign_id, m.unit_id, m.rule_id, m.closed
    order by m.campaign_id, m.unit_id, m.rule_id, m.closed`.execute(db);
  await sql`create temp table group_map as
    select m.problem_id, g.id as group_id from group_members m
    join problems g on g.campaign_id = m.campaign_id and g.finding_key = ${key}`.execute(db);
  // Each member's group is looked up once per row it repoints: indexed, or 354,000 members scan
  // the map 354,000 times.
  await sql`create index group_map_problem_idx on group_map (problem_id)`.execute(db);
  await sql`analyze group_map`.execute(db);
  const groupOf = sql`(select group_id from group_map where group_map.problem_id`;
  await sql`update findings set problem_id = ${groupOf} = findings.problem_id)
    where problem_id in (select problem_id from group_map)`.execute(db);
  await sql`delete from problem_events where kind = 'created'
    and problem_id in (select problem_id from group_map)`.execute(db);
  await sql`update problem_events set problem_id = ${groupOf} = problem_events.problem_id)
    where problem_id in (select problem_id from group_map)`.execute(db);
  await sql`update notifications set entity_id = ${groupOf} = notifications.entity_id),
      link = '/problems/' || ${groupOf} = notifications.entity_id)
    where entity = 'problem' and entity_id in (select problem_id from group_map)`.execute(db);
  await sql`insert into problem_events (problem_id, at, event_date, actor_id, kind, from_status, to_status, text, detail)
    select g.id, g.created_at, g.found_date, null, 'created', null, g.status,
      '由' || count(*) || '条逐户（逐人）登记的数据比对问题按街道和规则合并而成，问题线索见本问题的问题线索清单', '{}'
    from group_map x join problems g on g.id = x.group_id
    group by g.id, g.created_at, g.found_date, g.status order by g.id`.execute(db);
  await sql`delete from problems where id in (select problem_id from group_map)`.execute(db);
  await sql`update problems set finding_key = null,
      findings_total = (select count(*) from findings f where f.problem_id = problems.id),
      findings_done = (select count(*) from findings f where f.problem_id = problems.id
        and (f.resolved_at is not null or f.verification = 'dispute_accepted'))
    where id in (select group_id from group_map)`.execute(db);
  for (const rule of SCREENING_RULES) {
    const { before, after } = groupDescriptionParts(rule.id);
    await sql`update problems set description = cast(${before} as text) || (select name from units u where u.id = problems.unit_id)
        || '，' || findings_total || cast(${after} as text)
      where finding_rule = ${rule.id} and id in (select group_id from group_map)`.execute(db);
  }
  await sql`drop table group_map`.execute(db);
  await sql`drop table group_members`.execute(db);
}
