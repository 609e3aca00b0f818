// The ID checks that span sources: an invalid ID (one finding per ID, naming every list it is
// in) and an ID repeated within the roll or 阳光扶贫 (one finding per ID, naming every row). The
// rows of all sources come as one query ordered by ID, then source, then row, so each ID's rows
// are consecutive and merged as they pass (eachGroup): the run holds one ID's rows, not a map of all.
import {
  HOUSEHOLD_SOURCES,
  type HouseholdSource,
  ID_FAILURE_MESSAGES,
  type IdFailure,
  SOURCE_LABELS,
} from '@paicha/core';
import { type RawBuilder, sql } from 'kysely';
import { cellText, maskedPerson, namedPerson } from '../findings/finding-people.js';
import type { Found } from '../findings/types.js';
import type { Row, ScreeningSql } from './screening.repository.js';

/** A row's source by its position in HOUSEHOLD_SOURCES (the order the lists are cited in). */
const sourceOf = (r: Row): HouseholdSource => HOUSEHOLD_SOURCES[Number(r.src)] as HouseholdSource;
const idOf = (r: Row) => cellText(r.id_number);
type Emit = (page: Found[]) => Promise<void>;

async function idInvalid(q: ScreeningSql, emit: Emit): Promise<void> {
  const parts = HOUSEHOLD_SOURCES.filter((s) => q.has(s)).map((source) => {
    const hh =
      source === 'national'
        ? sql`x.household_id`
        : sql`${q.has('national') ? q.link('x') : sql`x.household_id`}`;
    return sql`select coalesce(x.id_number, '') as id_key, x.id_number, x.id_error, x.name, ${hh} as household_id,
      x.township, x.village, ${sql.lit(HOUSEHOLD_SOURCES.indexOf(source))} as src, x.row_no
    from ${q.t(source)} x where x.id_error is not null`;
  });
  if (parts.length === 0) return;
  await q.eachGroup(sql.join(parts, sql` union all `), 'id_key, src, row_no', idOf, invalidFinding, emit);
}

function invalidFinding(rows: Row[]): Found {
  const id = idOf(rows[0] ?? {});
  const first: Row = rows.find((r) => sourceOf(r) === 'national') ?? rows[0] ?? {};
  const reason = ID_FAILURE_MESSAGES[cellText(first.id_error) as IdFailure] ?? '证件号码无效';
  const where = [...new Set(rows.map((r) => SOURCE_LABELS[sourceOf(r)]))].join('、');
  return {
    rule: 'id_invalid',
    key: `id_invalid:${id}`,
    householdId: first.household_id ? cellText(first.household_id) : null,
    idNumber: null,
    rawId: id,
    name: cellText(first.name) || null,
    township: cellText(first.township),
    village: cellText(first.village),
    detail: `${maskedPerson(first.name, id)}的证件号码无效：${reason}（${where}）`,
    data: {
      reason: first.id_error,
      sources: rows.map(sourceOf),
      people: [namedPerson(first.name, id)],
    },
  };
}

async function idDuplicate(q: ScreeningSql, emit: Emit): Promise<void> {
  const parts: RawBuilder<unknown>[] = [];
  for (const source of (['national', 'sunshine'] as const).filter((s) => q.has(s)))
    parts.push(sql`select x.id_number, x.name, x.household_id, x.township, x.village, x.row_no,
        ${sql.lit(HOUSEHOLD_SOURCES.indexOf(source))} as src from ${q.t(source)} x
      where x.id_number in (${await q.repeatedIds(source)})`);
  if (parts.length === 0) return;
  await q.eachGroup(
    sql.join(parts, sql` union all `),
    'id_number, src, row_no',
    idOf,
    duplicateFinding,
    emit,
  );
}

function duplicateFinding(rows: Row[]): Found {
  const first: Row = rows[0] ?? {};
  const id = idOf(first);
  const where = rows.map(
    (r) => `${SOURCE_LABELS[sourceOf(r)]}第${r.row_no}行（户编号${cellText(r.household_id) || '空'}）`,
  );
  return {
    rule: 'id_duplicate',
    key: `id_duplicate:${id}`,
    householdId: first.household_id ? cellText(first.household_id) : null,
    idNumber: /^\d{17}[\dX]$/.test(id) ? id : null,
    rawId: id,
    name: cellText(first.name) || null,
    township: cellText(first.township),
    village: cellText(first.village),
    detail: `${maskedPerson(first.name, id)}的证件号码重复出现${rows.length}次：${where.join('、')}`,
    data: {
      households: [...new Set(rows.map((r) => r.household_id))],
      people: [namedPerson(first.name, id)],
    },
  };
}

export const idChecks = { idInvalid, idDuplicate };
