import type { TradingDate } from '../../shared/domain';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH =
  '(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?';

/** Dates as prose writes them: 2026-01-09, January 9, 2026, Jan 9, 9 January 2026. */
export const DATE_PATTERN = new RegExp(
  `\\b(\\d{4})-(\\d{2})-(\\d{2})\\b|\\b${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s+(\\d{4}))?\\b|\\b(\\d{1,2})\\s+${MONTH}(?:,?\\s+(\\d{4}))?\\b`,
  'gi',
);

const pad = (n: number): string => String(n).padStart(2, '0');

/**
 * The date a match of {@link DATE_PATTERN} names. Without a year it is the latest such day on or before
 * `reference` (a report's as-of date, or the archive's newest bar for a question).
 */
export function dateOf(m: RegExpExecArray, reference: TradingDate): TradingDate | null {
  if (m[1]) return `${m[1]}-${m[2]}-${m[3]}`;
  const monthWord = m[4] ?? m[8];
  const day = Number(m[5] ?? m[7]);
  const year = m[6] ?? m[9];
  const month = MONTHS.indexOf(monthWord!.slice(0, 3).toLowerCase()) + 1;
  if (month < 1 || day < 1 || day > 31) return null;
  if (year) return `${year}-${pad(month)}-${pad(day)}`;
  const refYear = Number(reference.slice(0, 4));
  const same = `${refYear}-${pad(month)}-${pad(day)}`;
  return same <= reference ? same : `${refYear - 1}-${pad(month)}-${pad(day)}`;
}

/** `date` moved by whole months (the day clamped to the month's length). */
export function addMonths(date: TradingDate, months: number): TradingDate {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${pad(month)}-${pad(Math.min(d, last))}`;
}

/** Why a date is not a trading day, in words: "a Sunday", "New Year's Day". */
export function whyNotTrading(date: TradingDate): string {
  const wd = new Date(`${date}T00:00:00Z`).getUTCDay();
  if (wd === 0) return 'a Sunday';
  if (wd === 6) return 'a Saturday';
  return 'an NYSE holiday';
}
