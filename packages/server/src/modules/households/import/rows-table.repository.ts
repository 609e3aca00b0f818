// The normalised rows of one import live in their own table, household_rows_<import id>: created
// when the import starts, indexed after the bulk load (one sorted build is ~2× faster than
// maintaining indexes row by row), made visible by flipping the import to 'committed', and
// dropped whole when the import is rejected, fails or is superseded. Every source uses the same
// columns; a file fills the ones its headers map, the rest stay NULL.
import type { FieldId } from '@paicha/core';
import { sql } from 'kysely';
import type { DialectName } from '../../../db/database.js';
import type { Executor } from '../../../db/transaction.js';

type ColumnType = 'text' | 'integer' | 'real';

/** Column order is the insert order of the bulk writers. */
const ROW_COLUMNS = [
  ['row_no', 'integer'], // the row number in the file (Excel's numbering; 1 = first line)
  ['id_number', 'text'], // 18-character ID when valid; the cleaned text when not
  ['id_error', 'text'], // null when valid, else the core IdFailure code
  ['name', 'text'],
  ['household_id', 'text'],
  ['head_id_number', 'text'],
  ['is_head', 'integer'],
  ['household_size', 'integer'],
  ['category', 'text'], // general | dibao | tekun
  ['exit_status', 'text'], // not_exited | exited | returned
  ['income', 'real'], // 元 per person per year
  ['township', 'text'],
  ['village', 'text'],
  ['enrolled', 'integer'], // school status read as in school (1) / not (0)
  ['remarks', 'text'], // 在校生状况, 健康状况, 改造状态 as written: exemption keywords are searched here
  ['resident_ins', 'integer'],
  ['serious_ins', 'integer'],
  ['employee_ins', 'integer'],
  ['low_income', 'integer'], // 低保
  ['extreme', 'integer'], // 特困
  ['active', 'integer'], // 参保/救助 status of a sector row: 1 in force, 0 stopped
  ['housing_grade', 'text'],
  ['appraisal_date', 'text'],
  ['safe_water', 'integer'],
  // 与户主关系 as written (户主, 配偶, 之子 …): is_head is what the rules use, this is what a clerk
  // checking a 户主人数 finding reads. Tables of imports before it lack the column (read with *).
  ['relation', 'text'],
] as const satisfies readonly (readonly [string, ColumnType])[];

export type RowColumn = (typeof ROW_COLUMNS)[number][0];
export const ROW_COLUMN_NAMES: readonly RowColumn[] = ROW_COLUMNS.map(([c]) => c);

/** The row-table columns each field's reader fills. */
const COLUMNS_OF: Partial<Record<FieldId, RowColumn[]>> = {
  idNumber: ['id_number', 'id_error'],
  headIdNumber: ['head_id_number'],
  name: ['name'],
  householdId: ['household_id'],
  relation: ['is_head', 'relation'],
  householdSize: ['household_size'],
  category: ['category'],
  exitStatus: ['exit_status'],
  incomePerCapita: ['income'],
  township: ['township'],
  village: ['village'],
  schoolStatus: ['enrolled', 'remarks'],
  health: ['remarks'],
  renovationStatus: ['remarks'],
  residentInsurance: ['resident_ins'],
  seriousIllnessInsurance: ['serious_ins'],
  employeeInsurance: ['employee_ins'],
  insuranceType: ['resident_ins', 'employee_ins', 'serious_ins'],
  insuranceStatus: ['active'],
  assistanceStatus: ['active'],
  lowIncomeSupport: ['low_income'],
  extremePoverty: ['extreme'],
  assistanceType: ['low_income', 'extreme'],
  housingGrade: ['housing_grade'],
  appraisalDate: ['appraisal_date'],
  safeWater: ['safe_water'],
};

export function columnsOf(field: FieldId | undefined): RowColumn[] {
  return (field && COLUMNS_OF[field]) || [];
}

export function rowsTableName(importId: number): string {
  if (!Number.isSafeInteger(importId) || importId <= 0) throw new RangeError(`bad import id ${importId}`);
  return `household_rows_${importId}`;
}

function sqlType(t: ColumnType, dialect: DialectName): string {
  if (t === 'real') return dialect === 'postgres' ? 'double precision' : 'real';
  return t;
}

export async function createRowsTable(db: Executor, dialect: DialectName, importId: number): Promise<string> {
  const table = rowsTableName(importId);
  const columns = ROW_COLUMNS.map(([c, t]) => `${c} ${sqlType(t, dialect)}`).join(', ');
  await sql.raw(`drop table if exists ${table}`).execute(db);
  // UNLOGGED would be faster on PostgreSQL but loses the table in a crash: it is the data.
  await sql.raw(`create table ${table} (${columns})`).execute(db);
  return table;
}

/**
 * The lookups screening makes: by person and by household, for the columns the file fills (an
 * index of a column that is NULL throughout serves no query); ANALYZE so the planner knows.
 */
export function indexStatements(
  importId: number,
  dialect: DialectName,
  columns: readonly RowColumn[],
): string[] {
  const table = rowsTableName(importId);
  return [
    ...(columns.includes('id_number') ? [`create index ${table}_id on ${table} (id_number)`] : []),
    ...(columns.includes('household_id') ? [`create index ${table}_hh on ${table} (household_id)`] : []),
    // SQLite's ANALYZE reads every row (~0.3 s per million); a sample is plenty for these plans,
    // as it is for PostgreSQL's, which samples anyway.
    ...(dialect === 'sqlite' ? ['pragma analysis_limit = 1000'] : []),
    `analyze ${table}`,
  ];
}

export async function dropRowsTable(db: Executor, importId: number): Promise<void> {
  await sql.raw(`drop table if exists ${rowsTableName(importId)}`).execute(db);
}
