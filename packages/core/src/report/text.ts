// What a 月报表 row's 排查情况 says, read the way the office reads it: “未发现问题”, a number of
// problems found, or problems without a number. The validation rules (rules.ts) compare this
// with the ledger's figures for the same unit and item.

/** The sentence a row with nothing found carries (“其余事项填未发现问题”). */
export const NO_PROBLEM_TEXT = '经排查，未发现问题。';

/** Cells that mean “nothing” when written alone: 无, 暂无, a slash or dashes. */
const NOTHING = /^(无|暂无|没有|\/|／|-+|—+|无。|暂无。)$/;

/** 未发现问题, 暂未发现相关问题, 未发现新问题, 没有发现此类问题, 无问题 … */
const SAYS_NONE =
  /(暂未|尚未|未|没有|没)(发现|排查出|查出|查找出|发生|出现|存在)[^，。；,;！!？?\n]{0,8}?问题|(无|没有)(任何|相关|此类|类似|该类|明显)?问题/g;

const FOUND_VERB = '(?:发现|排查出|查出|查找出|梳理出|排查发现)';
const NUMBER = '([0-9０-９]+|[零〇一二两三四五六七八九十百]+)';
const UNIT_WORD = '(?:个|条|项|处|起)';
/** 发现问题3个, 共发现各类问题十二条, 排查出5个问题, 发现3处问题 */
const STATED = [
  new RegExp(`${FOUND_VERB}(?:各类|相关|存在)?问题(?:共|合计|总计)?${NUMBER}${UNIT_WORD}`),
  new RegExp(`${FOUND_VERB}(?:问题)?(?:共|合计|总计)?${NUMBER}${UNIT_WORD}(?:各类|相关)?问题`),
];
/** Problems mentioned without a number: 发现……问题, 存在……问题. */
const MENTIONS = /(发现|排查出|查出|查找出|梳理出|存在)[^，。；,;！!？?\n]{0,15}问题/;

const DIGITS: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

/** 3, ３, 十二, 二十, 一百零五 → numbers; anything unreadable → null. */
export function readChineseNumber(s: string): number | null {
  const ascii = s.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  if (/^\d+$/.test(ascii)) return Number(ascii);
  let total = 0;
  let digit: number | null = null;
  for (const ch of s) {
    if (ch in DIGITS) digit = DIGITS[ch] ?? 0;
    else if (ch === '十' || ch === '百') {
      total += (digit ?? 1) * (ch === '十' ? 10 : 100);
      digit = null;
    } else return null;
  }
  return total + (digit ?? 0);
}

const squeeze = (text: string) => text.replace(/\s+/g, '');

/** The number of problems the text says were found (“发现问题3个”), or null when it names none. */
export function statedProblemCount(text: string): number | null {
  const t = squeeze(text);
  for (const re of STATED) {
    const m = re.exec(t);
    if (m?.[1]) return readChineseNumber(m[1]);
  }
  return null;
}

export type RowClaim = 'blank' | 'none' | 'problems' | 'other';

/**
 * What 排查情况 claims: blank; none found (“未发现问题”, “无”, or “发现问题0个”); problems found
 * (a number above zero, or 发现/存在……问题 once the “未发现问题” phrases are taken out, so
 * “发现问题3个，其余未发现问题” is a claim of problems); or something else (work described).
 */
export function claimOf(situation: string): RowClaim {
  const t = squeeze(situation);
  if (t === '') return 'blank';
  if (NOTHING.test(t)) return 'none';
  const stated = statedProblemCount(t);
  if (stated !== null) return stated > 0 ? 'problems' : 'none';
  const withoutNone = t.replace(SAYS_NONE, '');
  if (MENTIONS.test(withoutNone)) return 'problems';
  return withoutNone.length < t.length ? 'none' : 'other';
}

/** A cell with something in it other than a “nothing” mark. */
export function isFilled(text: string): boolean {
  const t = squeeze(text);
  return t !== '' && !NOTHING.test(t);
}
