/**
 * The packed copy of each ticker's bars: one blob per ticker in `bar_columns` holding its whole history
 * as typed arrays, so that a universe's bars are read in one pass without decoding a row per bar.
 *
 * It is derived, never the source of truth: the rows in `bars` are. Triggers on `bars` delete a
 * ticker's copy whenever one of its rows is written, so a stale copy cannot be read; the transactions
 * that write bars rebuild the copies of the tickers they touched (`refreshTickerTotals`), and readers
 * fall back to the rows when a ticker has no copy.
 *
 * The layout is {@link packBars}'s: dates as integer keys, and each value column in the narrowest form
 * that stores it exactly (prices with cents as i32 hundredths), so that a universe reads half the bytes.
 */
import type { BarColumns, TradingDate } from '../../shared/domain';
import { dateKey, keyDate } from '../../shared/date-keys';
import { lowerBound, upperBound } from '../../shared/sorted-dates';
import type { Db } from '../db/open';
import { prepared } from '../db/statements';
import { appendingPacked, readPackedRecord } from './packed-file';

/** The layout written today; a copy of another version is ignored (read from the rows). */
export const PACKED_VERSION = 2;
const HEADER = 8;
/** The value columns, in the order of their descriptors (after the dates'). */
const COLUMNS = ['open', 'high', 'low', 'close', 'adjClose', 'volume'] as const;
/** A value column's name. */
export type PackedColumn = (typeof COLUMNS)[number];
const DESCRIPTOR = 8;
const DESCRIPTORS = 1 + COLUMNS.length;
const PAYLOAD = HEADER + DESCRIPTORS * DESCRIPTOR;

/** How a column is stored: nothing (every value NULL), f64, or i32 holding the value × 10^scale. */
const enum Encoding {
  Empty = 0,
  F64 = 1,
  Scaled = 2,
}
/** A NULL in a scaled column. */
const NULL_I32 = -0x80000000;
const MAX_SCALE = 6;
const POW10 = [1, 10, 100, 1000, 10_000, 100_000, 1_000_000];

/**
 * The smallest power of ten that stores every value of `xs` exactly as an i32 (−1 when none does):
 * x = round(x × 10^k) / 10^k for each, as prices read from a file with at most k decimals are.
 */
function scaleOf(xs: Float64Array): number {
  let k = 0;
  for (let i = 0; i < xs.length; i++) {
    const x = xs[i]!;
    if (Number.isNaN(x)) continue;
    if (!Number.isFinite(x) || Object.is(x, -0)) return -1;
    for (;;) {
      const v = Math.round(x * POW10[k]!);
      if (Math.abs(v) < 0x7fffffff && v / POW10[k]! === x) break;
      if (++k > MAX_SCALE) return -1;
    }
  }
  // A larger scale found later must still hold the earlier values (a volume may no longer fit an i32).
  for (let i = 0; i < xs.length; i++) {
    const x = xs[i]!;
    if (Number.isNaN(x)) continue;
    const v = Math.round(x * POW10[k]!);
    if (Math.abs(v) >= 0x7fffffff || v / POW10[k]! !== x) return -1;
  }
  return k;
}

const align8 = (n: number): number => (n + 7) & ~7;

/**
 * Packs a ticker's bars (ascending dates) into the copy's layout (little-endian): u32 version, u32 n,
 * seven descriptors (dates, then the value columns: u8 encoding, u8 scale, u16 0, u32 offset), then
 * each column's payload at an 8-aligned offset: i32 YYYYMMDD dates, and per value column nothing
 * (all NULL), f64 (NULL as NaN) or i32 scaled by a power of ten (NULL as −2³¹) when that is exact.
 */
export function packBars(bars: BarColumns): Buffer {
  const n = bars.dates.length;
  const plan = COLUMNS.map((c) => {
    const xs = bars[c];
    let any = false;
    for (let i = 0; i < n && !any; i++) any = !Number.isNaN(xs[i]!);
    if (!any) return { enc: Encoding.Empty, scale: 0, bytes: 0 };
    const scale = scaleOf(xs);
    return scale < 0 ? { enc: Encoding.F64, scale: 0, bytes: 8 * n } : { enc: Encoding.Scaled, scale, bytes: 4 * n };
  });
  const offsets: number[] = [];
  let at = PAYLOAD;
  for (const bytes of [4 * n, ...plan.map((p) => p.bytes)]) {
    offsets.push(bytes ? at : 0);
    at = align8(at + bytes);
  }
  const buf = Buffer.alloc(at);
  buf.writeUInt32LE(PACKED_VERSION, 0);
  buf.writeUInt32LE(n, 4);
  const describe = (d: number, enc: Encoding, scale: number): void => {
    buf.writeUInt8(enc, HEADER + d * DESCRIPTOR);
    buf.writeUInt8(scale, HEADER + d * DESCRIPTOR + 1);
    buf.writeUInt32LE(offsets[d]!, HEADER + d * DESCRIPTOR + 4);
  };
  describe(0, Encoding.Scaled, 0);
  const keys = new Int32Array(buf.buffer, buf.byteOffset + offsets[0]!, n);
  for (let i = 0; i < n; i++) keys[i] = dateKey(bars.dates[i]!);
  COLUMNS.forEach((c, k) => {
    const { enc, scale } = plan[k]!;
    describe(k + 1, enc, scale);
    const xs = bars[c];
    if (enc === Encoding.F64) new Float64Array(buf.buffer, buf.byteOffset + offsets[k + 1]!, n).set(xs);
    else if (enc === Encoding.Scaled) {
      const out = new Int32Array(buf.buffer, buf.byteOffset + offsets[k + 1]!, n);
      const p = POW10[scale]!;
      for (let i = 0; i < n; i++) out[i] = Number.isNaN(xs[i]!) ? NULL_I32 : Math.round(xs[i]! * p);
    }
  });
  return buf;
}

/** A ticker's bars as columns with integer date keys (YYYYMMDD) instead of date strings. */
export type KeyedColumns = Omit<BarColumns, 'dates'> & { keys: Int32Array };
/** Some of a ticker's value columns, with their date keys. */
export type SomeColumns<C extends PackedColumn> = Pick<BarColumns, 'ticker' | C> & { keys: Int32Array };

/**
 * Arrays a reader may decode into again and again (one per column and the keys, grown as needed), and
 * the date strings of its last read with the keys they were made from.
 */
export type Scratch = Partial<Record<PackedColumn, Float64Array>> & { keys?: Int32Array; dates?: { keys: Int32Array; dates: TradingDate[] } };

/**
 * An array of `len` for `key`: a view of `scratch`'s when that is long enough, else a new one (kept in
 * `scratch`, when there is one, for the next read).
 */
function arrayFor<K extends PackedColumn | 'keys'>(scratch: Scratch | undefined, key: K, len: number): NonNullable<Scratch[K]> {
  type A = NonNullable<Scratch[K]>;
  const into = scratch?.[key] as A | undefined;
  if (into && into.length >= len) return into.subarray(0, len) as A;
  const out = (key === 'keys' ? new Int32Array(len) : new Float64Array(len)) as A;
  if (scratch) (scratch as Record<K, A>)[key] = out;
  return out;
}

function decodeScaled(src: Int32Array, scale: number, out: Float64Array): Float64Array {
  if (scale === 0) {
    for (let i = 0; i < src.length; i++) {
      const v = src[i]!;
      out[i] = v === NULL_I32 ? NaN : v;
    }
  } else {
    const p = POW10[scale]!;
    for (let i = 0; i < src.length; i++) {
      const v = src[i]!;
      out[i] = v === NULL_I32 ? NaN : v / p;
    }
  }
  return out;
}

/**
 * Columns of a packed copy between `from` and `to` (inclusive, either optional) with their date keys,
 * or null when the blob is not in today's layout: every value column, or only those named in `only`.
 * The keys and f64 columns are views of the blob's own memory (a fresh buffer per read), scaled ones
 * are decoded into arrays of their own, or into `scratch` (then valid only until the next read into it).
 */
export function unpackKeyed(ticker: string, blob: Buffer, from?: TradingDate, to?: TradingDate): KeyedColumns | null;
export function unpackKeyed<C extends PackedColumn>(ticker: string, blob: Buffer, from: TradingDate | undefined, to: TradingDate | undefined, only: readonly C[], scratch?: Scratch): SomeColumns<C> | null;
export function unpackKeyed(ticker: string, blob: Buffer, from?: TradingDate, to?: TradingDate, only: readonly PackedColumn[] = COLUMNS, scratch?: Scratch): Partial<KeyedColumns> | null {
  return unpack({ ticker, blob, borrowed: false }, from, to, only, scratch);
}

/** A packed copy as read: `borrowed` when its memory is reused by the next read (the packed file's). */
interface Blob {
  ticker: string;
  blob: Buffer;
  borrowed: boolean;
}

/** {@link unpackKeyed}, copying out of a borrowed blob what would otherwise be a view of it. */
function unpack({ ticker, blob, borrowed }: Blob, from: TradingDate | undefined, to: TradingDate | undefined, only: readonly PackedColumn[], scratch?: Scratch): Partial<KeyedColumns> | null {
  if (blob.length < PAYLOAD || blob.readUInt32LE(0) !== PACKED_VERSION) return null;
  const n = blob.readUInt32LE(4);
  // Typed views need aligned offsets; a blob from SQLite may start anywhere in its buffer.
  const bytes: Uint8Array = blob.byteOffset % 8 === 0 ? blob : new Uint8Array(blob);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const desc = (d: number): { enc: number; scale: number; offset: number } => ({
    enc: view.getUint8(HEADER + d * DESCRIPTOR),
    scale: view.getUint8(HEADER + d * DESCRIPTOR + 1),
    offset: view.getUint32(HEADER + d * DESCRIPTOR + 4, true),
  });
  const fits = (offset: number, size: number): boolean => offset % 8 === 0 && offset >= PAYLOAD && offset + size * n <= bytes.byteLength;
  const dates = desc(0);
  if (dates.enc !== Encoding.Scaled || !fits(dates.offset, 4)) return null;
  // The blob ends right after its last column (8-aligned): a truncated or padded one is refused.
  let end0 = align8(dates.offset + 4 * n);
  for (let c = 0; c < COLUMNS.length; c++) {
    const d = desc(1 + c);
    if (d.enc !== Encoding.Empty) end0 = Math.max(end0, align8(d.offset + (d.enc === Encoding.F64 ? 8 : 4) * n));
  }
  if (end0 !== bytes.byteLength) return null;
  const all = new Int32Array(bytes.buffer, bytes.byteOffset + dates.offset, n);
  const start = from ? lowerBound(all, dateKey(from)) : 0;
  const end = to ? upperBound(all, dateKey(to)) : n;
  const len = Math.max(0, end - start);
  const keys = all.subarray(start, start + len);
  // What is a view of a borrowed blob is copied out: the blob is the next read's.
  const own = <A extends Int32Array | Float64Array>(view: A, key: PackedColumn | 'keys'): A => {
    if (!borrowed) return view;
    const copy = arrayFor(scratch, key, len) as A;
    copy.set(view);
    return copy;
  };
  const out: Partial<KeyedColumns> = { ticker, keys: own(keys, 'keys') };
  for (const c of only) {
    const d = desc(1 + COLUMNS.indexOf(c));
    if (d.enc === Encoding.Empty) out[c] = arrayFor(scratch, c, len).fill(NaN);
    else if (d.enc === Encoding.F64 && fits(d.offset, 8)) {
      const view = new Float64Array(bytes.buffer, bytes.byteOffset + d.offset, n).subarray(start, start + len);
      out[c] = own(view, c);
    }
    else if (d.enc === Encoding.Scaled && d.scale <= MAX_SCALE && fits(d.offset, 4)) {
      out[c] = decodeScaled(new Int32Array(bytes.buffer, bytes.byteOffset + d.offset, n).subarray(start, start + len), d.scale, arrayFor(scratch, c, len));
    } else return null;
  }
  return out;
}

/** The bars of a packed copy between `from` and `to`, with date strings (one shared string per day). */
export function unpackBars(ticker: string, blob: Buffer, from?: TradingDate, to?: TradingDate, scratch?: Scratch): BarColumns | null {
  return barsOf(unpack({ ticker, blob, borrowed: false }, from, to, COLUMNS, scratch) as KeyedColumns | null, scratch);
}

/**
 * The columns with date strings for their keys. With `scratch`, the dates of the previous read are
 * given again when its keys were the same (the members of a universe mostly share their calendar).
 */
function barsOf(c: KeyedColumns | null, scratch?: Scratch): BarColumns | null {
  if (!c) return null;
  const { keys, ...columns } = c;
  const last = scratch?.dates;
  if (last && sameKeys(last.keys, keys)) return { ...columns, dates: last.dates };
  const dates = new Array<TradingDate>(keys.length);
  for (let i = 0; i < keys.length; i++) dates[i] = keyDate(keys[i]!);
  if (scratch) scratch.dates = { keys: keys.slice(), dates };
  return { ...columns, dates };
}

function sameKeys(a: Int32Array, b: Int32Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** A ticker's packed copy: from the packed file when it holds it, else from `bar_columns`. */
function packedBlob(db: Db, ticker: string): Blob | null {
  const record = readPackedRecord(db, ticker);
  if (record) return { ticker, blob: record, borrowed: true };
  const blob = prepared(db, 'SELECT data FROM bar_columns WHERE ticker = ?').pluck(true).get(ticker) as Buffer | undefined;
  return blob ? { ticker, blob, borrowed: false } : null;
}

/**
 * A ticker's date keys alone (i32 YYYYMMDD, ascending), or null when it has no packed copy: the first
 * column of its row, read without the pages of its prices.
 */
export function readPackedKeys(db: Db, ticker: string): Int32Array | null {
  const blob = prepared(db, 'SELECT keys FROM bar_columns WHERE ticker = ?').pluck(true).get(ticker) as Buffer | undefined;
  if (!blob || blob.length % 4 !== 0) return null;
  return blob.byteOffset % 4 === 0 ? new Int32Array(blob.buffer, blob.byteOffset, blob.length / 4) : new Int32Array(new Uint8Array(blob).buffer);
}

/**
 * A ticker's packed copy between `from` and `to`, or null when it has none (read the rows then). With
 * `scratch`, its columns, keys and dates may be the scratch's arrays: valid only until the next read
 * into it. Without, they are the result's own.
 */
export function readPacked(db: Db, ticker: string, from?: TradingDate, to?: TradingDate, scratch?: Scratch): BarColumns | null {
  const blob = packedBlob(db, ticker);
  return blob ? barsOf(unpack(blob, from, to, COLUMNS, scratch) as KeyedColumns | null, scratch) : null;
}

/** A ticker's packed copy with integer date keys (no date strings at all), or null when it has none. */
export function readPackedKeyed(db: Db, ticker: string, from?: TradingDate, to?: TradingDate): KeyedColumns | null;
export function readPackedKeyed<C extends PackedColumn>(db: Db, ticker: string, from: TradingDate | undefined, to: TradingDate | undefined, only: readonly C[], scratch?: Scratch): SomeColumns<C> | null;
export function readPackedKeyed(db: Db, ticker: string, from?: TradingDate, to?: TradingDate, only?: readonly PackedColumn[], scratch?: Scratch): Partial<KeyedColumns> | null {
  const blob = packedBlob(db, ticker);
  return blob ? unpack(blob, from, to, only ?? COLUMNS, scratch) : null;
}

/**
 * Rebuilds the packed copies of `tickers` from their rows (`readRows` reads one ticker's whole history
 * from `bars`), inside the caller's transaction, and appends them to the packed file: a ticker without
 * bars loses its copy.
 */
export function rebuildPacked(db: Db, tickers: Iterable<string>, readRows: (ticker: string) => BarColumns): void {
  const put = db.prepare(
    'INSERT INTO bar_columns (ticker, keys, data) VALUES (?, ?, ?) ON CONFLICT (ticker) DO UPDATE SET keys = excluded.keys, data = excluded.data',
  );
  const drop = db.prepare('DELETE FROM bar_columns WHERE ticker = ?');
  appendingPacked(db, (append) => {
    for (const t of new Set(tickers)) {
      const bars = readRows(t);
      if (bars.dates.length === 0) drop.run(t);
      else {
        const data = packBars(bars);
        const n = bars.dates.length;
        put.run(t, Buffer.from(data.buffer, data.byteOffset + PAYLOAD, 4 * n), data);
        append(t, data);
      }
    }
  });
}
