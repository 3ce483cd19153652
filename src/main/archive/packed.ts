/**
 * The packed copy of each ticker's bars: one blob per ticker in `bar_columns` holding its whole history
 * as typed arrays, so that a universe's bars are read in one pass without decoding a row per bar.
 *
 * It is derived, never the source of truth: the rows in `bars` are. Triggers on `bars` delete a
 * ticker's copy whenever one of its rows is written, so a stale copy cannot be read; the transactions
 * that write bars rebuild the copies of the tickers they touched (`refreshTickerTotals`), and readers
 * fall back to the rows when a ticker has no copy.
 *
 * Layout (little-endian): u32 version, u32 n, then six f64[n] columns (open, high, low, close,
 * adjClose, volume; NULL as NaN), then i32[n] dates as YYYYMMDD.
 */
import type { BarColumns, TradingDate } from '../../shared/domain';
import type { Statement } from 'better-sqlite3';
import type { Db } from '../db/open';

/** The layout written today; a copy of another version is ignored (read from the rows). */
export const PACKED_VERSION = 1;
const HEADER = 8;
const COLUMNS = ['open', 'high', 'low', 'close', 'adjClose', 'volume'] as const;

/** YYYYMMDD of a date string (keeps the strings' order for any well-formed `YYYY-MM-DD`). */
function dateKey(d: string): number {
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

function dateOf(key: number): TradingDate {
  const y = (key / 10_000) | 0;
  const m = ((key / 100) | 0) % 100;
  const d = key % 100;
  const slot = ((y - 1800) * 12 + m - 1) * 31 + d - 1;
  if (slot < 0 || slot >= DAY_SLOTS) return `${String(y).padStart(4, '0')}-${pad2(m)}-${pad2(d)}`;
  return (dayStrings[slot] ??= `${String(y).padStart(4, '0')}-${pad2(m)}-${pad2(d)}`);
}

/** Packs a ticker's bars (ascending dates) into the copy's layout. */
export function packBars(bars: BarColumns): Buffer {
  const n = bars.dates.length;
  const buf = Buffer.alloc(HEADER + n * (8 * COLUMNS.length + 4));
  buf.writeUInt32LE(PACKED_VERSION, 0);
  buf.writeUInt32LE(n, 4);
  COLUMNS.forEach((c, k) => new Float64Array(buf.buffer, buf.byteOffset + HEADER + k * 8 * n, n).set(bars[c]));
  const keys = new Int32Array(buf.buffer, buf.byteOffset + HEADER + COLUMNS.length * 8 * n, n);
  for (let i = 0; i < n; i++) keys[i] = dateKey(bars.dates[i]!);
  return buf;
}

/** The first index whose key is ≥ `key` (or > it with `after`). */
function bound(keys: Int32Array, key: number, after: boolean): number {
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (after ? keys[mid]! <= key : keys[mid]! < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The bars of a packed copy between `from` and `to` (inclusive, either optional), or null when the
 * blob is not in today's layout. The columns are views of the blob's own memory (a fresh buffer per
 * read), so the caller may change them.
 */
export function unpackBars(ticker: string, blob: Buffer, from?: TradingDate, to?: TradingDate): BarColumns | null {
  if (blob.length < HEADER || blob.readUInt32LE(0) !== PACKED_VERSION) return null;
  const n = blob.readUInt32LE(4);
  if (blob.length !== HEADER + n * (8 * COLUMNS.length + 4)) return null;
  // Typed views need aligned offsets; a blob from SQLite may start anywhere in its buffer.
  const bytes: Uint8Array = blob.byteOffset % 8 === 0 ? blob : new Uint8Array(blob);
  const keysAt = bytes.byteOffset + HEADER + COLUMNS.length * 8 * n;
  const keys = new Int32Array(bytes.buffer, keysAt, n);
  const start = from ? bound(keys, dateKey(from), false) : 0;
  const end = to ? bound(keys, dateKey(to), true) : n;
  const len = Math.max(0, end - start);
  const column = (k: number): Float64Array => new Float64Array(bytes.buffer, bytes.byteOffset + HEADER + k * 8 * n, n).subarray(start, start + len);
  const dates = new Array<TradingDate>(len);
  for (let i = 0; i < len; i++) dates[i] = dateOf(keys[start + i]!);
  return { ticker, dates, open: column(0), high: column(1), low: column(2), close: column(3), adjClose: column(4), volume: column(5) };
}

const readers = new WeakMap<Db, Statement>();

/** A ticker's packed copy between `from` and `to`, or null when it has none (read the rows then). */
export function readPacked(db: Db, ticker: string, from?: TradingDate, to?: TradingDate): BarColumns | null {
  let stmt = readers.get(db);
  if (!stmt) {
    stmt = db.prepare('SELECT data FROM bar_columns WHERE ticker = ?').pluck(true);
    readers.set(db, stmt);
  }
  const blob = stmt.get(ticker) as Buffer | undefined;
  return blob ? unpackBars(ticker, blob, from, to) : null;
}

/**
 * Rebuilds the packed copies of `tickers` from their rows (`readRows` reads one ticker's whole history
 * from `bars`), inside the caller's transaction: a ticker without bars loses its copy.
 */
export function rebuildPacked(db: Db, tickers: Iterable<string>, readRows: (ticker: string) => BarColumns): void {
  const put = db.prepare('INSERT INTO bar_columns (ticker, data) VALUES (?, ?) ON CONFLICT (ticker) DO UPDATE SET data = excluded.data');
  const drop = db.prepare('DELETE FROM bar_columns WHERE ticker = ?');
  for (const t of new Set(tickers)) {
    const bars = readRows(t);
    if (bars.dates.length === 0) drop.run(t);
    else put.run(t, packBars(bars));
  }
}
