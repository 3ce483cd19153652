import type { ArchiveInfo, BarColumns, TickerSummary, TradingDate } from '../../shared/domain';
import type { Db } from '../db/open';

/** Counts and date range of the whole archive. */
export function archiveInfo(db: Db): ArchiveInfo {
  const bars = db
    .prepare('SELECT count(*) AS n, min(date) AS first, max(date) AS last FROM bars')
    .get() as { n: number; first: string | null; last: string | null };
  const count = (table: string): number =>
    (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  return {
    schemaVersion: db.pragma('user_version', { simple: true }) as number,
    tickers: count('tickers'),
    bars: bars.n,
    firstDate: bars.first,
    lastDate: bars.last,
    reports: count('reports'),
    notes: count('notes'),
  };
}

/** Every ticker in the archive with its bar count and date range, by symbol. */
export function listTickers(db: Db): TickerSummary[] {
  const rows = db
    .prepare(
      `SELECT t.symbol, t.name, t.prices_adjusted AS pricesAdjusted,
              count(b.date) AS bars, min(b.date) AS firstDate, max(b.date) AS lastDate,
              count(b.adj_close) > 0 AS hasAdjClose
         FROM tickers t LEFT JOIN bars b ON b.ticker = t.symbol
        GROUP BY t.symbol ORDER BY t.symbol`,
    )
    .all() as Array<Omit<TickerSummary, 'pricesAdjusted' | 'hasAdjClose'> & { pricesAdjusted: number; hasAdjClose: number }>;
  return rows.map((r) => ({ ...r, pricesAdjusted: r.pricesAdjusted === 1, hasAdjClose: r.hasAdjClose === 1 }));
}

/** True when the archive knows the ticker. */
export function hasTicker(db: Db, symbol: string): boolean {
  return db.prepare('SELECT 1 FROM tickers WHERE symbol = ?').get(symbol) !== undefined;
}

const NO_ROWS: unknown[][] = [];

/**
 * Reads one ticker's bars between `from` and `to` (inclusive, either optional) straight into typed
 * columns: rows come back as arrays (`raw()`), never as one object per bar.
 */
export function readBars(db: Db, ticker: string, from?: TradingDate, to?: TradingDate): BarColumns {
  const stmt = db
    .prepare(
      `SELECT date, open, high, low, close, adj_close, volume FROM bars
        WHERE ticker = ? AND date >= ? AND date <= ? ORDER BY date`,
    )
    .raw(true);
  const rows = (stmt.all(ticker, from ?? '0000-00-00', to ?? '9999-99-99') as unknown[][]) ?? NO_ROWS;
  return toColumns(ticker, rows);
}

/** Packs raw `[date, open, high, low, close, adj_close, volume]` rows into columns. */
export function toColumns(ticker: string, rows: unknown[][]): BarColumns {
  const n = rows.length;
  const cols: BarColumns = {
    ticker,
    dates: new Array<string>(n),
    open: new Float64Array(n),
    high: new Float64Array(n),
    low: new Float64Array(n),
    close: new Float64Array(n),
    adjClose: new Float64Array(n),
    volume: new Float64Array(n),
  };
  for (let i = 0; i < n; i++) {
    const r = rows[i]!;
    cols.dates[i] = r[0] as string;
    cols.open[i] = r[1] as number;
    cols.high[i] = r[2] as number;
    cols.low[i] = r[3] as number;
    cols.close[i] = r[4] as number;
    cols.adjClose[i] = r[5] === null ? NaN : (r[5] as number);
    cols.volume[i] = r[6] === null ? NaN : (r[6] as number);
  }
  return cols;
}

/**
 * Reads many tickers' bars (every ticker in the archive when `tickers` is omitted) between `from` and
 * `to`, one prepared statement reused per ticker, straight into columns: a map ticker → columns.
 */
export function readBarsMany(db: Db, tickers?: readonly string[], from?: TradingDate, to?: TradingDate): Map<string, BarColumns> {
  const symbols =
    tickers ?? (db.prepare('SELECT symbol FROM tickers ORDER BY symbol').pluck().all() as string[]);
  const stmt = db
    .prepare(
      `SELECT date, open, high, low, close, adj_close, volume FROM bars
        WHERE ticker = ? AND date >= ? AND date <= ? ORDER BY date`,
    )
    .raw(true);
  const out = new Map<string, BarColumns>();
  for (const t of symbols) {
    out.set(t, toColumns(t, stmt.all(t, from ?? '0000-00-00', to ?? '9999-99-99') as unknown[][]));
  }
  return out;
}
