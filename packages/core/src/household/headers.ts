// Header rows of real exports: matched by name and synonyms, never by position (DESIGN.md).
import {
  FIELD_IDS,
  FIELD_SYNONYMS,
  type FieldId,
  requirementLabel,
  SOURCE_REQUIRED,
  SOURCE_SYNONYMS,
} from './fields.js';
import type { HouseholdSource } from './sources.js';
import { cellText, cleanText, stripInvisible } from './text.js';

/**
 * The comparable form of a header cell: full-width made half-width, brackets unified to (),
 * all whitespace and line breaks removed, "*"/"※"/"★" required markers and trailing colons
 * dropped, Latin letters lower-cased. "* 证件号码\n（18位）：" → "证件号码(18位)".
 */
export function normalizeHeader(raw: unknown): string {
  return cleanText(raw)
    .replace(/[【[〔［]/g, '(')
    .replace(/[】\]〕］]/g, ')')
    .replace(/[\s*※★]/g, '')
    .replace(/[:：]+$/, '')
    .toLowerCase();
}

// Units and remarks in brackets ("人均纯收入(元)", "证件号码(18位)") do not name a different field.
function withoutBrackets(key: string): string {
  return key.replace(/\([^()]*\)/g, '');
}

function lastBracket(key: string): string | null {
  const all = [...key.matchAll(/\(([^()]*)\)/g)];
  return all.at(-1)?.[1] ?? null;
}

interface Lookup {
  exact: Map<string, FieldId>;
  loose: Map<string, FieldId>;
}

const lookups = new Map<HouseholdSource, Lookup>();

function lookupFor(source: HouseholdSource): Lookup {
  let l = lookups.get(source);
  if (l) return l;
  l = { exact: new Map(), loose: new Map() };
  const extra = SOURCE_SYNONYMS[source] ?? {};
  for (const field of FIELD_IDS) {
    for (const name of [...(extra[field] ?? []), ...FIELD_SYNONYMS[field]]) {
      const key = normalizeHeader(name);
      if (!l.exact.has(key)) l.exact.set(key, field);
      const loose = withoutBrackets(key);
      if (loose && !l.loose.has(loose)) l.loose.set(loose, field);
    }
  }
  lookups.set(source, l);
  return l;
}

/** The field a header names, and the unit or remark in brackets that was set aside to find it. */
export function matchHeader(
  raw: unknown,
  source: HouseholdSource,
): { field: FieldId; unit: string | null } | null {
  const key = normalizeHeader(raw);
  if (key === '') return null;
  const l = lookupFor(source);
  const exact = l.exact.get(key);
  if (exact) return { field: exact, unit: null };
  const loose = l.loose.get(withoutBrackets(key));
  return loose ? { field: loose, unit: lastBracket(key) } : null;
}

/** A header cell as written (full-width brackets and all), for the mapping step and reports. */
export function headerText(raw: unknown): string {
  return stripInvisible(cellText(raw)).replace(/\s+/g, ' ').trim();
}

export interface MatchedColumn {
  column: number;
  header: string;
  field: FieldId;
  /** Bracketed unit or remark ("元", "万元", "18位"), for money scaling. */
  unit: string | null;
}

export interface HeaderMatch {
  /** The column of each field found (the first one when a field appears twice). */
  fields: Partial<Record<FieldId, MatchedColumn>>;
  /** Every matched column, in column order. */
  columns: MatchedColumn[];
  /** Non-blank headers that name no known field: offered in the mapping step, otherwise ignored. */
  unknown: { column: number; header: string }[];
  /** Fields found in more than one column; only the first is read. */
  duplicates: { field: FieldId; columns: number[] }[];
  /** Required groups with no field found (see SOURCE_REQUIRED), with Chinese labels. */
  missing: (readonly FieldId[])[];
  missingLabels: string[];
  ok: boolean;
}

export interface MatchOptions {
  /** The mapping step's answers: header text → field, or null to ignore the column. */
  overrides?: Readonly<Record<string, FieldId | null>>;
}

export function matchHeaders(
  row: readonly unknown[],
  source: HouseholdSource,
  options: MatchOptions = {},
): HeaderMatch {
  const overrides = new Map(
    Object.entries(options.overrides ?? {}).map(([header, field]) => [normalizeHeader(header), field]),
  );
  const fields: Partial<Record<FieldId, MatchedColumn>> = {};
  const columns: MatchedColumn[] = [];
  const unknown: HeaderMatch['unknown'] = [];
  const seen = new Map<FieldId, number[]>();
  row.forEach((cell, column) => {
    const header = headerText(cell);
    if (header === '') return;
    const key = normalizeHeader(header);
    const override = overrides.get(key);
    if (override === null) return;
    const m = override ? { field: override, unit: lastBracket(key) } : matchHeader(header, source);
    if (!m) {
      unknown.push({ column, header });
      return;
    }
    const matched = { column, header, field: m.field, unit: m.unit };
    columns.push(matched);
    fields[m.field] ??= matched;
    seen.set(m.field, [...(seen.get(m.field) ?? []), column]);
  });
  const duplicates = [...seen]
    .filter(([, cols]) => cols.length > 1)
    .map(([field, cols]) => ({ field, columns: cols }));
  const missing = SOURCE_REQUIRED[source].filter((group) => !group.some((f) => fields[f]));
  return {
    fields,
    columns,
    unknown,
    duplicates,
    missing,
    missingLabels: missing.map(requirementLabel),
    ok: missing.length === 0,
  };
}

/** Multiplier a money column's unit asks for: (万元) → 10000, (千元) → 1000, (元) or none → 1. */
export function moneyScale(unit: string | null): 1 | 1000 | 10000 {
  if (unit === null) return 1;
  if (/^万元/.test(unit)) return 10000;
  if (/^千元/.test(unit)) return 1000;
  return 1;
}
