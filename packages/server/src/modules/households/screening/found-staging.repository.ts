// Where a run's findings wait between the rules and the filing, so that the run never holds them
// all in memory: the rules hand each page of findings to `stage` (a temporary table of their
// lane's connection: on SQLite the rules' transaction takes no write lock, and a temporary table
// needs none; the second lane's are copied to the run's connection in seq order, `copyStaged`,
// each rule's numbers moved into the rules' order, `renumber`), and the recording transaction
// copies them, routed to their streets, into
// screening_run_findings in one INSERT … SELECT (`publish`), which the filing and
// `paicha screen --json` then read.
import { sql } from 'kysely';
import type { DialectName } from '../../../db/database.js';
import type { Executor } from '../../../db/transaction.js';
import type { Found } from '../findings/types.js';
import { placeName } from '../places/places.js';

/** Rows per INSERT: 12 parameters each, well under both databases' limits per statement. */
const CHUNK = 500;
/** Rows per page copied from another connection's staging. */
const PAGE = 2000;

export async function createStaging(trx: Executor): Promise<void> {
  await sql`drop table if exists scr_found`.execute(trx);
  await sql`create temp table scr_found (seq integer not null, rule_id text not null, finding_key text not null,
    check_item integer not null, township text not null, village text not null, household_id text,
    id_number text, raw_id text, person_name text, detail text not null, data text not null)`.execute(trx);
}

/** The staging table's columns, in the order every INSERT here lists them. */
const FIELDS = [
  'seq',
  'rule_id',
  'finding_key',
  'check_item',
  'township',
  'village',
  'household_id',
  'id_number',
  'raw_id',
  'person_name',
  'detail',
  'data',
] as const;
type StagedRow = Record<(typeof FIELDS)[number], unknown>;
const COLUMNS = sql.raw(FIELDS.join(', '));

/** Writes findings after the `seq` staged so far; returns the new count. */
export async function stage(
  trx: Executor,
  found: readonly Found[],
  checkItem: number,
  seq: number,
): Promise<number> {
  let n = seq;
  await insert(
    trx,
    found.map(
      (f): StagedRow => ({
        seq: ++n,
        rule_id: f.rule,
        finding_key: f.key,
        check_item: checkItem,
        township: placeName(f.township),
        village: f.village,
        household_id: f.householdId,
        id_number: f.idNumber,
        raw_id: f.rawId,
        person_name: f.name,
        detail: f.detail,
        data: JSON.stringify(f.data),
      }),
    ),
  );
  return n;
}

async function insert(trx: Executor, rows: readonly StagedRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    const values = rows.slice(i, i + CHUNK).map((r) => sql`(${sql.join(FIELDS.map((f) => r[f]))})`);
    await sql`insert into scr_found (${COLUMNS}) values ${sql.join(values)}`.execute(trx);
  }
}

/** Moves each rule's staged seq by its shift (rules not named stay). */
export async function renumber(trx: Executor, shifts: ReadonlyMap<string, number>): Promise<void> {
  const moved = [...shifts].filter(([, by]) => by !== 0);
  if (moved.length === 0) return;
  const by = moved.map(([rule, n]) => sql`when ${rule} then cast(${n} as integer)`);
  await sql`update scr_found set seq = seq + case rule_id ${sql.join(by, sql` `)} else 0 end`.execute(trx);
}

/**
 * Another connection's staged findings into this one's, each rule's seq moved by its shift: a
 * page at a time in seq order (indexed first: a keyset read of an unindexed table scans it whole
 * for every page), so that 200,000 findings pass through memory a page at a time.
 */
export async function copyStaged(
  from: Executor,
  to: Executor,
  shifts: ReadonlyMap<string, number>,
): Promise<void> {
  await sql`create index scr_found_seq on scr_found (seq)`.execute(from);
  for (let after = 0; ; ) {
    const { rows } = await sql<StagedRow & { seq: number; rule_id: string }>`
      select ${COLUMNS} from scr_found where seq > ${after} order by seq limit ${PAGE}`.execute(from);
    const last = rows.at(-1);
    if (!last) break;
    after = last.seq;
    await insert(
      to,
      rows.map((r) => ({ ...r, seq: r.seq + (shifts.get(r.rule_id) ?? 0) })),
    );
  }
}

/** The 乡镇（街道） names the staged findings name (tens), for the place resolver. */
export async function stagedPlaces(trx: Executor): Promise<string[]> {
  const { rows } = await sql<{ township: string }>`select distinct township from scr_found`.execute(trx);
  return rows.map((r) => r.township);
}

/**
 * The staged findings become the run's rows of screening_run_findings, each with the street its
 * place maps to (the names' streets travel as a VALUES list); the previous runs' rows go.
 */
export async function publish(
  trx: Executor,
  runId: number,
  streets: ReadonlyMap<string, number>,
  dialect: DialectName,
): Promise<void> {
  await sql`delete from screening_run_findings where run_id <> ${runId}`.execute(trx);
  const mapped = [...streets].map(([name, unit]) => sql`(cast(${name} as text), cast(${unit} as integer))`);
  const places =
    mapped.length > 0
      ? sql`(values ${sql.join(mapped)})`
      : sql`(select cast(null as text) as column1, cast(null as integer) as column2)`;
  await sql`insert into screening_run_findings (run_id, seq, rule_id, finding_key, check_item, unit_id, township,
      village, household_id, id_number, raw_id, person_name, detail, data)
    select cast(${runId} as integer), f.seq, f.rule_id, f.finding_key, f.check_item, p.column2, f.township,
      f.village, f.household_id, f.id_number, f.raw_id, f.person_name, f.detail, f.data
    from scr_found f left join ${places} p on p.column1 = f.township
    order by f.seq`.execute(trx);
  // Autovacuum cannot see an open transaction's rows: without this the filing's joins are planned
  // for an empty table (at 200,000 findings, a nested loop of scans took minutes). The columns the
  // filing selects and joins on only: with the texts, 0.17 s at 36,000 findings instead of 0.05 s.
  if (dialect === 'postgres')
    await sql`analyze screening_run_findings (run_id, seq, rule_id, finding_key, unit_id)`.execute(trx);
}

export async function dropStaging(trx: Executor): Promise<void> {
  await sql`drop table if exists scr_found`.execute(trx);
}
