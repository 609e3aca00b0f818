// Which system a household export came from, for a whole delivery imported at once
// (`paicha import <文件夹>`): by its header row first, by its file name where the headers fit
// several systems. A wrong guess would replace the current import of another source, so an
// export that fits several systems and whose name does not settle it is refused with the
// candidates named, never guessed: the office then writes `来源=文件` for it.
import { SOURCE_REQUIRED, SOURCE_SYNONYMS } from './fields.js';
import { findHeaderRow } from './header-row.js';
import { normalizeHeader } from './headers.js';
import { HOUSEHOLD_SOURCES, type HouseholdSource, SOURCE_LABELS } from './sources.js';

/** Words in file names as offices save these exports (the source id itself counts too). */
const NAME_HINTS: Record<HouseholdSource, readonly string[]> = {
  national: ['全国扶贫', '扶贫开发信息系统', '国扶', '建档立卡'],
  sunshine: ['阳光'],
  education: ['学籍', '教育', '在校'],
  medical: ['医保', '参保', '医疗'],
  housing: ['危房', '房屋鉴定', '住建'],
  civil: ['低保', '特困', '民政', '救助'],
  water: ['自来水', '饮水', '供水', '水务'],
};

export type SourceGuess =
  | { source: HouseholdSource; by: 'headers' | 'name' }
  | { source: null; candidates: HouseholdSource[]; message: string };

/** The sources whose words the file name holds. */
export function sourcesNamed(fileName: string): HouseholdSource[] {
  const name = fileName.toLowerCase();
  return HOUSEHOLD_SOURCES.filter((s) => name.includes(s) || NAME_HINTS[s].some((w) => name.includes(w)));
}

/**
 * `rows`: the file's first rows (title rows and header included; 30 are enough). A source fits
 * when a header row naming all its required fields is found for it.
 */
export function detectSource(rows: readonly (readonly unknown[])[], fileName: string): SourceGuess {
  const fits: HouseholdSource[] = [];
  const strong: HouseholdSource[] = [];
  for (const source of HOUSEHOLD_SOURCES) {
    const fit = sourceFit(rows, source);
    if (fit) fits.push(source);
    if (fit === 'strong') strong.push(source);
  }
  const named = sourcesNamed(fileName);
  if (strong.length === 1) return { source: strong[0] as HouseholdSource, by: 'headers' };
  if (fits.length === 1) return { source: fits[0] as HouseholdSource, by: 'headers' };
  const both = fits.filter((s) => named.includes(s));
  if (both.length === 1) return { source: both[0] as HouseholdSource, by: 'name' };
  const labels = (list: readonly HouseholdSource[]) => list.map((s) => SOURCE_LABELS[s]).join('、');
  if (fits.length === 0)
    return {
      source: null,
      candidates: [],
      message: '表头不符合任何数据来源的必需列（如证件号码、姓名），无法判断来源',
    };
  return {
    source: null,
    candidates: fits,
    message: `表头同时符合${labels(fits)}的格式，文件名也不能确定来源`,
  };
}

/**
 * 'strong' when every required group is met by a header that names the field in any system;
 * 'weak' when one is met only by a word that names it in this system alone (a bare 状态 is the
 * school status in a 学籍 list and the assistance status in a 民政 list); null when it does not fit.
 */
function sourceFit(rows: readonly (readonly unknown[])[], source: HouseholdSource): 'strong' | 'weak' | null {
  const found = findHeaderRow(rows, source);
  if (!found?.match.ok) return null;
  const ownWords = SOURCE_SYNONYMS[source] ?? {};
  const strongly = SOURCE_REQUIRED[source].every((group) =>
    group.some((field) => {
      const column = found.match.fields[field];
      if (!column) return false;
      const key = normalizeHeader(column.header);
      return !(ownWords[field] ?? []).some((w) => normalizeHeader(w) === key);
    }),
  );
  return strongly ? 'strong' : 'weak';
}
