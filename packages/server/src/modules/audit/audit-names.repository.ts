// What the audit log's rows are about, by name: a page names 用户 王主任（wangzr） rather than
// 用户 #7, a problem its number and description. The log keeps only the entity and its id (a row
// is never rewritten), so names are looked up for the one page being read — one indexed query per
// kind of entity on the page, by primary key — and show the object as it is called now.
import type { Executor } from '../../db/transaction.js';

const short = (s: string, n = 30) => (s.length > n ? `${s.slice(0, n)}…` : s);

type Lookup = (db: Executor, ids: number[]) => Promise<{ id: number; name: string }[]>;

const LOOKUPS: Record<string, Lookup> = {
  user: async (db, ids) =>
    (
      await db.selectFrom('users').select(['id', 'display_name', 'username']).where('id', 'in', ids).execute()
    ).map((u) => ({
      id: u.id,
      name:
        u.display_name && u.display_name !== u.username ? `${u.display_name}（${u.username}）` : u.username,
    })),
  unit: (db, ids) => db.selectFrom('units').select(['id', 'name']).where('id', 'in', ids).execute(),
  problem: async (db, ids) =>
    (await db.selectFrom('problems').select(['id', 'description']).where('id', 'in', ids).execute()).map(
      (p) => ({ id: p.id, name: short(p.description) }),
    ),
  campaign: (db, ids) =>
    db.selectFrom('campaigns').select(['id', 'title as name']).where('id', 'in', ids).execute(),
  check_item: async (db, ids) =>
    (
      await db.selectFrom('check_items').select(['id', 'seq', 'content']).where('id', 'in', ids).execute()
    ).map((i) => ({ id: i.id, name: `第${i.seq}项 ${short(i.content, 20)}` })),
  circular: (db, ids) =>
    db.selectFrom('circulars').select(['id', 'title as name']).where('id', 'in', ids).execute(),
  monthly_report: async (db, ids) =>
    (
      await db
        .selectFrom('monthly_reports as r')
        .innerJoin('units as u', 'u.id', 'r.unit_id')
        .select(['r.id', 'r.period', 'u.name'])
        .where('r.id', 'in', ids)
        .execute()
    ).map((r) => ({ id: r.id, name: `${r.name} ${r.period.slice(0, 4)}年${Number(r.period.slice(5))}月` })),
  submission: async (db, ids) =>
    (
      await db
        .selectFrom('submissions as s')
        .innerJoin('units as u', 'u.id', 's.unit_id')
        .innerJoin('milestones as m', 'm.id', 's.milestone_id')
        .select(['s.id', 'u.name', 'm.title'])
        .where('s.id', 'in', ids)
        .execute()
    ).map((s) => ({ id: s.id, name: `${s.name} ${s.title}` })),
  household_place: (db, ids) =>
    db.selectFrom('household_places').select(['id', 'name']).where('id', 'in', ids).execute(),
};

/** `entity:id` → the object's name, for the rows of one page; objects since deleted have none. */
export async function entityNames(
  db: Executor,
  rows: readonly { entity: string; entityId: string | null }[],
): Promise<Map<string, string>> {
  const wanted = new Map<string, Set<number>>();
  for (const r of rows) {
    // Ids are stored as text; only whole numbers name a row (a settings key does not).
    if (!LOOKUPS[r.entity] || r.entityId === null || !/^[1-9]\d{0,9}$/.test(r.entityId)) continue;
    const id = Number(r.entityId);
    if (id > 2_147_483_647) continue;
    const ids = wanted.get(r.entity) ?? new Set<number>();
    ids.add(id);
    wanted.set(r.entity, ids);
  }
  const names = new Map<string, string>();
  for (const [entity, ids] of wanted)
    for (const found of await (LOOKUPS[entity] as Lookup)(db, [...ids]))
      names.set(`${entity}:${found.id}`, found.name);
  return names;
}
