// The State Council's holidays and 调休 working days (国务院办公厅关于部分节假日安排的通知), as
// data. Only days that differ from the ordinary week are listed: 放假 days that fall on a
// weekday or weekend, and weekend days that are 调休上班. The office adds later years (or
// corrects these) in the database; those rows are merged over this list (server
// modules/calendar). Checked against the notices:
//   2019: 国办发明电〔2018〕15号, 劳动节 changed by 国办发明电〔2019〕2号
//   2020: 国办发明电〔2019〕16号, 春节 extended to 2月2日 by 国办发明电〔2020〕1号 (which also
//         cancelled the 2月1日 (Saturday) 调休 working day)
//   2021: 国办发明电〔2020〕27号
import type { CalendarDay } from './calendar.js';

type Span = [name: string, from: string, to: string];

const HOLIDAYS: Span[] = [
  ['元旦', '2018-12-30', '2019-01-01'],
  ['春节', '2019-02-04', '2019-02-10'],
  ['清明节', '2019-04-05', '2019-04-07'],
  ['劳动节', '2019-05-01', '2019-05-04'],
  ['端午节', '2019-06-07', '2019-06-09'],
  ['中秋节', '2019-09-13', '2019-09-15'],
  ['国庆节', '2019-10-01', '2019-10-07'],
  ['元旦', '2020-01-01', '2020-01-01'],
  ['春节', '2020-01-24', '2020-02-02'],
  ['清明节', '2020-04-04', '2020-04-06'],
  ['劳动节', '2020-05-01', '2020-05-05'],
  ['端午节', '2020-06-25', '2020-06-27'],
  ['国庆节、中秋节', '2020-10-01', '2020-10-08'],
  ['元旦', '2021-01-01', '2021-01-03'],
  ['春节', '2021-02-11', '2021-02-17'],
  ['清明节', '2021-04-03', '2021-04-05'],
  ['劳动节', '2021-05-01', '2021-05-05'],
  ['端午节', '2021-06-12', '2021-06-14'],
  ['中秋节', '2021-09-19', '2021-09-21'],
  ['国庆节', '2021-10-01', '2021-10-07'],
];

/** Weekend days worked in exchange (调休上班), named after the holiday they pay for. */
const WORKDAYS: [name: string, date: string][] = [
  ['元旦', '2018-12-29'],
  ['春节', '2019-02-02'],
  ['春节', '2019-02-03'],
  ['劳动节', '2019-04-28'],
  ['劳动节', '2019-05-05'],
  ['国庆节', '2019-09-29'],
  ['国庆节', '2019-10-12'],
  ['春节', '2020-01-19'],
  ['劳动节', '2020-04-26'],
  ['劳动节', '2020-05-09'],
  ['端午节', '2020-06-28'],
  ['国庆节、中秋节', '2020-09-27'],
  ['国庆节、中秋节', '2020-10-10'],
  ['春节', '2021-02-07'],
  ['春节', '2021-02-20'],
  ['劳动节', '2021-04-25'],
  ['劳动节', '2021-05-08'],
  ['中秋节', '2021-09-18'],
  ['国庆节', '2021-09-26'],
  ['国庆节', '2021-10-09'],
];

function spread([name, from, to]: Span): CalendarDay[] {
  const days: CalendarDay[] = [];
  for (let d = from; d <= to; d = nextDate(d)) days.push({ date: d, kind: 'holiday', name });
  return days;
}

function nextDate(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

/** The shipped days, by date. */
export const SHIPPED_CALENDAR_DAYS: readonly CalendarDay[] = [
  ...HOLIDAYS.flatMap(spread),
  ...WORKDAYS.map(([name, date]): CalendarDay => ({ date, kind: 'workday', name })),
].sort((a, b) => (a.date < b.date ? -1 : 1));

/** The years the shipped list covers completely (the office adds the next one). */
export const SHIPPED_CALENDAR_YEARS: readonly number[] = [2019, 2020, 2021];
