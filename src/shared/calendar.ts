/**
 * The NYSE trading calendar, computed by rule (no tables to update each year). Dates are `YYYY-MM-DD`
 * strings read as UTC calendar days; no time zones are involved.
 *
 * Rules as the NYSE applies them (valid from 1990 on; earlier dates follow the same modern rules, which
 * is right from 1971 except for a handful of one-off closures):
 * - New Year's Day, Jan 1; on a Sunday it is observed on Monday Jan 2. On a Saturday it is NOT observed
 *   on the Friday before (NYSE Rule 7.2: that Friday would be the last day of an accounting period).
 * - Martin Luther King Jr. Day, third Monday of January, from 1998.
 * - Washington's Birthday (Presidents' Day), third Monday of February.
 * - Good Friday, two days before Western (Gregorian) Easter Sunday.
 * - Memorial Day, last Monday of May.
 * - Juneteenth, June 19, from 2022.
 * - Independence Day, July 4.
 * - Labor Day, first Monday of September.
 * - Thanksgiving Day, fourth Thursday of November.
 * - Christmas Day, December 25.
 * Fixed-date holidays other than New Year's Day are observed on Friday when they fall on a Saturday and
 * on Monday when they fall on a Sunday. Special closures since 1990 are listed in `SPECIAL_CLOSURES`.
 */
import type { TradingDate } from './domain';

/** Unplanned full-day closures of the NYSE since 1990 (funerals, 9/11, hurricanes). */
export const SPECIAL_CLOSURES: Readonly<Record<string, string>> = {
  '1994-04-27': 'National Day of Mourning (Richard Nixon)',
  '2001-09-11': 'September 11 attacks',
  '2001-09-12': 'September 11 attacks',
  '2001-09-13': 'September 11 attacks',
  '2001-09-14': 'September 11 attacks',
  '2004-06-11': 'National Day of Mourning (Ronald Reagan)',
  '2007-01-02': 'National Day of Mourning (Gerald Ford)',
  '2012-10-29': 'Hurricane Sandy',
  '2012-10-30': 'Hurricane Sandy',
  '2018-12-05': 'National Day of Mourning (George H. W. Bush)',
  '2025-01-09': 'National Day of Mourning (Jimmy Carter)',
};

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** The ISO day of a year, month and day, or null when there is no such day (Feb 29 only in leap years). */
export function calendarDay(y: number, m: number, d: number): TradingDate | null {
  if (m < 1 || m > 12 || d < 1 || d > DAYS_IN_MONTH[m - 1]!) return null;
  if (m === 2 && d === 29 && !(y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0))) return null;
  return `${y}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
}

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 of a `YYYY-MM-DD` date (UTC). Throws on a malformed string. */
export function dayNumber(date: TradingDate): number {
  const m = DATE_RE.exec(date);
  if (!m) throw new RangeError(`not a date (YYYY-MM-DD): ${date}`);
  return daysFromCivil(Number(m[1]), Number(m[2]), Number(m[3]));
}

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant); unlike `Date.UTC`, right for years 0..99. */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The `YYYY-MM-DD` date of a day number (days since 1970-01-01, UTC). */
export function fromDayNumber(day: number): TradingDate {
  // Civil-from-days (H. Hinnant): plain arithmetic, much cheaper than Date#toISOString in hot loops.
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${String(y).padStart(4, '0')}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
}

/** The date `days` calendar days after `date` (negative goes back). */
export function addDays(date: TradingDate, days: number): TradingDate {
  return fromDayNumber(dayNumber(date) + days);
}

/** Calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: TradingDate, to: TradingDate): number {
  return dayNumber(to) - dayNumber(from);
}

/** Day of the week of a date: 0 = Sunday … 6 = Saturday. */
export function weekday(date: TradingDate): number {
  // 1970-01-01 was a Thursday (4).
  return (((dayNumber(date) + 4) % 7) + 7) % 7;
}

/** True for Saturday and Sunday. */
export function isWeekend(date: TradingDate): boolean {
  const w = weekday(date);
  return w === 0 || w === 6;
}

function ymd(year: number, month: number, day: number): TradingDate {
  return fromDayNumber(daysFromCivil(year, month, day));
}

/** The n-th (1-based) given weekday of a month; n = -1 gives the last one. */
function nthWeekday(year: number, month: number, dow: number, n: number): TradingDate {
  if (n > 0) {
    const first = ymd(year, month, 1);
    const offset = (dow - weekday(first) + 7) % 7;
    return addDays(first, offset + (n - 1) * 7);
  }
  const last = addDays(ymd(month === 12 ? year + 1 : year, month === 12 ? 1 : month + 1, 1), -1);
  return addDays(last, -((weekday(last) - dow + 7) % 7));
}

/** Western Easter Sunday of a year (anonymous Gregorian computus, Meeus/Jones/Butcher). */
export function easterSunday(year: number): TradingDate {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return ymd(year, month, day);
}

/** Saturday → Friday before, Sunday → Monday after. */
function observed(date: TradingDate): TradingDate {
  const w = weekday(date);
  return w === 6 ? addDays(date, -1) : w === 0 ? addDays(date, 1) : date;
}

const holidayCache = new Map<number, ReadonlyMap<string, string>>();

/** Every full-day NYSE closure of a year other than weekends, date → name (rules plus special closures). */
export function nyseHolidays(year: number): ReadonlyMap<string, string> {
  const cached = holidayCache.get(year);
  if (cached) return cached;
  const out = new Map<string, string>();
  const add = (date: TradingDate, name: string): void => {
    // Only closures that fall in this year and on a weekday count.
    if (date.startsWith(`${String(year).padStart(4, '0')}-`) && !isWeekend(date)) out.set(date, name);
  };
  const newYear = ymd(year, 1, 1);
  if (weekday(newYear) === 0) add(ymd(year, 1, 2), "New Year's Day (observed)");
  else add(newYear, "New Year's Day");
  if (year >= 1998) add(nthWeekday(year, 1, 1, 3), 'Martin Luther King Jr. Day');
  add(nthWeekday(year, 2, 1, 3), "Washington's Birthday");
  add(addDays(easterSunday(year), -2), 'Good Friday');
  add(nthWeekday(year, 5, 1, -1), 'Memorial Day');
  const fixed: Array<[number, number, string, number]> = [
    [6, 19, 'Juneteenth', 2022],
    [7, 4, 'Independence Day', 0],
    [12, 25, 'Christmas Day', 0],
  ];
  for (const [month, day, name, since] of fixed) {
    if (year < since) continue;
    const actual = ymd(year, month, day);
    const obs = observed(actual);
    add(obs, obs === actual ? name : `${name} (observed)`);
  }
  add(nthWeekday(year, 9, 1, 1), 'Labor Day');
  add(nthWeekday(year, 11, 4, 4), 'Thanksgiving Day');
  for (const [date, name] of Object.entries(SPECIAL_CLOSURES)) add(date, name);
  holidayCache.set(year, out);
  return out;
}

/** The name of the NYSE holiday or special closure on `date`, or null if the exchange is not closed for one. */
export function nyseHoliday(date: TradingDate): string | null {
  return nyseHolidays(Number(date.slice(0, 4))).get(date) ?? null;
}

/** True when the NYSE trades on `date`: a weekday that is not a holiday or special closure. */
export function isTradingDay(date: TradingDate): boolean {
  let known = tradingDayCache.get(date);
  if (known === undefined) {
    known = !isWeekend(date) && nyseHoliday(date) === null;
    // Bounded: the archive's dates repeat, an arbitrary stream of them must not grow it forever.
    if (tradingDayCache.size >= TRADING_DAY_CACHE) tradingDayCache.clear();
    tradingDayCache.set(date, known);
  }
  return known;
}

/** Memo of {@link isTradingDay}: every ticker's window asks about the same few thousand days. */
const tradingDayCache = new Map<TradingDate, boolean>();
const TRADING_DAY_CACHE = 200_000;

const rangeCache = new Map<string, readonly TradingDate[]>();

/** Every NYSE trading day from `from` to `to`, inclusive, ascending (a fresh array; ranges are memoised). */
export function tradingDaysBetween(from: TradingDate, to: TradingDate): TradingDate[] {
  const key = `${from}/${to}`;
  const hit = rangeCache.get(key);
  if (hit) return hit.slice();
  const out: TradingDate[] = [];
  const end = dayNumber(to);
  for (let d = dayNumber(from); d <= end; d++) {
    const w = (((d + 4) % 7) + 7) % 7;
    if (w === 0 || w === 6) continue;
    const date = fromDayNumber(d);
    if (nyseHoliday(date) === null) out.push(date);
  }
  // Many tickers share a window (group tables, watchlists, the full panel): keep the last few hundred.
  if (rangeCache.size >= 512) rangeCache.delete(rangeCache.keys().next().value!);
  rangeCache.set(key, out);
  return out.slice();
}

/** Weekdays (Monday..Friday) among the day numbers `a..b` inclusive (0 when `b < a`). */
function weekdaysBetween(a: number, b: number): number {
  if (b < a) return 0;
  const days = b - a + 1;
  const full = Math.floor(days / 7);
  let count = full * 5;
  // The remaining days start on the weekday of `a`.
  for (let d = a + full * 7; d <= b; d++) {
    const w = (((d + 4) % 7) + 7) % 7;
    if (w !== 0 && w !== 6) count++;
  }
  return count;
}

const specialClosuresByYear = new Map<number, number>();
for (const date of Object.keys(SPECIAL_CLOSURES)) {
  const y = Number(date.slice(0, 4));
  specialClosuresByYear.set(y, (specialClosuresByYear.get(y) ?? 0) + 1);
}

/**
 * `nyseHolidays(year).size` without building the map (a test checks the two agree for every year):
 * each rule gives one weekday closure a year, except New Year's Day on a Saturday (not observed) and the
 * holidays that began later.
 */
export function holidayCount(year: number): number {
  const newYear = weekday(ymd(year, 1, 1)) === 6 ? 0 : 1;
  return (
    newYear +
    (year >= 1998 ? 1 : 0) + // Martin Luther King Jr. Day
    6 + // Washington's Birthday, Good Friday, Memorial Day, Independence Day, Labor Day, Thanksgiving
    1 + // Christmas Day
    (year >= 2022 ? 1 : 0) + // Juneteenth
    (specialClosuresByYear.get(year) ?? 0)
  );
}

/**
 * How many NYSE trading days lie from `from` to `to` inclusive, without listing them: weekdays by
 * arithmetic less each year's weekday holidays. Cheap for any span, 0001-01-01..9999-12-31 included.
 */
export function countTradingDays(from: TradingDate, to: TradingDate): number {
  if (to < from) return 0;
  let count = weekdaysBetween(dayNumber(from), dayNumber(to));
  const y0 = Number(from.slice(0, 4));
  const y1 = Number(to.slice(0, 4));
  // Whole years between the first and the last: from the running total; the two ends: date by date.
  if (y1 - y0 > 1) count -= holidaysBefore(y1) - holidaysBefore(y0 + 1);
  for (const y of y1 > y0 ? [y0, y1] : [y0]) {
    for (const date of nyseHolidays(y).keys()) if (date >= from && date <= to) count--;
  }
  return count;
}

/** `cumulative[y]` = the holidays of the years 0..y-1, built on first use (10,000 years, once). */
let cumulative: Float64Array | null = null;

function holidaysBefore(year: number): number {
  if (!cumulative) {
    cumulative = new Float64Array(10_001);
    for (let y = 0; y < 10_000; y++) cumulative[y + 1] = cumulative[y]! + holidayCount(y);
  }
  return cumulative[year]!;
}

/** The last NYSE trading day strictly before `date`. */
export function previousTradingDay(date: TradingDate): TradingDate {
  let d = addDays(date, -1);
  while (!isTradingDay(d)) d = addDays(d, -1);
  return d;
}

/** The first NYSE trading day strictly after `date`. */
export function nextTradingDay(date: TradingDate): TradingDate {
  let d = addDays(date, 1);
  while (!isTradingDay(d)) d = addDays(d, 1);
  return d;
}

/** `date` itself when it is a trading day, else the trading day before it. */
export function tradingDayOnOrBefore(date: TradingDate): TradingDate {
  return isTradingDay(date) ? date : previousTradingDay(date);
}

/** `date` itself when it is a trading day, else the trading day after it. */
export function tradingDayOnOrAfter(date: TradingDate): TradingDate {
  return isTradingDay(date) ? date : nextTradingDay(date);
}
