// The campaign's 月报 as the information step sets it: due each month from the first to the last
// month named (the plan's "2020年1—6月"), on the monthly day ("每月4日前").

const PERIOD = /^\d{4}-(0[1-9]|1[0-2])$/;

/** Months from first to last inclusive (YYYY-MM), at most 60; [] when either is missing. */
export function monthRange(first: string | null, last: string | null): string[] {
  if (!first || !last || !PERIOD.test(first) || !PERIOD.test(last)) return [];
  const out: string[] = [];
  let [y, m] = [Number(first.slice(0, 4)), Number(first.slice(5, 7))];
  for (let p = first; p <= last && out.length < 60; ) {
    out.push(p);
    if (++m > 12) [y, m] = [y + 1, 1];
    p = `${y}-${String(m).padStart(2, '0')}`;
  }
  return out;
}

/** The periods to send: the range, or none (the server then takes every month after the first). */
export function monthlyPeriods(i: { monthlyFirst: string | null; monthlyLast: string | null }) {
  return monthRange(i.monthlyFirst, i.monthlyLast);
}

/**
 * What is wrong with the monthly periods, or null. The server holds the same bounds: the first
 * not before the campaign's first month, the last at most a month after its last (the final
 * month's report falls due after the campaign ends).
 */
export function monthlyProblem(i: {
  startDate: string | null;
  endDate: string | null;
  monthlyFirst: string | null;
  monthlyLast: string | null;
}): string | null {
  const { monthlyFirst: first, monthlyLast: last } = i;
  if (!first && !last) return null;
  if (!first || !last) return '请同时填写首期和末期月报的月份，或都不填';
  if (last < first) return '末期月报不能早于首期月报';
  if (monthRange(first, last).at(-1) !== last) return '月报期数不能超过 60 个';
  // Dates the wrong way round are reported on their own; bounds from them would only mislead.
  if (i.startDate && i.endDate && i.endDate < i.startDate) return null;
  if (i.startDate && first < i.startDate.slice(0, 7)) return '首期月报不能早于活动开始的月份';
  if (i.endDate && last > (monthRange(i.endDate.slice(0, 7), '9999-12')[1] ?? ''))
    return '末期月报不能晚于活动结束的下一个月';
  return null;
}
