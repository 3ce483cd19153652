import type { ResolvedWindow } from '../../shared/analytics';
import { addDays, countTradingDays, isTradingDay, isWeekend, nextTradingDay, nyseHoliday, tradingDayOnOrBefore } from '../../shared/calendar';
import type { TradingDate } from '../../shared/domain';
import { lowerBound, upperBound } from '../../shared/sorted-dates';
import { DomainError } from '../errors';

/** A resolved window plus the index range `[start, end)` of its bars in the ticker's date column. */
export interface WindowRange {
  window: ResolvedWindow;
  start: number;
  end: number;
}

function describeResolution(which: 'from' | 'to', asked: TradingDate, resolved: TradingDate): string | null {
  if (asked === resolved) return null;
  const why = nyseHoliday(asked) ?? 'a weekend';
  return `${which} ${asked} is not a trading day (${why}); it resolves to the trading day before it, ${resolved}`;
}

/**
 * Resolves a window. A window is the trading days in the archive between `from` and `to` inclusive;
 * a date that is not an NYSE trading day resolves to the trading day before it (and a note says so).
 * Data coverage: the NYSE trading days inside the resolved window that the archive lacks are counted
 * (`missingCount`) and the first {@link MISSING_LISTED} of them listed, so a figure computed over a gap
 * says so. The work is bounded by the bars in the window, not its length: 0001-01-01..9999-12-31
 * resolves as fast as a month.
 */
export function resolveWindow(dates: readonly TradingDate[], from: TradingDate, to: TradingDate, calendar: 'NYSE' | null = 'NYSE'): WindowRange {
  if (from > to) throw new DomainError('INVALID_INPUT', `from ${from} is after to ${to}`);
  if (calendar === null) return resolveOwnDays(dates, from, to);
  const fromTradingDay = tradingDayOnOrBefore(from);
  const toTradingDay = tradingDayOnOrBefore(to);
  const start = lowerBound(dates, fromTradingDay);
  const end = upperBound(dates, toTradingDay);
  const notes: string[] = [];
  for (const n of [describeResolution('from', from, fromTradingDay), describeResolution('to', to, toTradingDay)]) {
    if (n) notes.push(n);
  }
  const gaps = countGaps(dates, start, end, fromTradingDay, toTradingDay);
  if (gaps.count) notes.push(describeGaps(gaps));
  const bars = Math.max(0, end - start);
  return {
    window: {
      from,
      to,
      fromTradingDay,
      toTradingDay,
      firstDate: bars ? dates[start]! : null,
      lastDate: bars ? dates[end - 1]! : null,
      bars,
      missingCount: gaps.count,
      missingDays: gaps.listed,
      notes,
    },
    start,
    end: Math.max(start, end),
  };
}

/** The weekday on or before a date (weekends only: the calendar of a market Breadth does not know). */
function weekdayOnOrBefore(date: TradingDate): TradingDate {
  let d = date;
  while (isWeekend(d)) d = addDays(d, -1);
  return d;
}

/**
 * A window of a ticker whose market has no known holiday calendar: its own bars are its trading days.
 * A weekend end resolves to the Friday before; no day is counted missing, since without the market's
 * holidays a gap cannot be told from a closure.
 */
function resolveOwnDays(dates: readonly TradingDate[], from: TradingDate, to: TradingDate): WindowRange {
  const fromTradingDay = weekdayOnOrBefore(from);
  const toTradingDay = weekdayOnOrBefore(to);
  const start = lowerBound(dates, fromTradingDay);
  const end = upperBound(dates, toTradingDay);
  const notes: string[] = [];
  for (const [which, asked, resolved] of [['from', from, fromTradingDay], ['to', to, toTradingDay]] as const) {
    if (asked !== resolved) notes.push(`${which} ${asked} is a weekend; it resolves to the weekday before it, ${resolved}`);
  }
  notes.push('no holiday calendar is known for this market: the window is the ticker’s own trading days, and no day is counted missing');
  const bars = Math.max(0, end - start);
  return {
    window: { from, to, fromTradingDay, toTradingDay, firstDate: bars ? dates[start]! : null, lastDate: bars ? dates[end - 1]! : null, bars, missingCount: 0, missingDays: [], notes },
    start,
    end: Math.max(start, end),
  };
}

/** How many missing trading days a window lists; the rest are counted. */
export const MISSING_LISTED = 20;

interface Gaps {
  count: number;
  /** Of `count`, the trading days before the window's first bar and after its last. */
  before: number;
  after: number;
  listed: TradingDate[];
}

/**
 * The NYSE trading days in `from..to` without a bar among `dates[start, end)`: counted by arithmetic
 * (trading days in the window less the bars on trading days) and listed up to {@link MISSING_LISTED}
 * by a walk that stops as soon as the list is full.
 */
function countGaps(dates: readonly TradingDate[], start: number, end: number, from: TradingDate, to: TradingDate): Gaps {
  let onTradingDays = 0;
  for (let i = start; i < end; i++) if (isTradingDay(dates[i]!)) onTradingDays++;
  const count = countTradingDays(from, to) - onTradingDays;
  const before = end > start ? countTradingDays(from, addDays(dates[start]!, -1)) : 0;
  const after = end > start ? countTradingDays(addDays(dates[end - 1]!, 1), to) : 0;
  const listed: TradingDate[] = [];
  let j = start;
  for (let d = from; listed.length < Math.min(count, MISSING_LISTED) && d <= to; d = nextTradingDay(d)) {
    while (j < end && dates[j]! < d) j++;
    if (j >= end || dates[j] !== d) listed.push(d);
  }
  return { count, before, after, listed };
}

function describeGaps(g: Gaps): string {
  const where: string[] = [];
  if (g.before) where.push(`${g.before} before the first bar`);
  if (g.after) where.push(`${g.after} after the last bar`);
  const inside = g.count - g.before - g.after;
  if (inside && where.length) where.push(`${inside} between them`);
  const shown = g.listed.slice(0, 5).join(', ');
  return (
    `${g.count} trading day(s) missing from the archive in this window` +
    (where.length ? ` (${where.join(', ')})` : '') +
    `: ${shown}${g.count > 5 ? ', …' : ''}`
  );
}
