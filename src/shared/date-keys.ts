/**
 * Trading dates as integers: `2026-01-09` is 20260109. The keys sort as the strings do, compare and
 * merge without touching a string, and fit an Int32Array; the packed copy of the bars stores them.
 */
import type { TradingDate } from './domain';

/** YYYYMMDD of a date string (keeps the strings' order for any well-formed `YYYY-MM-DD`). */
export function dateKey(d: TradingDate): number {
  return (
    (d.charCodeAt(0) - 48) * 10_000_000 +
    (d.charCodeAt(1) - 48) * 1_000_000 +
    (d.charCodeAt(2) - 48) * 100_000 +
    (d.charCodeAt(3) - 48) * 10_000 +
    (d.charCodeAt(5) - 48) * 1_000 +
    (d.charCodeAt(6) - 48) * 100 +
    (d.charCodeAt(8) - 48) * 10 +
    (d.charCodeAt(9) - 48)
  );
}

// One string per calendar day, shared by every ticker's dates (a universe repeats the same few thousand
// days), indexed by month since 1800 and day of month; filled up front so that it stays a dense array.
const DAY_SLOTS = 400 * 12 * 31;
const dayStrings: Array<string | null> = new Array<string | null>(DAY_SLOTS).fill(null);
const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

/** The date string of a key; the same string object for the same day (from 1800 to 2199). */
export function keyDate(key: number): TradingDate {
  const y = (key / 10_000) | 0;
  const m = ((key / 100) | 0) % 100;
  const d = key % 100;
  const slot = ((y - 1800) * 12 + m - 1) * 31 + d - 1;
  if (slot < 0 || slot >= DAY_SLOTS) return `${String(y).padStart(4, '0')}-${pad2(m)}-${pad2(d)}`;
  return (dayStrings[slot] ??= `${String(y).padStart(4, '0')}-${pad2(m)}-${pad2(d)}`);
}

/** The keys of ascending dates. */
export function dateKeys(dates: readonly TradingDate[]): Int32Array {
  const keys = new Int32Array(dates.length);
  for (let i = 0; i < dates.length; i++) keys[i] = dateKey(dates[i]!);
  return keys;
}
