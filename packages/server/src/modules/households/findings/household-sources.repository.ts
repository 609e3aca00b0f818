// A household as every source other than the national roll holds it: the clerk checking a
// finding wants 阳光扶贫's members, the school's enrolment, the insurance, the appraisal and the
// water record side by side, not only the roll. Rows belong to the household by its 户编号 or by
// a member's ID number (sector lists often carry only the ID).
import {
  EXIT_STATUS_LABELS,
  type ExitStatus,
  HOUSEHOLD_CATEGORY_LABELS,
  HOUSEHOLD_SOURCES,
  type HouseholdCategory,
  type HouseholdSource,
  maskIdNumber,
  maskName,
  SOURCE_LABELS,
} from '@paicha/core';
import { sql } from 'kysely';
import type { Executor } from '../../../db/transaction.js';
import { type RowColumn, rowsTableName } from '../import/rows-table.repository.js';

/** What a clerk reads for each stored value, in this order. */
const SHOWN: [RowColumn, string, (v: unknown) => string][] = [
  ['relation', '与户主关系', String],
  ['household_size', '家庭人口数', (v) => `${v}人`],
  ['category', '贫困户属性', (v) => HOUSEHOLD_CATEGORY_LABELS[v as HouseholdCategory] ?? String(v)],
  ['exit_status', '脱贫属性', (v) => EXIT_STATUS_LABELS[v as ExitStatus] ?? String(v)],
  ['income', '人均纯收入', (v) => `${v}元`],
  ['enrolled', '在校', yesNo],
  ['resident_ins', '城乡居民基本医疗保险', yesNo],
  ['serious_ins', '大病保险', yesNo],
  ['employee_ins', '职工基本医疗保险', yesNo],
  ['low_income', '低保', yesNo],
  ['extreme', '特困供养', yesNo],
  ['active', '状态', (v) => (Number(v) === 1 ? '有效' : '已停止')],
  ['housing_grade', '鉴定等级', (v) => `${v}级`],
  ['appraisal_date', '鉴定日期', String],
  ['safe_water', '通自来水', yesNo],
  ['remarks', '备注', String],
];

function shownId(v: unknown, unmasked: boolean): string | null {
  if (v === null || v === undefined) return null;
  return unmasked ? String(v) : maskIdNumber(String(v));
}

function yesNo(v: unknown): string {
  return Number(v) === 1 ? '是' : '否';
}

interface SourceRecord {
  row: number;
  name: string | null;
  idNumber: string | null;
  fields: { label: string; value: string }[];
}

export interface SourceRecords {
  source: HouseholdSource;
  label: string;
  importId: number;
  records: SourceRecord[];
}

/** The household's rows in each current import but the roll's; sources holding none are listed empty. */
export async function householdInSources(
  db: Executor,
  imports: Partial<Record<HouseholdSource, number>>,
  householdId: string,
  memberIds: string[],
  unmasked: boolean,
): Promise<SourceRecords[]> {
  const out: SourceRecords[] = [];
  const ids = memberIds.length > 0 ? memberIds : [''];
  for (const source of HOUSEHOLD_SOURCES) {
    const importId = imports[source];
    if (source === 'national' || importId === undefined) continue;
    const { rows } = await sql<Record<string, unknown>>`select * from ${sql.table(rowsTableName(importId))}
      where household_id = ${householdId} or id_number in (${sql.join(ids)}) order by row_no limit 200`.execute(
      db,
    );
    out.push({
      source,
      label: SOURCE_LABELS[source],
      importId,
      records: rows.map((r) => ({
        row: Number(r.row_no),
        name: r.name == null ? null : unmasked ? String(r.name) : maskName(String(r.name)),
        // Household lists (appraisal, water) carry the head's ID instead of a member's.
        idNumber: shownId(r.id_number ?? r.head_id_number, unmasked),
        fields: SHOWN.filter(([c]) => r[c] !== null && r[c] !== undefined && r[c] !== '').map(
          ([c, label, show]) => ({
            label,
            value: show(r[c]),
          }),
        ),
      })),
    });
  }
  return out;
}
