import { afterEach, describe, expect, it } from 'vitest';
import { readBarRows, readBarsColumnar, refreshTickerTotals } from '../../../src/main/archive/repository';
import { packBars, readPacked, unpackBars, unpackKeyed } from '../../../src/main/archive/packed';
import { readPackedRecord } from '../../../src/main/archive/packed-file';
import type { Db } from '../../../src/main/db/open';
import { processFile } from '../../../src/main/import/import-file';
import { listImports, undoImport } from '../../../src/main/import/write';
import { nextTradingDay } from '../../../src/shared/calendar';
import type { BarColumns } from '../../../src/shared/domain';
import { freshArchive } from '../../helpers/archive';
import { prng } from '../../helpers/prng';

const cleanups: Array<() => void> = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

function archive(): Db {
  const a = freshArchive();
  cleanups.push(a.cleanup);
  return a.db;
}

const DATES: string[] = [];
for (let d = '2019-12-30', i = 0; i < 400; i++, d = nextTradingDay(d)) DATES.push(d);
const TICKERS = ['AAA', 'BBB', 'CCC', 'DDD'];

const plain = (b: BarColumns) => ({
  dates: b.dates,
  ...Object.fromEntries((['open', 'high', 'low', 'close', 'adjClose', 'volume'] as const).map((k) => [k, Array.from(b[k])])),
});

/**
 * Every ticker's copy equals its rows, whole and over a few windows, and is read from the packed file; a
 * ticker without bars has no copy.
 */
function expectCopiesEqualRows(db: Db, rand: () => number, step: string): void {
  for (const t of TICKERS) {
    const rows = readBarRows(db, t);
    const copy = readPacked(db, t);
    if (rows.dates.length === 0) {
      expect(copy, `${step}: ${t} has no bars but a copy`).toBeNull();
      continue;
    }
    expect(copy, `${step}: ${t} has bars but no copy`).not.toBeNull();
    // ... read from the packed file beside the archive, not from bar_columns.
    expect(readPackedRecord(db, t), `${step}: ${t} has no record in the packed file`).not.toBeNull();
    expect(plain(copy!), `${step}: ${t}`).toEqual(plain(rows));
    const a = DATES[Math.floor(rand() * DATES.length)]!;
    const b = DATES[Math.floor(rand() * DATES.length)]!;
    const [from, to] = a <= b ? [a, b] : [b, a];
    expect(plain(readBarsColumnar(db, t, from, to)), `${step}: ${t} ${from}..${to}`).toEqual(plain(readBarRows(db, t, from, to)));
  }
}

/** A multi-ticker file of random spans, some days skipped, some prices missing their volume or Adj Close. */
function randomFile(rand: () => number, bump: number): string {
  const out = ['Ticker,Date,Open,High,Low,Close,Adj Close,Volume'];
  for (const t of TICKERS) {
    if (rand() < 0.4) continue;
    const from = Math.floor(rand() * 300);
    const to = from + 1 + Math.floor(rand() * 100);
    for (let i = from; i < to; i++) {
      if (rand() < 0.05) continue;
      const c = Math.round((50 + (i % 23) + bump + rand()) * 100) / 100;
      const adj = rand() < 0.1 ? '' : String(c - 0.5);
      const vol = rand() < 0.1 ? '' : String(1000 + i);
      out.push(`${t},${DATES[i]},${c},${c + 1},${c - 1},${c},${adj},${vol}`);
    }
  }
  return out.join('\n') + '\n';
}

describe('the packed copy of the bars', () => {
  it('packs and unpacks every column, NaN for NULL, and slices by dates it does not hold', () => {
    const bars: BarColumns = {
      ticker: 'X',
      dates: ['2026-01-02', '2026-01-05', '2026-01-06'],
      open: Float64Array.of(1, NaN, 3),
      high: Float64Array.of(2, 3, 4),
      low: Float64Array.of(0.5, 1, 2),
      close: Float64Array.of(1.5, 2.5, 3.5),
      adjClose: Float64Array.of(NaN, NaN, 3.25),
      volume: Float64Array.of(10, NaN, 0),
    };
    const blob = packBars(bars);
    expect(plain(unpackBars('X', blob)!)).toEqual(plain(bars));
    expect(unpackBars('X', blob, '2026-01-03', '2026-01-05')!.dates).toEqual(['2026-01-05']);
    expect(unpackBars('X', blob, '2026-01-07')!.dates).toEqual([]);
    expect(unpackBars('X', blob, undefined, '2026-01-01')!.dates).toEqual([]);
    // A blob that does not start on an 8-byte boundary of its buffer, and one of another layout.
    const shifted = Buffer.alloc(blob.length + 3);
    blob.copy(shifted, 3);
    expect(plain(unpackBars('X', shifted.subarray(3))!)).toEqual(plain(bars));
    const other = Buffer.from(blob);
    other.writeUInt32LE(99, 0);
    expect(unpackBars('X', other)).toBeNull();
    expect(unpackBars('X', blob.subarray(0, blob.length - 4))).toBeNull();
  });

  it('stores each column in the narrowest exact form and gives back every value bit for bit', () => {
    const n = 6;
    const col = (f: (i: number) => number): Float64Array => Float64Array.from({ length: n }, (_, i) => f(i));
    const bars: BarColumns = {
      ticker: 'Y',
      dates: ['2026-01-02', '2026-01-05', '2026-01-06', '2026-01-07', '2026-01-08', '2026-01-09'],
      open: col((i) => [101.25, 99.5, 100, NaN, 0.01, 1234567.89][i]!), // cents: i32 hundredths
      high: col((i) => [1 / 3, 2, 3, 4, 5, 6][i]!), // a third has no exact decimal: f64
      low: col((i) => [-0, 1, 2, 3, 4, 5][i]!), // -0 keeps its sign: f64
      close: col((i) => [0.123456, 1, 2, 3, 4, Infinity][i]!), // Infinity: f64
      adjClose: col(() => NaN), // nothing stored
      volume: col((i) => [10, 2 ** 31 + 5, 3, 4, 5, 6][i]!), // beyond an i32: f64
    };
    const back = unpackBars('Y', packBars(bars))!;
    for (const c of ['open', 'high', 'low', 'close', 'adjClose', 'volume'] as const) {
      for (let i = 0; i < n; i++) expect(Object.is(back[c][i], bars[c][i]), `${c}[${i}]`).toBe(true);
    }
    // Prices with cents and whole volumes pack in about half the bytes of f64 columns.
    const rand = prng(9);
    const m = 2000;
    const cents = (): Float64Array => Float64Array.from({ length: m }, () => Math.round(rand() * 50_000) / 100);
    const dates = Array.from({ length: m }, (_, i) => new Date(Date.UTC(2000, 0, 3) + i * 86_400_000).toISOString().slice(0, 10));
    const big: BarColumns = { ticker: 'Z', dates, open: cents(), high: cents(), low: cents(), close: cents(), adjClose: cents(), volume: Float64Array.from({ length: m }, () => Math.floor(rand() * 9e6)) };
    const blob = packBars(big);
    expect(blob.length).toBeLessThan(m * (6 * 8 + 4) * 0.6);
    expect(plain(unpackBars('Z', blob)!)).toEqual(plain(big));
    // Only the columns asked for are decoded.
    const some = unpackKeyed('Z', blob, dates[10], dates[19], ['close', 'volume'])!;
    expect(Object.keys(some).sort()).toEqual(['close', 'keys', 'ticker', 'volume']);
    expect(Array.from(some.close)).toEqual(Array.from(big.close.subarray(10, 20)));
    expect(some.keys[0]).toBe(Number(dates[10]!.replace(/-/g, '')));
  });

  it('stays equal to the rows through random imports, replacements, keeps and undos', () => {
    for (const seed of [1, 2, 3]) {
      const db = archive();
      const rand = prng(seed);
      for (let step = 0; step < 25; step++) {
        const committed = listImports(db).filter((i) => i.status === 'committed');
        const what = rand();
        if (what < 0.3 && committed.length) {
          // Undo the latest import still committed (an older one may be blocked by a later replacement).
          const id = committed.map((i) => i.id).sort((a, b) => b - a)[0]!;
          undoImport(db, id);
        } else {
          const onConflict = what < 0.6 ? 'replace' : what < 0.8 ? 'keep' : 'fail';
          processFile(db, { name: `f${step}.csv`, text: randomFile(rand, step) }, { onConflict }, 'import');
        }
        expectCopiesEqualRows(db, rand, `seed ${seed} step ${step} (${what.toFixed(2)})`);
      }
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    }
  });

  it('is dropped by any other write to the bars, so a stale copy is never read', () => {
    const db = archive();
    processFile(db, { name: 'a.csv', text: randomFile(prng(9), 0) }, {}, 'import');
    const t = TICKERS.find((s) => readPacked(db, s) !== null)!;
    const first = readBarRows(db, t).dates[0]!;
    db.prepare('UPDATE bars SET close = close + 1 WHERE ticker = ? AND date = ?').run(t, first);
    expect(readPacked(db, t)).toBeNull();
    expect(readBarsColumnar(db, t).close[0]).toBe(readBarRows(db, t).close[0]);
    refreshTickerTotals(db, [t]);
    expect(plain(readPacked(db, t)!)).toEqual(plain(readBarRows(db, t)));
    db.prepare('DELETE FROM bars WHERE ticker = ? AND date = ?').run(t, first);
    expect(readPacked(db, t)).toBeNull();
    db.prepare("INSERT INTO bars (ticker, date, open, high, low, close) VALUES (?, '2030-01-02', 1, 1, 1, 1)").run(t);
    expect(readBarsColumnar(db, t).dates.at(-1)).toBe('2030-01-02');
  });
});
