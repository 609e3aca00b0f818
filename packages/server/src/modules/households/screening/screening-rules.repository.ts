// Each rule of the core catalogue as queries (screening.repository.ts) plus the wording of its finding.
// Keys: `<rule>:<户编号>` for household rules, `<rule>:<ID>` for person rules — stable across
// runs, so the same problem is found again rather than filed twice.
import {
  birthDateRangeForAge,
  type HouseholdSource,
  isSchoolExempt,
  type RuleId,
  type RuleParams,
  SOURCE_LABELS,
} from '@paicha/core';
import { sql } from 'kysely';
import { cellText } from '../findings/finding-people.js';
import type { Found } from '../findings/types.js';
import { exitLabel, household, NATIONAL_LABEL, person, yesNo } from './finding-wording.js';
import type { ScreeningSql } from './screening.repository.js';
import { idChecks } from './screening-ids.repository.js';
import { reconcile } from './screening-reconcile.repository.js';

/** Hands a page of a rule's findings to the run (staged in the database, then let go). */
export type Emit = (page: Found[]) => Promise<void>;
/** A rule as the run calls it, whatever its parameters. */
export type RuleFn = (q: ScreeningSql, p: unknown, emit: Emit) => Promise<void>;
type Rule<Id extends RuleId> = (q: ScreeningSql, p: RuleParams<Id>, emit: Emit) => Promise<void>;
export interface RuleImpl<Id extends RuleId = RuleId> {
  /** Sources without which the rule cannot be checked (it is then skipped, not "all clear"). */
  requires: readonly HouseholdSource[];
  run: Rule<Id>;
}

const personCols = sql.raw('p.household_id, p.id_number, p.name, p.township, p.village');

export const RULES: { [Id in RuleId]: RuleImpl<Id> } = {
  income_below_line: {
    requires: ['national'],
    run: (q, p, emit) =>
      q.each(
        sql`select * from scr_hh where exit_status = 'exited' and income < ${p.incomeLine}`,
        'household_id',
        (rows) =>
          emit(
            rows.map((r) =>
              household(
                'income_below_line',
                r,
                `已脱贫户年人均纯收入${r.income}元，低于脱贫标准${p.incomeLine}元（${NATIONAL_LABEL}）`,
                { income: r.income, line: p.incomeLine },
              ),
            ),
          ),
      ),
  },
  school_age_not_enrolled: {
    requires: ['national', 'education'],
    run: async (q, p, emit) => {
      const range = birthDateRangeForAge(p.schoolAgeMin, p.schoolAgeMax, p.referenceDate);
      const from = range.from.replaceAll('-', '');
      const to = range.to.replaceAll('-', '');
      // In ID order, so that a person listed twice comes in consecutive rows: the first row not
      // exempt gives the finding, remembering only the last ID (not a set of every one).
      let last = '';
      await q.each(
        sql`select ${personCols}, p.row_no, p.remarks, p.enrolled from ${q.t('national')} p
        where p.id_error is null and p.id_number is not null and substr(p.id_number, 7, 8) between ${from} and ${to}
          and coalesce(p.enrolled, 0) <> 1
          and not exists (select 1 from ${q.t('education')} e where e.id_number = p.id_number and coalesce(e.enrolled, 1) = 1)`,
        'id_number, row_no',
        (rows) =>
          emit(
            rows
              .filter((r) => !isSchoolExempt(cellText(r.remarks), p))
              .filter((r) => {
                const id = cellText(r.id_number);
                const first = id !== last;
                last = id;
                return first;
              })
              .map((r) => {
                const birth = cellText(r.id_number).slice(6, 14);
                return person(
                  'school_age_not_enrolled',
                  r,
                  `出生于${birth.slice(0, 4)}年${birth.slice(4, 6)}月，${p.referenceDate}时为${p.schoolAgeMin}至${p.schoolAgeMax}周岁，${SOURCE_LABELS.education}中无在校记录，${NATIONAL_LABEL}在校生状况为“${cellText(r.remarks) || '空'}”`,
                  { remarks: r.remarks },
                );
              }),
          ),
      );
    },
  },
  medical_insurance_missing: {
    requires: ['national', 'medical'],
    run: async (q, p, emit) => {
      const rows = q.medicalLacking(p.requireSeriousIllness);
      await q.each(
        rows,
        'row_no',
        (page) =>
          emit(
            page.map((r) =>
              person(
                'medical_insurance_missing',
                r,
                Number(r.has_basic) === 1
                  ? `未参加大病保险（${SOURCE_LABELS.medical}）`
                  : `在${SOURCE_LABELS.medical}中无有效的城乡居民或职工基本医疗保险参保记录（${NATIONAL_LABEL}：是否参加城乡居民基本医疗保险=${yesNo(r.resident_ins)}）`,
                { nationalResident: r.resident_ins },
              ),
            ),
          ),
        { onePerPerson: true },
      );
    },
  },
  medical_insurance_duplicate: {
    requires: ['national', 'medical'],
    run: async (q, _p, emit) => {
      const rows = sql`select ${personCols}, p.row_no from ${q.t('national')} p where p.id_number is not null
        and (p.id_number in (${q.medicalDoubled()})
          or (p.resident_ins = 1 and p.employee_ins = 1))`;
      await q.each(
        rows,
        'row_no',
        (page) =>
          emit(
            page.map((r) =>
              person(
                'medical_insurance_duplicate',
                r,
                `同时参加城乡居民基本医疗保险和城镇职工基本医疗保险（${SOURCE_LABELS.medical}）`,
              ),
            ),
          ),
        { onePerPerson: true },
      );
    },
  },
  unsafe_house: {
    requires: ['national', 'housing'],
    run: async (q, p, emit) =>
      q.each(
        sql`select h.household_id, h.township, h.village, h.exit_status, k.housing_grade
        from ${await q.latestPerHousehold('housing', 'housing_grade', sql`x.housing_grade in (${sql.join(p.grades)})`)} k
          join scr_hh h on h.household_id = k.hh
        where k.housing_grade in (${sql.join(p.grades)}) ${p.exitedOnly ? sql`and h.exit_status = 'exited'` : sql``}`,
        'household_id',
        (rows) =>
          emit(
            rows.map((r) =>
              household(
                'unsafe_house',
                r,
                `住房鉴定为${r.housing_grade}级危房（${SOURCE_LABELS.housing}；${NATIONAL_LABEL}脱贫状态：${exitLabel(r.exit_status)}）`,
                { grade: r.housing_grade },
              ),
            ),
          ),
      ),
  },
  no_safe_water: {
    requires: ['national'],
    run: async (q, _p, emit) => {
      const water = q.has('water')
        ? await q.latestPerHousehold('water', 'safe_water', sql`x.safe_water = 0`)
        : // Typed: PostgreSQL takes a bare NULL as text, and text = integer does not compare.
          sql`(select cast(null as text) as hh, cast(null as integer) as safe_water)`;
      await q.each(
        sql`select h.household_id, h.township, h.village, h.water_no, w.safe_water
        from scr_hh h left join ${water} w on w.hh = h.household_id where h.water_no = 0 or w.safe_water = 0`,
        'household_id',
        (rows) =>
          emit(
            rows.map((r) => {
              const says = [
                Number(r.safe_water) === 0 ? `${SOURCE_LABELS.water}：未通自来水` : '',
                Number(r.water_no) === 0 ? `${NATIONAL_LABEL}：未解决安全饮水` : '',
              ];
              return household('no_safe_water', r, `未解决安全饮水（${says.filter(Boolean).join('；')}）`);
            }),
          ),
      );
    },
  },
  assistance_mismatch: {
    requires: ['national', 'civil'],
    run: (q, _p, emit) =>
      q.each(
        q.assistance(),
        'row_no',
        (rows) =>
          emit(
            rows.map((r) => {
              const parts: string[] = [];
              if (Number(r.nd) !== Number(r.cd))
                parts.push(`低保：${NATIONAL_LABEL}为${yesNo(r.nd)}，${SOURCE_LABELS.civil}为${yesNo(r.cd)}`);
              if (Number(r.nt) !== Number(r.ct))
                parts.push(
                  `特困供养：${NATIONAL_LABEL}为${yesNo(r.nt)}，${SOURCE_LABELS.civil}为${yesNo(r.ct)}`,
                );
              return person('assistance_mismatch', r, `的${parts.join('；')}`, {
                national: { dibao: r.nd, tekun: r.nt },
                civil: { dibao: r.cd, tekun: r.ct },
              });
            }),
          ),
        { onePerPerson: true },
      ),
  },
  id_invalid: { requires: [], run: (q, _p, emit) => idChecks.idInvalid(q, emit) },
  id_duplicate: { requires: ['national'], run: (q, _p, emit) => idChecks.idDuplicate(q, emit) },
  household_head_count: {
    requires: ['national'],
    run: (q, _p, emit) =>
      q.each(sql`select * from scr_hh where heads <> 1`, 'household_id', (rows) =>
        emit(
          rows.map((r) =>
            household(
              'household_head_count',
              r,
              `户内与户主关系为“户主”的成员有${r.heads}人（共${r.members}人），应为1人（${NATIONAL_LABEL}）`,
              { heads: r.heads },
            ),
          ),
        ),
      ),
  },
  record_missing: { requires: ['national'], run: (q, p, emit) => reconcile.missing(q, p.against, emit) },
  record_mismatch: {
    requires: ['national', 'sunshine'],
    run: (q, p, emit) => reconcile.mismatch(q, p, emit),
  },
};
