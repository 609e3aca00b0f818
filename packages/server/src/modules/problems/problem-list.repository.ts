// The ledger's lists: a filter's conditions (on problems or on their tallies), one page in any
// sort off an index, and its total from the tallies or a capped count of search matches.
import type { ListQuery } from '@paicha/core/api/problems';
import { type Expression, type SqlBool, sql } from 'kysely';
import type { DialectName } from '../../db/database.js';
import type { Executor } from '../../db/transaction.js';
import { notOverdueSql, overdueSql, problemColumns, tallyColumns } from './overdue.repository.js';
import { joined, SELECT } from './problems.repository.js';
import { plainCondition, SEARCH_CAP, searchCondition, type TextSearch } from './search.repository.js';
import { COUNT_WALK, countWalkPays, type WalkedPage, walkCount, walkPage } from './search-walk.repository.js';
import { tallyRows } from './tally-cache.js';

/** Filters after access scoping: `unitId` is forced to the actor's unit for unit users. */
export type ProblemFilter = Omit<ListQuery, 'sort' | 'order' | 'page' | 'pageSize' | 'unit'> & {
  campaignId: number;
  unitId?: number;
  today: string;
  /** The words of `q`, resolved for the database (see search.repository.ts). */
  search?: TextSearch;
};

/**
 * The conditions of a filter on the problems table (`p`) or on its tallies (`t`, one row per
 * unit, item, source, status, mode and deadline; '' = no deadline). Check-item conditions are
 * uncorrelated sub-queries, so neither side joins.
 */
function conditions(db: Executor, f: ProblemFilter, on: 'p' | 't'): Expression<SqlBool>[] {
  const col = (c: string) => sql.ref(`${on}.${c}`);
  const hasDeadline = on === 'p' ? sql<SqlBool>`p.deadline is not null` : sql<SqlBool>`t.deadline <> ''`;
  const overdueColumns = on === 'p' ? problemColumns('p') : tallyColumns('t');
  const items = itemIds(db, f.campaignId);
  const out: Expression<SqlBool>[] = [sql<SqlBool>`${col('campaign_id')} = ${f.campaignId}`];
  if (f.unitId !== undefined) out.push(sql<SqlBool>`${col('unit_id')} = ${f.unitId}`);
  // `=` a scalar sub-query (an item's seq is unique in its campaign): an index equality.
  if (f.checkItem !== undefined)
    out.push(sql<SqlBool>`${col('check_item_id')} = (${items.where('seq', '=', f.checkItem)})`);
  if (f.category !== undefined)
    out.push(sql<SqlBool>`${col('check_item_id')} in (${items.where('category', '=', f.category)})`);
  if (f.status !== undefined && f.status.length > 0)
    out.push(sql<SqlBool>`${col('status')} in (${sql.join(f.status)})`);
  if (f.source !== undefined && f.source.length > 0)
    out.push(sql<SqlBool>`${col('source')} in (${sql.join(f.source)})`);
  if (f.mode !== undefined) out.push(sql<SqlBool>`${col('mode')} = ${f.mode}`);
  if (f.overdue === '1' || f.overdue === 'true') out.push(overdueSql(overdueColumns, f.today));
  if (f.overdue === '0' || f.overdue === 'false') out.push(notOverdueSql(overdueColumns, f.today));
  if (f.deadlineFrom !== undefined) out.push(sql<SqlBool>`${col('deadline')} >= ${f.deadlineFrom}`);
  if (f.deadlineTo !== undefined)
    out.push(sql<SqlBool>`${hasDeadline} and ${col('deadline')} <= ${f.deadlineTo}`);
  return out;
}

/** The filter on the problems table alone, text search included. */
export function filtered(db: Executor, f: ProblemFilter) {
  const text = f.search ?? null;
  return db
    .selectFrom('problems as p')
    .where((eb) => eb.and([...conditions(db, f, 'p'), ...(text ? [searchCondition(db, text)] : [])]));
}

/**
 * SQLite, words through an FTS5 index and nothing else to match (no unit name, no number): the
 * index drives the query, handing over matches in id order, so page 1 newest-first and the
 * capped count stop early instead of collecting every match first.
 */
function ftsDriven(db: Executor, f: ProblemFilter) {
  const s = f.search;
  const fts = s?.indexed;
  if (fts?.kind !== 'fts' || s?.id !== null || s.unitIds.length > 0 || s.recheck) return null;
  return db
    .selectFrom(sql.table(fts.table).as('f'))
    .innerJoin('problems as p', (j) => j.on(sql<SqlBool>`p.id = f.rowid`))
    .where(sql<SqlBool>`${sql.raw(`f.${fts.table}`)} match ${fts.match}`)
    .where((eb) => eb.and(conditions(db, f, 'p'))) as unknown as ReturnType<typeof filtered>;
}

function itemIds(db: Executor, campaignId: number) {
  return db.selectFrom('check_items').select('id').where('campaign_id', '=', campaignId);
}

const SORT_COLUMNS = {
  id: ['p.id'],
  deadline: ['p.deadline', 'p.id'],
  foundDate: ['p.found_date', 'p.id'],
  status: ['p.status', 'p.id'],
  // Units walked in order, each one's problems by id (units_sort_idx, problems_unit_id_page_idx).
  unit: ['u.sort_order', 'u.id', 'p.id'],
  checkItem: ['i.seq', 'p.id'],
  updatedAt: ['p.updated_at', 'p.id'],
} as const;

/**
 * One page and the total. The page's ids come off an index in sort order (joining only what the
 * sort needs), then those rows are read with their item and unit; the total comes from the
 * tallies unless there are words to search.
 */
export async function listProblems(
  db: Executor,
  f: ProblemFilter,
  page: { sort: keyof typeof SORT_COLUMNS; order: 'asc' | 'desc'; offset: number; limit: number },
  dialect: DialectName = 'sqlite',
) {
  const byGroup = dialect === 'postgres' && (page.sort === 'unit' || page.sort === 'checkItem');
  const walked = byGroup ? null : await walkFirst(db, f, page);
  const pageIds = Promise.resolve(
    walked?.ids ??
      (byGroup ? pageByGroup(db, f, page, page.sort as 'unit' | 'checkItem') : pageOffIndex(db, f, page)),
  );
  const [[ids, found], total] = await Promise.all([
    pageIds.then(
      async (ids) =>
        [
          ids,
          ids.length === 0 ? [] : await joined(db).select(SELECT).where('p.id', 'in', ids).execute(),
        ] as const,
    ),
    countMatches(db, f, walked?.rowsPerMatch ?? null),
  ]);
  const at = new Map(ids.map((id, i) => [id, i]));
  const rows = found.sort((a, b) => (at.get(a.id) ?? 0) - (at.get(b.id) ?? 0));
  return { rows, ...total };
}

function pageOffIndex(
  db: Executor,
  f: ProblemFilter,
  page: { sort: keyof typeof SORT_COLUMNS; order: 'asc' | 'desc'; offset: number; limit: number },
) {
  const fts = ftsDriven(db, f);
  let ids = (fts ?? filtered(db, f))
    .$if(page.sort === 'unit', (q) => q.innerJoin('units as u', 'u.id', 'p.unit_id'))
    .$if(page.sort === 'checkItem', (q) =>
      q.innerJoin('check_items as i', (j) =>
        j.onRef('i.id', '=', 'p.check_item_id').on('i.campaign_id', '=', f.campaignId),
      ),
    )
    .select('p.id');
  if (fts && page.sort === 'id') ids = ids.orderBy(sql`f.rowid`, page.order);
  else for (const c of SORT_COLUMNS[page.sort]) ids = ids.orderBy(sql.ref(c), page.order);
  return ids
    .limit(page.limit)
    .offset(page.offset)
    .execute()
    .then((rows) => rows.map((r) => r.id));
}

/**
 * PostgreSQL, sorted by unit or item: it cannot carry a nested loop's order over to the inner
 * rows, and would sort a whole unit's problems for one page. Instead each unit (item) offers its
 * first offset + limit problems by id (LATERAL, off the (campaign, unit|item, id) index) and
 * only those are sorted.
 */
async function pageByGroup(
  db: Executor,
  f: ProblemFilter,
  page: { order: 'asc' | 'desc'; offset: number; limit: number },
  by: 'unit' | 'checkItem',
) {
  const dir = sql.raw(page.order);
  const inner = filtered(db, f)
    .select('p.id')
    .where(by === 'unit' ? sql<SqlBool>`p.unit_id = g.id` : sql<SqlBool>`p.check_item_id = g.id`)
    .orderBy('p.id', page.order)
    .limit(page.offset + page.limit);
  const { rows } = await sql<{ id: number }>`
    select x.id from ${sql.table(by === 'unit' ? 'units' : 'check_items')} as g
    cross join lateral (${inner}) as x
    ${by === 'unit' ? sql`` : sql`where g.campaign_id = ${f.campaignId}`}
    order by ${by === 'unit' ? sql`g.sort_order ${dir}, g.id ${dir}` : sql`g.seq ${dir}`}, x.id ${dir}
    limit ${page.limit} offset ${page.offset}`.execute(db);
  return rows.map((r) => r.id);
}

/**
 * PostgreSQL words of any length (search-walk.repository.ts): the page found by walking the
 * list in its order, or null when the word is too rare for that (then the grams' or trigram
 * index).
 */
function walkFirst(
  db: Executor,
  f: ProblemFilter,
  page: { sort: keyof typeof SORT_COLUMNS; order: 'asc' | 'desc'; offset: number; limit: number },
): Promise<WalkedPage | null> | null {
  const kind = f.search?.indexed?.kind;
  if (!f.search || (kind !== 'grams' && kind !== 'trgm')) return null;
  const list = filtered(db, { ...f, search: undefined });
  const hit = plainCondition(f.search);
  return walkPage(db, list, hit, SORT_COLUMNS[page.sort], page.order, page.offset, page.limit);
}

/**
 * The total: from the tallies without words; with words, matches counted up to SEARCH_CAP —
 * for a word on PostgreSQL common enough (`rowsPerMatch`, from walking the page)
 * by walking the list, else through the index.
 */
async function countMatches(
  db: Executor,
  f: ProblemFilter,
  rowsPerMatch: number | null = null,
): Promise<{ total: number; totalCapped: boolean }> {
  if (!f.search) return { total: await listLength(db, f), totalCapped: false };
  if (rowsPerMatch !== null && countWalkPays(rowsPerMatch, SEARCH_CAP)) {
    const n = await walkCount(
      db,
      filtered(db, { ...f, search: undefined }),
      plainCondition(f.search),
      SEARCH_CAP,
    );
    if (n > SEARCH_CAP) return { total: SEARCH_CAP, totalCapped: true };
    // Fewer than the cap within the walk: the whole count only if the walk was the whole list.
    if ((await listLength(db, f)) <= COUNT_WALK) return { total: n, totalCapped: false };
  }
  // Words can match much of the ledger: counting stops after SEARCH_CAP matches.
  const matches = (ftsDriven(db, f) ?? filtered(db, f)).select(sql<number>`1`.as('one'));
  const row = await db
    .selectFrom(matches.limit(SEARCH_CAP + 1).as('m'))
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const n = Number(row.n);
  return n > SEARCH_CAP ? { total: SEARCH_CAP, totalCapped: true } : { total: n, totalCapped: false };
}

/** How many problems the filter finds, the words left out: from the tallies. */
async function listLength(db: Executor, f: ProblemFilter): Promise<number> {
  const [row] = await tallyRows(
    db,
    db
      .selectFrom('problem_tallies as t')
      .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('t.n'), sql<number>`0`).as('n'))
      .where((eb) => eb.and(conditions(db, f, 't'))),
  );
  return Number(row?.n ?? 0);
}
