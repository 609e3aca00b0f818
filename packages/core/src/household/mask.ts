// Masks for lists and exports shown to roles that may not see personal data. The visible parts
// are what clerks use to tell people apart at a glance (area and last digits; the surname) while
// the birth date and given name, which identify a person, stay hidden.
import { cleanName } from './text.js';

/**
 * 320703199001011234 → 3207**********1234. Invalid or short values are masked too (they are
 * still somebody's number): at most a quarter of the characters stays visible at each end.
 */
export function maskIdNumber(value: string): string {
  const s = value.trim();
  const keep = Math.min(4, Math.floor(s.length / 4));
  if (keep === 0) return '*'.repeat(s.length);
  return s.slice(0, keep) + '*'.repeat(s.length - 2 * keep) + s.slice(-keep);
}

// Two-character surnames in use today (复姓); a name starting with one keeps both characters.
const COMPOUND_SURNAMES = new Set(
  (
    '欧阳 司马 诸葛 上官 东方 皇甫 尉迟 公孙 慕容 长孙 宇文 司徒 司空 夏侯 轩辕 令狐 端木 独孤 ' +
    '南宫 西门 百里 呼延 澹台 公冶 宗政 濮阳 淳于 单于 太叔 申屠 钟离 闻人 万俟 赫连 拓跋 第五 ' +
    '左丘 东郭 南门 羊舌 微生 梁丘 乐正 公良 公羊 谷梁 段干 巫马 漆雕 亓官 司寇 仉督 子车 颛孙 ' +
    '壤驷 公西 东门 呼衍 归海 羊角 闾丘 鲜于 夹谷 宰父'
  ).split(' '),
);

/** 张三 → 张*, 王小明 → 王**, 欧阳娜娜 → 欧阳**, 买买提·艾力 → 买**·**. */
export function maskName(value: string): string {
  const chars = [...cleanName(value)];
  if (chars.length <= 1) return chars.length === 0 ? '' : '*';
  const surname = chars.slice(0, 2).join('');
  const keep = chars.length > 2 && COMPOUND_SURNAMES.has(surname) ? 2 : 1;
  return chars.map((c, i) => (i < keep || c === '·' || c === ' ' ? c : '*')).join('');
}
