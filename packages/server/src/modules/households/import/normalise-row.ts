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
  isBlank,
  isHouseholdHead,
  isNormalIdNumber,
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
import { columnsOf, ROW_COLUMN_NAMES, type RowColumn } from './rows-table.repository.js';
import type { RowError } from './types.js';

/** A row's values by position in the file's columns (RowNormaliser.columns). */
type Out = unknown[];
type Reader = (raw: unknown, out: Out) => string | null;

const MEMO_LIMIT = 5000;

/** Repeated cells (是/否, a township, 一般贫困户) are read once: most columns hold a few values. */
function memo<T>(parse: (raw: unknown) => Parsed<T>): (raw: unknown) => Parsed<T> {
  const cache = new Map<string, Parsed<T>>();
  // The row above often has the same value (members repeat their household's): comparing two
  // short strings is cheaper than hashing one for the map.
  let lastRaw = '';
  let last: Parsed<T> | undefined;
  return (raw) => {
    if (typeof raw !== 'string') return parse(raw);
    if (raw === lastRaw && last !== undefined) return last;
    let r = cache.get(raw);
    if (r === undefined) {
      r = parse(raw);
      if (cache.size < MEMO_LIMIT) cache.set(raw, r);
    }
    lastRaw = raw;
    last = r;
    return r;
  };
}

/** Column → position in the row; -1 for a column the file does not fill (its reader never runs). */
type At = (column: RowColumn) => number;

function flag(at: number): Reader {
  const read = memo(parseYesNo);
  return (raw, out) => {
    const r = read(raw);
    if (!r.ok) return r.message;
    if (r.value !== null) out[at] = r.value ? 1 : 0;
    return null;
  };
}

function value<T>(at: number, parse: (raw: unknown) => Parsed<T>, cache = true): Reader {
  const read = cache ? memo(parse) : parse;
  return (raw, out) => {
    const r = read(raw);
    if (!r.ok) return r.message;
    if (at >= 0 && r.value !== null) out[at] = r.value;
    return null;
  };
}

const text = (raw: unknown) => ({ ok: true as const, value: cleanText(raw).replace(/\s/g, '') || null });

function readers(
  today: string,
  unit: (f: FieldId) => string | null,
  at: At,
): Partial<Record<FieldId, Reader>> {
  const id = (column: 'id_number' | 'head_id_number'): Reader => {
    const i = at(column);
    const e = column === 'id_number' ? at('id_error') : -1;
    const options = { today };
    return (raw, out) => {
      if (typeof raw === 'string' && isNormalIdNumber(raw, options)) {
        out[i] = raw; // what normalizeIdNumber would return, without building its result
        return null;
      }
      const r = normalizeIdNumber(raw, options);
      if (r.ok) {
        out[i] = r.id;
        return null;
      }
      if (r.reason === 'empty') return null;
      if (r.reason === 'precision_lost') return r.message;
      out[i] = r.cleaned || r.raw;
      if (e >= 0) out[e] = r.reason;
      return null;
    };
  };
  const income = { scale: moneyScale(unit('incomePerCapita')) };
  const iRemarks = at('remarks');
  const [iName, iHead, iRelation, iEnrolled, iResident, iEmployee, iSerious, iLow, iExtreme] = (
    [
      'name',
      'is_head',
      'relation',
      'enrolled',
      'resident_ins',
      'employee_ins',
      'serious_ins',
      'low_income',
      'extreme',
    ] as const
  ).map(at);
  const remark: Reader = (raw, out) => {
    const t = cleanText(raw);
    if (t) out[iRemarks] = out[iRemarks] ? `${out[iRemarks]}；${t}` : t;
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
      if (n) out[iName as number] = n;
      return null;
    },
    householdId: value(at('household_id'), readHouseholdId, false),
    relation: (raw, out) => {
      out[iHead as number] = (relation(raw) as { value: number }).value;
      const written = cleanText(raw);
      if (written) out[iRelation as number] = written;
      return null;
    },
    householdSize: value(at('household_size'), (raw) => parseInteger(raw, { min: 1, max: 99 })),
    category: value(at('category'), parseHouseholdCategory),
    exitStatus: value(at('exit_status'), parseExitStatus),
    exitYear: value(-1, (raw) => parseInteger(raw, { min: 1980, max: 2100 })),
    incomePerCapita: value(at('income'), (raw) => parseMoney(raw, income), false),
    township: value(at('township'), text),
    village: value(at('village'), text),
    sex: value(-1, parseSex),
    schoolStatus: (raw, out) => {
      const r = enrolled(raw);
      if (r.ok && r.value !== null) out[iEnrolled as number] = r.value;
      return remark(raw, out);
    },
    health: remark,
    renovationStatus: remark,
    residentInsurance: flag(at('resident_ins')),
    seriousIllnessInsurance: flag(at('serious_ins')),
    employeeInsurance: flag(at('employee_ins')),
    insuranceType: (raw, out) => {
      const r = insurance(raw);
      if (!r.ok) return r.message;
      if (r.value === 'resident') out[iResident as number] = 1;
      else if (r.value === 'employee') out[iEmployee as number] = 1;
      else if (r.value === 'serious_illness') out[iSerious as number] = 1;
      return null;
    },
    insuranceStatus: value(at('active'), active),
    assistanceStatus: value(at('active'), active),
    lowIncomeSupport: flag(at('low_income')),
    extremePoverty: flag(at('extreme')),
    assistanceType: (raw, out) => {
      const r = assistance(raw);
      if (!r.ok) return r.message;
      if (r.value === 'dibao') out[iLow as number] = 1;
      else if (r.value === 'tekun') out[iExtreme as number] = 1;
      return null;
    },
    housingGrade: value(at('housing_grade'), parseHousingGrade),
    appraisalDate: value(at('appraisal_date'), (raw) => parseCellDate(raw)),
    safeWater: flag(at('safe_water')),
  };
}

const isBlankCell = (v: unknown) => v === null || v === undefined || (typeof v === 'string' && isBlank(v));

export interface RowNormaliser {
  /** Row-table columns this file fills, in insert order. */
  columns: RowColumn[];
  /**
   * The column values, or null when the row had errors (appended to `errors`). The array is
   * reused for the next row: copy it out before calling again.
   */
  normalise(cells: readonly unknown[], rowNo: number, errors: RowError[]): unknown[] | null;
}

export function makeRowNormaliser(
  source: HouseholdSource,
  match: HeaderMatch,
  options: { today: string },
): RowNormaliser {
  const unit = (f: FieldId) => match.fields[f]?.unit ?? null;
  const filled = new Set<RowColumn>(['row_no']);
  for (const c of Object.values(match.fields)) for (const col of columnsOf(c?.field)) filled.add(col);
  const columns = ROW_COLUMN_NAMES.filter((c) => filled.has(c));
  const all = readers(options.today, unit, (c) => columns.indexOf(c));
  // Only the first column of a field is read (HeaderMatch.fields); duplicates are reported.
  const plan = Object.values(match.fields).flatMap((c) => {
    const read = c ? all[c.field] : undefined;
    return c && read ? [{ column: c.column, header: c.header, read }] : [];
  });
  const out: Out = new Array(columns.length).fill(null);
  const required = SOURCE_REQUIRED[source].map((group) => ({
    label: requirementLabel(group),
    cols: group.flatMap((f) => (match.fields[f] ? [match.fields[f]] : [])),
  }));
  return {
    columns,
    normalise(cells, rowNo, errors) {
      out.fill(null);
      out[0] = rowNo; // row_no comes first in ROW_COLUMNS
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
        if (anyFilled(g.cols, cells)) continue;
        bad = true;
        errors.push({
          row: rowNo,
          column: g.cols[0]?.header ?? g.label,
          value: '',
          message: `${g.label}为空`,
        });
      }
      return bad ? null : out;
    },
  };
}

function anyFilled(cols: readonly ({ column: number } | undefined)[], cells: readonly unknown[]): boolean {
  for (const c of cols) if (c && !isBlankCell(cells[c.column])) return true;
  return false;
}

function cellString(v: unknown): string {
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return String(v);
}
