// 账账相符: the roll against 阳光扶贫 (and any list the office adds), and the ID checks that span
// sources. The joins run in the database; only the differences come back, merged here into one
// finding per household (or person) that names both sources and both values.
import {
  COMPARABLE_FIELDS,
  FIELD_LABELS,
  HOUSEHOLD_SOURCES,
  type HouseholdSource,
  ID_FAILURE_MESSAGES,
  type IdFailure,
  type RuleParams,
  SOURCE_LABELS,
} from '@paicha/core';
import { sql } from 'kysely';
import { cellText, maskedPerson, namedPerson } from '../findings/finding-people.js';
import type { Found, Named } from '../findings/types.js';
import { categoryLabel, exitLabel, household, NATIONAL_LABEL, yesNo } from './finding-wording.js';
import type { Row, ScreeningSql } from './screening.repository.js';

async function idInvalid(q: ScreeningSql): Promise<Found[]> {
  const byId = new Map<string, { rows: (Row & { source: HouseholdSource })[] }>();
  for (const source of HOUSEHOLD_SOURCES) {
    if (!q.has(source)) continue;
    const hh =
      source === 'national'
        ? sql`x.household_id`
        : sql`${q.has('national') ? q.link('x') : sql`x.household_id`}`;
    const rows =
      await q.rows(sql`select x.id_number, x.id_error, x.name, ${hh} as household_id, x.township, x.village
      from ${q.t(source)} x where x.id_error is not null`);
    for (const r of rows) {
      const k = cellText(r.id_number);
      const e = byId.get(k) ?? { rows: [] };
      e.rows.push({ ...r, source });
      byId.set(k, e);
    }
  }
  return [...byId.entries()].map(([id, { rows }]) => {
    const first: Row = rows.find((r) => r.source === 'national') ?? rows[0] ?? {};
    const reason = ID_FAILURE_MESSAGES[cellText(first.id_error) as IdFailure] ?? '证件号码无效';
    const where = [...new Set(rows.map((r) => SOURCE_LABELS[r.source]))].join('、');
    return {
      rule: 'id_invalid' as const,
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
        sources: rows.map((r) => r.source),
        people: [namedPerson(first.name, id)],
      },
    };
  });
}

async function idDuplicate(q: ScreeningSql): Promise<Found[]> {
  const byId = new Map<string, Row[]>();
  for (const source of ['national', 'sunshine'] as const) {
    if (!q.has(source)) continue;
    const t = q.t(source);
    const rows =
      await q.rows(sql`select x.id_number, x.name, x.household_id, x.township, x.village, x.row_no from ${t} x
      where x.id_number in (select id_number from ${t} where id_number is not null group by id_number having count(*) > 1)
      order by x.row_no`);
    for (const r of rows)
      byId.set(cellText(r.id_number), [...(byId.get(cellText(r.id_number)) ?? []), { ...r, source }]);
  }
  return [...byId.entries()].map(([id, rows]) => {
    const first: Row = rows[0] ?? {};
    const where = rows.map(
      (r) =>
        `${SOURCE_LABELS[r.source as HouseholdSource]}第${r.row_no}行（户编号${cellText(r.household_id) || '空'}）`,
    );
    return {
      rule: 'id_duplicate' as const,
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
  });
}

interface HouseholdDiff {
  row: Row;
  parts: string[];
  /** The members the parts name (for the unmasked view). */
  people: Named[];
}

function collect(map: Map<string, HouseholdDiff>, key: string, row: Row, part: string, person?: Row) {
  const e = map.get(key) ?? { row, parts: [], people: [] };
  e.parts.push(part);
  if (person) e.people.push(namedPerson(person.name, person.id_number));
  map.set(key, e);
}

/** A household finding from its collected differences. */
function householdFinding(rule: 'record_missing' | 'record_mismatch', hh: string, d: HouseholdDiff): Found {
  return household(rule, { ...d.row, household_id: hh }, d.parts.join('；'), {
    differences: d.parts.length,
    ...(d.people.length ? { people: d.people } : {}),
  });
}

async function missing(q: ScreeningSql, against: RuleParams<'record_missing'>['against']): Promise<Found[]> {
  const byHh = new Map<string, HouseholdDiff>();
  const n = q.t('national');
  for (const source of against) {
    if (!q.has(source)) continue;
    const S = SOURCE_LABELS[source];
    const peer = await q.peer(source);
    // Rows in file order (which parts a finding lists first, and whose place it takes); the ID
    // anti-joins first walk both ID indexes in key order, then fetch the few rows found.
    for (const r of await q.rows(
      sql`select * from scr_hh h where not exists (select 1 from ${peer} s where s.hh = h.household_id)
        order by h.household_id`,
    ))
      collect(byHh, cellText(r.household_id), r, `该户（${r.members}人）在${NATIONAL_LABEL}中有、在${S}中无`);
    for (const r of await q.rows(sql`select p.household_id, p.id_number, p.name, p.township, p.village from ${n} p
        where p.id_number in (select x.id_number from ${n} x
            where not exists (select 1 from ${peer} s where s.id_number = x.id_number))
          and exists (select 1 from ${peer} s where s.hh = p.household_id)
        order by p.row_no`))
      collect(
        byHh,
        cellText(r.household_id),
        r,
        `成员${maskedPerson(r.name, r.id_number)}在${NATIONAL_LABEL}中有、在${S}中无`,
        r,
      );
    for (const r of await q.rows(sql`select coalesce(s.hh, s.own_hh) as household_id, s.id_number, s.name, s.township, s.village, s.hh
        from ${peer} s where s.id_number in (select y.id_number from ${peer} y
            where not exists (select 1 from ${n} p where p.id_number = y.id_number))
        order by s.row_no`)) {
      const what = r.hh
        ? `成员${maskedPerson(r.name, r.id_number)}`
        : `人员${maskedPerson(r.name, r.id_number)}（户编号${cellText(r.household_id)}，该户不在${NATIONAL_LABEL}中）`;
      collect(byHh, cellText(r.household_id), r, `${what}在${S}中有、在${NATIONAL_LABEL}中无`, r);
    }
  }
  return [...byHh.entries()].map(([hh, d]) => householdFinding('record_missing', hh, d));
}

async function mismatch(q: ScreeningSql, p: RuleParams<'record_mismatch'>): Promise<Found[]> {
  const S = SOURCE_LABELS.sunshine;
  const on = new Set(p.fields.filter((f) => (COMPARABLE_FIELDS as readonly string[]).includes(f)));
  const peer = await q.peer('sunshine');
  const byHh = new Map<string, HouseholdDiff>();
  const hhRows =
    await q.rows(sql`select h.household_id, h.township, h.village, h.size as n_size, y.size as s_size,
      h.category as n_cat, y.category as s_cat, h.exit_status as n_exit, y.exit_status as s_exit, h.income as n_inc, y.income as s_inc
    from scr_hh h join (select hh, max(household_size) as size, max(category) as category, max(exit_status) as exit_status,
        max(income) as income from ${peer} where hh is not null group by hh) y on y.hh = h.household_id
    where h.size <> y.size or h.category <> y.category or h.exit_status <> y.exit_status or abs(h.income - y.income) > ${p.incomeTolerance}`);
  const differs = (a: unknown, b: unknown) =>
    a !== null && b !== null && a !== undefined && b !== undefined && a !== b;
  for (const r of hhRows) {
    const key = cellText(r.household_id);
    const add = (f: string, label: string, a: string, b: string) =>
      on.has(f as never) && collect(byHh, key, r, `${label}：${NATIONAL_LABEL}为${a}，${S}为${b}`);
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
  }
  const personRows = await q.rows(sql`select p.household_id, p.township, p.village, p.id_number, p.name,
      p.low_income as n_low, s.low_income as s_low, p.extreme as n_ext, s.extreme as s_ext,
      p.enrolled as n_enr, s.enrolled as s_enr, p.resident_ins as n_res, s.resident_ins as s_res
    from ${q.t('national')} p join ${peer} s on s.id_number = p.id_number
    where p.low_income <> s.low_income or p.extreme <> s.extreme or p.enrolled <> s.enrolled or p.resident_ins <> s.resident_ins
    order by s.row_no, p.row_no`);
  const fields = [
    ['lowIncomeSupport', 'low', FIELD_LABELS.lowIncomeSupport],
    ['extremePoverty', 'ext', FIELD_LABELS.extremePoverty],
    ['schoolStatus', 'enr', '在校'],
    ['residentInsurance', 'res', FIELD_LABELS.residentInsurance],
  ] as const;
  for (const r of personRows)
    for (const [f, col, label] of fields) {
      const a = r[`n_${col}`];
      const b = r[`s_${col}`];
      if (on.has(f) && differs(Number(a), Number(b)) && a !== null && b !== null)
        collect(
          byHh,
          cellText(r.household_id),
          r,
          `成员${maskedPerson(r.name, r.id_number)}${label}：${NATIONAL_LABEL}为${yesNo(a)}，${S}为${yesNo(b)}`,
          r,
        );
    }
  return [...byHh.entries()].map(([hh, d]) => householdFinding('record_mismatch', hh, d));
}

export const reconcile = { idInvalid, idDuplicate, missing, mismatch };
