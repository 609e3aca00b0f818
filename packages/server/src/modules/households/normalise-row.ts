// One data row of an export → the values of its row-table columns, or per-cell errors. The core
// parsers do the reading (DOMAIN.md); this decides what is an error that rejects the file and
// what is a finding: an ID with a wrong checksum is what the source system holds (the id_invalid
// rule reports it), while an ID whose digits were lost to a float, or a cell no parser can read,
// means the file itself is broken and must be fixed and exported again.
import {
  cleanName,
  cleanText,
  type FieldId,
  type HeaderMatch,
  type HouseholdSource,
  isHouseholdHead,
  moneyScale,
  normalizeIdNumber,
  type Parsed,
  parseAssistanceType,
  parseCellDate,
  parseExitStatus,
  parseHouseholdCategory,
  parseHousingGrade,
  parseInsuranceType,
  parseInteger,
  parseMoney,
  parseSex,
  parseYesNo,
  requirementLabel,
  SOURCE_REQUIRED,
} from '@paicha/core';
import { readActive, readEnrolled, readHouseholdId } from './cells.js';
import { ROW_COLUMN_NAMES, type RowColumn } from './rows-table.js';

export interface RowError {
  row: number;
  column: string;
  value: string;
  message: string;
}

type Out = Partial<Record<RowColumn, unknown>>;
type Reader = (raw: unknown, out: Out) => string | null;

const MEMO_LIMIT = 5000;

/** Repeated cells (是/否, a township, 一般贫困户) are read once: most columns hold a few values. */
function memo<T>(parse: (raw: unknown) => Parsed<T>): (raw: unknown) => Parsed<T> {
  const cache = new Map<string, Parsed<T>>();
  return (raw) => {
    if (typeof raw !== 'string') return parse(raw);
    let r = cache.get(raw);
    if (r === undefined) {
      r = parse(raw);
      if (cache.size < MEMO_LIMIT) cache.set(raw, r);
    }
    return r;
  };
}

function flag(column: RowColumn): Reader {
  const read = memo(parseYesNo);
  return (raw, out) => {
    const r = read(raw);
    if (!r.ok) return r.message;
    if (r.value !== null) out[column] = r.value ? 1 : 0;
    return null;
  };
}

function value<T>(column: RowColumn | null, parse: (raw: unknown) => Parsed<T>, cache = true): Reader {
  const read = cache ? memo(parse) : parse;
  return (raw, out) => {
    const r = read(raw);
    if (!r.ok) return r.message;
    if (column && r.value !== null) out[column] = r.value;
    return null;
  };
}

const text = (raw: unknown) => ({ ok: true as const, value: cleanText(raw).replace(/\s/g, '') || null });

function readers(today: string, unit: (f: FieldId) => string | null): Partial<Record<FieldId, Reader>> {
  const id =
    (column: 'id_number' | 'head_id_number'): Reader =>
    (raw, out) => {
      const r = normalizeIdNumber(raw, { today });
      if (r.ok) {
        out[column] = r.id;
        return null;
      }
      if (r.reason === 'empty') return null;
      if (r.reason === 'precision_lost') return r.message;
      out[column] = r.cleaned || r.raw;
      if (column === 'id_number') out.id_error = r.reason;
      return null;
    };
  const remark: Reader = (raw, out) => {
    const t = cleanText(raw);
    if (t) out.remarks = out.remarks ? `${out.remarks}；${t}` : t;
    return null;
  };
  const enrolled = memo<0 | 1 | null>(readEnrolled);
  const active = memo(readActive);
  const insurance = memo(parseInsuranceType);
  const assistance = memo(parseAssistanceType);
  const relation = memo((raw: unknown) => ({ ok: true as const, value: isHouseholdHead(raw) ? 1 : 0 }));
  return {
    idNumber: id('id_number'),
    headIdNumber: id('head_id_number'),
    name: (raw, out) => {
      const n = cleanName(raw);
      if (n) out.name = n;
      return null;
    },
    householdId: value('household_id', readHouseholdId, false),
    relation: (raw, out) => {
      out.is_head = (relation(raw) as { value: number }).value;
      return null;
    },
    householdSize: value('household_size', (raw) => parseInteger(raw, { min: 1, max: 99 })),
    category: value('category', parseHouseholdCategory),
    exitStatus: value('exit_status', parseExitStatus),
    exitYear: value(null, (raw) => parseInteger(raw, { min: 1980, max: 2100 })),
    incomePerCapita: value(
      'income',
      (raw) => parseMoney(raw, { scale: moneyScale(unit('incomePerCapita')) }),
      false,
    ),
    township: value('township', text),
    village: value('village', text),
    sex: value(null, parseSex),
    schoolStatus: (raw, out) => {
      const r = enrolled(raw);
      if (r.ok && r.value !== null) out.enrolled = r.value;
      return remark(raw, out);
    },
    health: remark,
    renovationStatus: remark,
    residentInsurance: flag('resident_ins'),
    seriousIllnessInsurance: flag('serious_ins'),
    employeeInsurance: flag('employee_ins'),
    insuranceType: (raw, out) => {
      const r = insurance(raw);
      if (!r.ok) return r.message;
      if (r.value === 'resident') out.resident_ins = 1;
      else if (r.value === 'employee') out.employee_ins = 1;
      else if (r.value === 'serious_illness') out.serious_ins = 1;
      return null;
    },
    insuranceStatus: value('active', active),
    assistanceStatus: value('active', active),
    lowIncomeSupport: flag('low_income'),
    extremePoverty: flag('extreme'),
    assistanceType: (raw, out) => {
      const r = assistance(raw);
      if (!r.ok) return r.message;
      if (r.value === 'dibao') out.low_income = 1;
      else if (r.value === 'tekun') out.extreme = 1;
      return null;
    },
    housingGrade: value('housing_grade', parseHousingGrade),
    appraisalDate: value('appraisal_date', (raw) => parseCellDate(raw)),
    safeWater: flag('safe_water'),
  };
}

const isBlankCell = (v: unknown) =>
  v === null || v === undefined || (typeof v === 'string' && cleanText(v) === '');

export interface RowNormaliser {
  /** Row-table columns this file fills, in insert order. */
  columns: RowColumn[];
  /** The column values, or null when the row had errors (appended to `errors`). */
  normalise(cells: readonly unknown[], rowNo: number, errors: RowError[]): unknown[] | null;
}

export function makeRowNormaliser(
  source: HouseholdSource,
  match: HeaderMatch,
  options: { today: string },
): RowNormaliser {
  const unit = (f: FieldId) => match.fields[f]?.unit ?? null;
  const all = readers(options.today, unit);
  // Only the first column of a field is read (HeaderMatch.fields); duplicates are reported.
  const plan = Object.values(match.fields).flatMap((c) => {
    const read = c ? all[c.field] : undefined;
    return c && read ? [{ column: c.column, header: c.header, read }] : [];
  });
  const filled = new Set<RowColumn>(['row_no']);
  for (const c of Object.values(match.fields)) for (const col of columnsOf(c?.field)) filled.add(col);
  const columns = ROW_COLUMN_NAMES.filter((c) => filled.has(c));
  const required = SOURCE_REQUIRED[source].map((group) => ({
    label: requirementLabel(group),
    cols: group.flatMap((f) => (match.fields[f] ? [match.fields[f]] : [])),
  }));
  return {
    columns,
    normalise(cells, rowNo, errors) {
      const out: Out = { row_no: rowNo };
      let bad = false;
      for (const p of plan) {
        const raw = cells[p.column];
        if (isBlankCell(raw)) continue;
        const message = p.read(raw, out);
        if (message !== null) {
          bad = true;
          errors.push({ row: rowNo, column: p.header, value: cellString(raw), message });
        }
      }
      for (const g of required) {
        if (g.cols.some((c) => c && !isBlankCell(cells[c.column]))) continue;
        bad = true;
        errors.push({
          row: rowNo,
          column: g.cols[0]?.header ?? g.label,
          value: '',
          message: `${g.label}为空`,
        });
      }
      if (bad) return null;
      return columns.map((c) => out[c] ?? null);
    },
  };
}

function cellString(v: unknown): string {
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return String(v);
}

function columnsOf(field: FieldId | undefined): RowColumn[] {
  switch (field) {
    case 'idNumber':
      return ['id_number', 'id_error'];
    case 'headIdNumber':
      return ['head_id_number'];
    case 'name':
      return ['name'];
    case 'householdId':
      return ['household_id'];
    case 'relation':
      return ['is_head'];
    case 'householdSize':
      return ['household_size'];
    case 'category':
      return ['category'];
    case 'exitStatus':
      return ['exit_status'];
    case 'incomePerCapita':
      return ['income'];
    case 'township':
      return ['township'];
    case 'village':
      return ['village'];
    case 'schoolStatus':
      return ['enrolled', 'remarks'];
    case 'health':
    case 'renovationStatus':
      return ['remarks'];
    case 'residentInsurance':
      return ['resident_ins'];
    case 'seriousIllnessInsurance':
      return ['serious_ins'];
    case 'employeeInsurance':
      return ['employee_ins'];
    case 'insuranceType':
      return ['resident_ins', 'employee_ins', 'serious_ins'];
    case 'insuranceStatus':
    case 'assistanceStatus':
      return ['active'];
    case 'lowIncomeSupport':
      return ['low_income'];
    case 'extremePoverty':
      return ['extreme'];
    case 'assistanceType':
      return ['low_income', 'extreme'];
    case 'housingGrade':
      return ['housing_grade'];
    case 'appraisalDate':
      return ['appraisal_date'];
    case 'safeWater':
      return ['safe_water'];
    default:
      return [];
  }
}
