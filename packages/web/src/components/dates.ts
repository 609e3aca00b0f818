import { chinaToday, formatChineseDate } from '@paicha/core';

/** A calendar date (YYYY-MM-DD) as 2020年1月4日; empty stays empty. */
export function cnDate(date: string | null | undefined): string {
  return date ? formatChineseDate(date) : '';
}

/** An instant (ISO UTC) as its date in China, 2020年1月4日. */
export function cnDateOfInstant(at: string | null | undefined): string {
  return at ? formatChineseDate(chinaToday(new Date(at))) : '';
}

/** An instant as 2020年1月4日 14:05 (China time), for history entries. */
export function cnDateTime(at: string): string {
  const d = new Date(new Date(at).getTime() + 8 * 3_600_000);
  const hm = d.toISOString().slice(11, 16);
  return `${formatChineseDate(d.toISOString().slice(0, 10))} ${hm}`;
}

/** Props for antd DatePickers that show and accept Chinese dates (typing 2020-01-04 works too). */
export const CN_DATE_FORMATS = ['YYYY年M月D日', 'YYYY-MM-DD', 'YYYY/M/D', 'YYYYMMDD'];
