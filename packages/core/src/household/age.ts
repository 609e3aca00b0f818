// Age in 周岁 (completed years), the measure the school-age rule (6–15 周岁) is written in.
import { addDays, isIsoDate } from '../dates.js';

function parts(date: string): [number, number, number] {
  if (!isIsoDate(date)) throw new RangeError(`not a date: ${date}`);
  const [y = 0, m = 0, d = 0] = date.split('-').map(Number);
  return [y, m, d];
}

/**
 * Completed years on `date` of someone born on `birthDate` (both YYYY-MM-DD): the birthday
 * itself counts. Someone born on 29 February turns a year older on 1 March in common years.
 * Negative when `date` is before the birth.
 */
export function ageOn(birthDate: string, date: string): number {
  const [by, bm, bd] = parts(birthDate);
  const [y, m, d] = parts(date);
  const beforeBirthday = m < bm || (m === bm && d < bd);
  return y - by - (beforeBirthday ? 1 : 0);
}

// The latest birth date whose holder is at least `years` old on `date`.
function latestBirthForAge(years: number, date: string): string {
  const [y, m, d] = parts(date);
  const year = String(y - years).padStart(4, '0');
  const sameDay = `${year}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  // 29 February in a year that has none: the 28th is the last day on or before it.
  return isIsoDate(sameDay) ? sameDay : `${year}-02-28`;
}

/**
 * The inclusive birth-date range of everyone aged `minAge`…`maxAge` 周岁 on `date`, so a
 * database can select school-age children with `birth_date BETWEEN from AND to` on the
 * normalised ID's birth date instead of computing ages row by row.
 */
export function birthDateRangeForAge(
  minAge: number,
  maxAge: number,
  date: string,
): { from: string; to: string } {
  if (!Number.isInteger(minAge) || !Number.isInteger(maxAge) || minAge < 0 || maxAge < minAge) {
    throw new RangeError(`bad age range ${minAge}–${maxAge}`);
  }
  return { from: addDays(latestBirthForAge(maxAge + 1, date), 1), to: latestBirthForAge(minAge, date) };
}
