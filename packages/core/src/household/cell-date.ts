// Calendar dates from spreadsheet cells, as YYYY-MM-DD (the project's date form).
import { isIsoDate } from '../dates.js';
import { failed, type Parsed, parsed } from './parsed.js';
import { cleanText } from './text.js';

const DAY_MS = 86_400_000;
// Excel's largest date, 9999-12-31, in the 1900 system.
const MAX_SERIAL = 2_958_465;

export interface CellDateOptions {
  /** Workbooks saved by old Mac Excel count days from 1904-01-01 (ExcelJS: workbook.properties.date1904). */
  dateSystem?: 1900 | 1904;
}

/**
 * An Excel serial day number → YYYY-MM-DD. The 1900 system counts 1900-01-01 as day 1 and,
 * copying a Lotus 1-2-3 bug, has a day 60 = 1900-02-29 that never existed: days after it are
 * one higher than a true count, days before it are not. The fraction (time of day) is dropped.
 */
export function excelSerialToDate(serial: number, options: CellDateOptions = {}): Parsed<string> {
  if (!Number.isFinite(serial)) return failed('date');
  const day = Math.floor(serial);
  if (options.dateSystem === 1904) {
    if (day < 0 || day > MAX_SERIAL - 1462) return failed('date');
    return parsed(new Date(Date.UTC(1904, 0, 1) + day * DAY_MS).toISOString().slice(0, 10));
  }
  if (day < 1 || day > MAX_SERIAL) return failed('date');
  if (day === 60) return failed('date_excel_1900_02_29');
  const epoch = day < 60 ? Date.UTC(1899, 11, 31) : Date.UTC(1899, 11, 30);
  return parsed(new Date(epoch + day * DAY_MS).toISOString().slice(0, 10));
}

const SEPARATED = /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$/;
// A Date that went through JSON on its way here: its day is the one nearest to the instant.
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;
const CHINESE = /^(\d{4})年(\d{1,2})月(\d{1,2})[日号]?$/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
// Day-first and month-first orders both exist ("4/12/2019"): a guess would be wrong half the time.
const AMBIGUOUS = /^\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}$|^\d{2}[-/.]\d{1,2}[-/.]\d{1,2}$/;
// A serial number that leaked into text (a date column saved to CSV as General): five digits
// cover 1927-05-18 … 2173-10-13. Four digits are refused: "2019" is a year, not 1905-07-11.
const SERIAL_TEXT = /^\d{5}(\.\d+)?$/;

/**
 * "2019-12-04", "2019/12/4", "2019.12.04", "2019年12月4日", "20191204", "2019-12-04 00:00:00",
 * Excel serials (as numbers, or as five-digit text) and Date objects → YYYY-MM-DD; blank → null.
 */
export function parseCellDate(raw: unknown, options: CellDateOptions = {}): Parsed<string | null> {
  if (raw instanceof Date) return fromDateObject(raw);
  if (typeof raw === 'number') return excelSerialToDate(raw, options);
  const s = cleanText(raw).replace(/\s*([-/.年月日号])\s*/g, '$1');
  if (s === '') return parsed(null);
  if (SERIAL_TEXT.test(s)) return excelSerialToDate(Number(s), options);
  if (ISO_INSTANT.test(s)) return fromDateObject(new Date(s));
  const m = SEPARATED.exec(s);
  if (m) return ymd(m[1], m[3], m[4]);
  const c = CHINESE.exec(s) ?? COMPACT.exec(s);
  if (c) return ymd(c[1], c[2], c[3]);
  return failed(AMBIGUOUS.test(s) ? 'date_ambiguous' : 'date');
}

function ymd(y = '', m = '', d = ''): Parsed<string> {
  const iso = `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
  return isIsoDate(iso) && iso >= '1900-01-01' ? parsed(iso) : failed('date');
}

// Readers disagree on Date objects: ExcelJS builds them at UTC midnight, others at local
// midnight (16:00 UTC the day before in China). Rounding to the nearest UTC midnight gives the
// written day for every time zone within ±12 hours; date columns carry no time of day.
function fromDateObject(d: Date): Parsed<string> {
  const t = d.getTime();
  if (Number.isNaN(t)) return failed('date');
  const iso = new Date(Math.round(t / DAY_MS) * DAY_MS).toISOString().slice(0, 10);
  return iso >= '1900-01-01' && iso <= '9999-12-31' ? parsed(iso) : failed('date');
}
