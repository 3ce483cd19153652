import type { ResolvedWindow } from '../../shared/analytics';
import { nyseHoliday, tradingDayOnOrBefore, tradingDaysBetween } from '../../shared/calendar';
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
 * Data coverage: the NYSE trading days inside the resolved window that the archive lacks are listed in
 * `missingDays`, so a figure computed over a gap says so.
 */
export function resolveWindow(dates: readonly TradingDate[], from: TradingDate, to: TradingDate): WindowRange {
  if (from > to) throw new DomainError('INVALID_INPUT', `from ${from} is after to ${to}`);
  const fromTradingDay = tradingDayOnOrBefore(from);
  const toTradingDay = tradingDayOnOrBefore(to);
  const start = lowerBound(dates, fromTradingDay);
  const end = upperBound(dates, toTradingDay);
  const notes: string[] = [];
  for (const n of [describeResolution('from', from, fromTradingDay), describeResolution('to', to, toTradingDay)]) {
    if (n) notes.push(n);
  }
  const missingDays: TradingDate[] = [];
  let j = start;
  for (const d of tradingDaysBetween(fromTradingDay, toTradingDay)) {
    while (j < end && dates[j]! < d) j++;
    if (j >= end || dates[j] !== d) missingDays.push(d);
  }
  if (missingDays.length) {
    const shown = missingDays.slice(0, 5).join(', ');
    notes.push(
      `${missingDays.length} trading day(s) missing from the archive in this window: ${shown}${missingDays.length > 5 ? ', …' : ''}`,
    );
  }
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
      missingDays,
      notes,
    },
    start,
    end: Math.max(start, end),
  };
}
