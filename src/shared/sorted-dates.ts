import type { TradingDate } from './domain';

/** Index of the first element ≥ `x` in ascending `sorted` (`sorted.length` when none is): dates or their integer keys. */
export function lowerBound<T extends TradingDate | number>(sorted: ArrayLike<T>, x: T): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the first element > `x` in ascending `sorted` (`sorted.length` when none is). */
export function upperBound<T extends TradingDate | number>(sorted: ArrayLike<T>, x: T): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
