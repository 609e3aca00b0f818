// 账账相符: the roll against 阳光扶贫 (and any list the office adds). The joins run in the
// database; only the differences come back, merged into one finding per household that names both
// sources and both values. All of a rule's differences come as one query whose rows are ordered
// by each household's first difference, then by difference: a household's rows are consecutive
// and merged as they pass (eachGroup), in the order the parts are worded — the run holds one
// household's rows at a time, however many households differ.
import { COMPARABLE_FIELDS, FIELD_LABELS, type RuleParams, SOURCE_LABELS } from '@paicha/core';
import { type RawBuilder, sql } from 'kysely';
import { cellText, maskedPerson, namedPerson } from '../findings/finding-people.js';
import type { Found } from '../findings/types.js';
import { categoryLabel, exitLabel, household, NATIONAL_LABEL, yesNo } from './finding-wording.js';
import type { Row, ScreeningSql } from './screening.repository.js';

type Emit = (page: Found[]) => Promise<void>;

/**
 * The differences as rows (hk = the household they belong to, kind = which query, ord = order
 * within it), each with its household's first (kind, ord): ordered by that, a household's rows
 * are together and households come in the order their first difference does.
 */
function byHousehold(parts: RawBuilder<unknown>[]): RawBuilder<unknown> {
  return sql`select u.*, min(u.kind * 10000000000 + u.ord) over (partition by u.hk) as first_pos
    from (${sql.join(parts, sql` union all `)}) u`;
}
const ORDER = 'first_pos, kind, ord';
const hkOf = (r: Row) => cellText(r.hk);

/** One household's finding from its rows' parts (none when no row gives a part). */
function merged(
  rule: 'record_missing' | 'record_mismatch',
  rows: Row[],
  partsOf: (r: Row) => string[],
  named: (r: Row) => boolean,
): Found | null {
  let first: Row | null = null;
  const parts: string[] = [];
  const people: ReturnType<typeof namedPerson>[] = [];
  for (const r of rows) {
    const own = partsOf(r);
    if (own.length === 0) continue;
    first ??= r;
    parts.push(...own);
    if (named(r)) people.push(...own.map(() => namedPerson(r.name, r.id_number)));
  }
  if (!first) return null;
  return household(rule, { ...first, household_id: hkOf(first) }, parts.join('；'), {
    differences: parts.length,
    ...(people.length ? { people } : {}),
  });
}

async function missing(
  q: ScreeningSql,
  against: RuleParams<'record_missing'>['against'],
  emit: Emit,
): Promise<void> {
  const queries: RawBuilder<unknown>[] = [];
  const labels: string[] = [];
  for (const source of against) {
    if (!q.has(source)) continue;
    const base = labels.length * 3;
    const kind = (k: number) => sql.lit(base + k);
    labels.push(SOURCE_LABELS[source]);
    const peer = await q.peerHouseholds(source);
    const match = await q.peerByPerson(source);
    // The whole household, then the people one side lacks (read off the ID match); ord keeps each
    // query's order (which parts a finding lists first).
    queries.push(
      sql`select h.household_id as hk, h.household_id, h.township, h.village, cast(h.members as integer) as members,
        cast(null as text) as id_number, cast(null as text) as name, cast(null as text) as hh, ${kind(0)} as kind,
        row_number() over (order by h.household_id) as ord
      from scr_hh h where not exists (select 1 from ${peer} s where s.hh = h.household_id)`,
      sql`select d.p_hh as hk, d.p_hh as household_id, d.p_township as township, d.p_village as village,
        cast(null as integer) as members, d.p_id as id_number, d.p_name as name, cast(null as text) as hh,
        ${kind(1)} as kind, cast(d.p_row as bigint) as ord
      from ${match} d where d.s_row is null and d.p_id is not null
        and exists (select 1 from ${peer} s where s.hh = d.p_hh)`,
      sql`select coalesce(d.s_hh, d.s_own) as hk, coalesce(d.s_hh, d.s_own) as household_id, d.s_township as township,
        d.s_village as village, cast(null as integer) as members, d.s_id as id_number, d.s_name as name, d.s_hh as hh,
        ${kind(2)} as kind, cast(d.s_row as bigint) as ord
      from ${match} d where d.p_row is null and d.s_id is not null`,
    );
  }
  if (queries.length === 0) return;
  const partOf = (r: Row): string[] => {
    const k = Number(r.kind);
    const S = labels[Math.floor(k / 3)];
    if (k % 3 === 0) return [`该户（${r.members}人）在${NATIONAL_LABEL}中有、在${S}中无`];
    if (k % 3 === 1) return [`成员${maskedPerson(r.name, r.id_number)}在${NATIONAL_LABEL}中有、在${S}中无`];
    const what = r.hh
      ? `成员${maskedPerson(r.name, r.id_number)}`
      : `人员${maskedPerson(r.name, r.id_number)}（户编号${cellText(r.household_id)}，该户不在${NATIONAL_LABEL}中）`;
    return [`${what}在${S}中有、在${NATIONAL_LABEL}中无`];
  };
  await q.eachGroup(
    byHousehold(queries),
    ORDER,
    hkOf,
    (rows) => merged('record_missing', rows, partOf, (r) => Number(r.kind) % 3 !== 0),
    emit,
  );
}

const differs = (a: unknown, b: unknown) =>
  a !== null && b !== null && a !== undefined && b !== undefined && a !== b;

const MEMBER_FIELDS = [
  ['lowIncomeSupport', 'low', FIELD_LABELS.lowIncomeSupport],
  ['extremePoverty', 'ext', FIELD_LABELS.extremePoverty],
  ['schoolStatus', 'enr', '在校'],
  ['residentInsurance', 'res', FIELD_LABELS.residentInsurance],
] as const;

async function mismatch(q: ScreeningSql, p: RuleParams<'record_mismatch'>, emit: Emit): Promise<void> {
  const S = SOURCE_LABELS.sunshine;
  const on = new Set(p.fields.filter((f) => (COMPARABLE_FIELDS as readonly string[]).includes(f)));
  const peer = await q.peerHouseholds('sunshine');
  const match = await q.peerByPerson('sunshine');
  const noInt = sql.raw('cast(null as integer)');
  const noText = sql.raw('cast(null as text)');
  const noReal = sql.raw('cast(null as double precision)');
  const household = sql`select h.household_id as hk, h.household_id, h.township, h.village, ${noText} as id_number, ${noText} as name,
      h.size as n_size, y.size as s_size, h.category as n_cat, y.category as s_cat, h.exit_status as n_exit, y.exit_status as s_exit,
      h.income as n_inc, y.income as s_inc, ${noInt} as n_low, ${noInt} as s_low, ${noInt} as n_ext, ${noInt} as s_ext,
      ${noInt} as n_enr, ${noInt} as s_enr, ${noInt} as n_res, ${noInt} as s_res, 0 as kind,
      row_number() over (order by h.household_id) as ord
    from scr_hh h join ${peer} y on y.hh = h.household_id
    where h.size <> y.size or h.category <> y.category or h.exit_status <> y.exit_status or abs(h.income - y.income) > ${p.incomeTolerance}`;
  const member = sql`select d.p_hh as hk, d.p_hh as household_id, d.p_township as township, d.p_village as village,
      d.p_id as id_number, d.p_name as name, ${noInt} as n_size, ${noInt} as s_size, ${noText} as n_cat, ${noText} as s_cat,
      ${noText} as n_exit, ${noText} as s_exit, ${noReal} as n_inc, ${noReal} as s_inc, d.p_low as n_low, d.s_low as s_low,
      d.p_ext as n_ext, d.s_ext as s_ext, d.p_enr as n_enr, d.s_enr as s_enr, d.p_res as n_res, d.s_res as s_res, 1 as kind,
      row_number() over (order by d.s_row, d.p_row) as ord
    from ${match} d where d.p_row is not null and d.s_row is not null`;
  const householdParts = (r: Row): string[] => {
    const out: string[] = [];
    const add = (f: string, label: string, a: string, b: string) =>
      on.has(f as never) && out.push(`${label}：${NATIONAL_LABEL}为${a}，${S}为${b}`);
    if (differs(Number(r.n_size), Number(r.s_size)) && r.n_size !== null && r.s_size !== null)
      add('householdSize', FIELD_LABELS.householdSize, cellText(r.n_size), cellText(r.s_size));
    if (differs(r.n_cat, r.s_cat))
      add('category', FIELD_LABELS.category, categoryLabel(r.n_cat), categoryLabel(r.s_cat));
    if (differs(r.n_exit, r.s_exit))
      add('exitStatus', FIELD_LABELS.exitStatus, exitLabel(r.n_exit), exitLabel(r.s_exit));
    if (
      r.n_inc !== null &&
      r.s_inc !== null &&
      Math.abs(Number(r.n_inc) - Number(r.s_inc)) > p.incomeTolerance
    )
      add('incomePerCapita', FIELD_LABELS.incomePerCapita, `${r.n_inc}元`, `${r.s_inc}元`);
    return out;
  };
  const memberParts = (r: Row): string[] => {
    const out: string[] = [];
    for (const [f, col, label] of MEMBER_FIELDS) {
      const a = r[`n_${col}`];
      const b = r[`s_${col}`];
      if (on.has(f) && differs(Number(a), Number(b)) && a !== null && b !== null)
        out.push(
          `成员${maskedPerson(r.name, r.id_number)}${label}：${NATIONAL_LABEL}为${yesNo(a)}，${S}为${yesNo(b)}`,
        );
    }
    return out;
  };
  await q.eachGroup(
    byHousehold([household, member]),
    ORDER,
    hkOf,
    (rows) =>
      merged(
        'record_mismatch',
        rows,
        (r) => (Number(r.kind) === 0 ? householdParts(r) : memberParts(r)),
        (r) => Number(r.kind) === 1,
      ),
    emit,
  );
}

export const reconcile = { missing, mismatch };
