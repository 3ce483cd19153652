import type { TradingDate } from './domain';

/** Index of the first date ≥ `date` in ascending `dates` (`dates.length` when none is). */
export function lowerBound(dates: readonly TradingDate[], date: TradingDate): number {
  let lo = 0;
  let hi = dates.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (dates[mid]! < date) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the first date > `date` in ascending `dates` (`dates.length` when none is). */
export function upperBound(dates: readonly TradingDate[], date: TradingDate): number {
  let lo = 0;
  let hi = dates.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (dates[mid]! <= date) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
