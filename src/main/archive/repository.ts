import { prepared } from '../db/statements';
import { suggestMarket } from '../../shared/markets';
import type { ArchiveInfo, TickerSummary } from '../../shared/archive';
import type { BarColumns, TradingDate } from '../../shared/domain';
import type { Statement } from 'better-sqlite3';
import type { Db } from '../db/open';
import { knownName } from './known-names';
import { readPacked, readPackedKeyed, rebuildPacked, type KeyedColumns, type Scratch } from './packed';
import { dateKeys } from '../../shared/date-keys';

/** Counts and date range of the whole archive. */
export function archiveInfo(db: Db): ArchiveInfo {
  // From the running totals the writing transactions keep (see refreshTickerTotals), not a scan of bars.
  const bars = db
    .prepare('SELECT coalesce(sum(bar_count), 0) AS n, min(first_date) AS first, max(last_date) AS last FROM tickers')
    .get() as { n: number; first: string | null; last: string | null };
  const count = (table: string): number =>
    (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  return {
    schemaVersion: db.pragma('user_version', { simple: true }) as number,
    tickers: count('tickers'),
    bars: bars.n,
    firstDate: bars.first,
    lastDate: bars.last,
    reports: count('reports WHERE deleted_at IS NULL'),
    notes: count('notes WHERE report_id IN (SELECT id FROM reports WHERE deleted_at IS NULL)'),
  };
}

/** Every ticker in the archive with its bar count and date range, by symbol. */
export function listTickers(db: Db): TickerSummary[] {
  const rows = db
    .prepare(
      `SELECT symbol, name, prices_adjusted AS pricesAdjusted, bar_count AS bars, first_date AS firstDate,
              last_date AS lastDate, has_adj_close AS hasAdjClose
         FROM tickers ORDER BY symbol`,
    )
    .all() as Array<Omit<TickerSummary, 'pricesAdjusted' | 'hasAdjClose'> & { pricesAdjusted: number; hasAdjClose: number }>;
  return rows.map((r) => ({
    ...r,
    name: r.name ?? knownName(r.symbol),
    pricesAdjusted: r.pricesAdjusted === 1,
    hasAdjClose: r.hasAdjClose === 1,
  }));
}

const tickerLists = new WeakMap<Db, { version: string; list: TickerSummary[] }>();

/**
 * `listTickers`, remembered per connection until the archive changes: the first screen and the Overview
 * read it on every visit, and with 10,000 tickers it costs about 25 ms, 140 ms on the first call. The
 * archive changed when another connection committed (`data_version`: the import worker, a restore) or
 * this one wrote (`total_changes()`). Callers must not modify the list.
 */
export function currentTickers(db: Db): TickerSummary[] {
  const version = `${String(db.pragma('data_version', { simple: true }))}:${String(prepared(db, 'SELECT total_changes()').pluck(true).get())}`;
  const known = tickerLists.get(db);
  if (known?.version === version) return known.list;
  const list = listTickers(db);
  tickerLists.set(db, { version, list });
  return list;
}

/**
 * Reads the ticker list ahead while the window loads (the first screen's longest read: 140 ms of the
 * first call with 10,000 tickers), so that the window's first call finds it remembered.
 */
export function readTickersAhead(db: Db): void {
  setImmediate(() => {
    try {
      currentTickers(db);
    } catch {
      // Closed already, or unreadable: the window's own call says so.
    }
  });
}

/**
 * Every ticker's symbol and name (the file's, else the known one), without the per-ticker bar counts
 * `listTickers` scans every bar for: what readers that only need names use.
 */
export function tickerNames(db: Db): Map<string, string | null> {
  const rows = db.prepare('SELECT symbol, name FROM tickers ORDER BY symbol').all() as Array<{ symbol: string; name: string | null }>;
  return new Map(rows.map((r) => [r.symbol, r.name ?? knownName(r.symbol)]));
}

/** True when the archive knows the ticker. */
export function hasTicker(db: Db, symbol: string): boolean {
  return prepared(db, 'SELECT 1 FROM tickers WHERE symbol = ?').get(symbol) !== undefined;
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
    cols.open[i] = r[1] === null ? NaN : (r[1] as number);
    cols.high[i] = r[2] === null ? NaN : (r[2] as number);
    cols.low[i] = r[3] === null ? NaN : (r[3] as number);
    cols.close[i] = r[4] as number;
    cols.adjClose[i] = r[5] === null ? NaN : (r[5] as number);
    cols.volume[i] = r[6] === null ? NaN : (r[6] as number);
  }
  return cols;
}

/** Growable columns the bar collector writes into. */
interface CollectorState {
  n: number;
  dates: string[];
  open: Float64Array;
  high: Float64Array;
  low: Float64Array;
  close: Float64Array;
  adjClose: Float64Array;
  volume: Float64Array;
}

const COLLECT_FN = 'breadth_collect_bar';
const collectors = new WeakMap<Db, { stmt: Statement; holder: { state: CollectorState } }>();
const PRICE_COLS = ['open', 'high', 'low', 'close', 'adjClose', 'volume'] as const;

function newState(capacity: number): CollectorState {
  const f = (): Float64Array => new Float64Array(capacity);
  return { n: 0, dates: new Array<string>(capacity), open: f(), high: f(), low: f(), close: f(), adjClose: f(), volume: f() };
}

/**
 * The fast columnar reader's statement on a connection. SQLite calls a registered function once per bar,
 * and that function writes the bar's values straight into typed columns: no array or object per row.
 * (better-sqlite3's `raw()` rows cost a JS array per bar; this path takes about half the CPU time.)
 */
function collector(db: Db): { stmt: Statement; holder: { state: CollectorState } } {
  let c = collectors.get(db);
  if (!c) {
    const holder = { state: newState(0) };
    db.function(
      COLLECT_FN,
      { deterministic: false, directOnly: true },
      (date: string, open: number | null, high: number | null, low: number | null, close: number, adj: number | null, vol: number | null) => {
        let st = holder.state;
        if (st.n === st.open.length) {
          // Grow by doubling; the final columns are trimmed to size.
          const grown = newState(Math.max(1024, st.n * 2));
          for (const k of PRICE_COLS) grown[k].set(st[k]);
          for (let i = 0; i < st.n; i++) grown.dates[i] = st.dates[i]!;
          grown.n = st.n;
          holder.state = st = grown;
        }
        const i = st.n++;
        st.dates[i] = date;
        // A close-only series has no open, high or low: NaN, as the columns mark a missing value.
        st.open[i] = open === null ? NaN : open;
        st.high[i] = high === null ? NaN : high;
        st.low[i] = low === null ? NaN : low;
        st.close[i] = close;
        st.adjClose[i] = adj === null ? NaN : adj;
        st.volume[i] = vol === null ? NaN : vol;
        return null;
      },
    );
    const stmt = db
      .prepare(
        `SELECT count(${COLLECT_FN}(date, open, high, low, close, adj_close, volume)) FROM bars
          WHERE ticker = ? AND date >= ? AND date <= ?`,
      )
      .pluck(true);
    c = { stmt, holder };
    collectors.set(db, c);
  }
  return c;
}

/**
 * Reads one ticker's bars between `from` and `to` (inclusive, either optional) from its rows through the
 * fast collector (see `collector`). Same result as `readBars`; bars come in primary-key order, which
 * is date order, and are checked to be so (falling back to `readBars` if SQLite ever chose otherwise).
 */
export function readBarRows(db: Db, ticker: string, from?: TradingDate, to?: TradingDate): BarColumns {
  const { stmt, holder } = collector(db);
  holder.state = newState(0);
  stmt.get(ticker, from ?? '0000-00-00', to ?? '9999-99-99');
  const st = holder.state;
  holder.state = newState(0);
  const n = st.n;
  const dates = st.dates.length === n ? st.dates : st.dates.slice(0, n);
  for (let i = 1; i < n; i++) if (dates[i - 1]! >= dates[i]!) return readBars(db, ticker, from, to);
  const col = (k: (typeof PRICE_COLS)[number]): Float64Array => (st[k].length === n ? st[k] : st[k].slice(0, n));
  return { ticker, dates, open: col('open'), high: col('high'), low: col('low'), close: col('close'), adjClose: col('adjClose'), volume: col('volume') };
}

/**
 * Reads one ticker's bars between `from` and `to` (inclusive, either optional) into columns: from its
 * packed copy when it has one (archive/packed.ts), else from its rows. Same result as `readBars`.
 */
export function readBarsColumnar(db: Db, ticker: string, from?: TradingDate, to?: TradingDate, scratch?: Scratch): BarColumns {
  return readPacked(db, ticker, from, to, scratch) ?? readBarRows(db, ticker, from, to);
}

/** {@link readBarsColumnar} with integer date keys (YYYYMMDD) instead of date strings. */
export function readBarsKeyed(db: Db, ticker: string, from?: TradingDate, to?: TradingDate): KeyedColumns {
  const packed = readPackedKeyed(db, ticker, from, to);
  if (packed) return packed;
  const { dates, ...columns } = readBarRows(db, ticker, from, to);
  return { ...columns, keys: dateKeys(dates) };
}

/**
 * Reads many tickers' bars (every ticker in the archive when `tickers` is omitted) between `from` and
 * `to` through the fast columnar reader: a map ticker → columns, in the order given (or by symbol).
 */
export function readBarsMany(db: Db, tickers?: readonly string[], from?: TradingDate, to?: TradingDate): Map<string, BarColumns> {
  const symbols = tickers ?? (db.prepare('SELECT symbol FROM tickers ORDER BY symbol').pluck().all() as string[]);
  const out = new Map<string, BarColumns>();
  for (const t of symbols) out.set(t, readBarsColumnar(db, t, from, to));
  return out;
}

/** Whether the archive holds the ticker (with or without bars). */
export function knownTicker(db: Db, symbol: string): boolean {
  return db.prepare('SELECT 1 FROM tickers WHERE symbol = ?').get(symbol.toUpperCase()) !== undefined;
}

/** The market the analyst set for a ticker (null: none set, its symbol suggests one). */
export function storedMarket(db: Db, symbol: string): string | null {
  return (prepared(db, 'SELECT market FROM tickers WHERE symbol = ?').pluck().get(symbol) as string | null | undefined) ?? null;
}

/** The market a ticker's holidays and gaps are judged by: the one set for it, else its symbol's. */
export function marketOfTicker(db: Db, symbol: string): string {
  return storedMarket(db, symbol) ?? suggestMarket(symbol);
}

/**
 * Recomputes the running totals of tickers whose bars a transaction changed (an import, its undo): a
 * count over each ticker's own key range, so its cost follows the tickers touched, not the archive. The
 * same tickers' packed copies are rebuilt from their rows.
 */
export function refreshTickerTotals(db: Db, tickers: Iterable<string>): void {
  const stmt = db.prepare(
    `UPDATE tickers SET
       bar_count = (SELECT count(*) FROM bars WHERE ticker = @t),
       first_date = (SELECT min(date) FROM bars WHERE ticker = @t),
       last_date = (SELECT max(date) FROM bars WHERE ticker = @t),
       has_adj_close = EXISTS (SELECT 1 FROM bars WHERE ticker = @t AND adj_close IS NOT NULL)
     WHERE symbol = @t`,
  );
  const touched = new Set(tickers);
  for (const t of touched) stmt.run({ t });
  rebuildPacked(db, touched, (t) => readBarRows(db, t));
}
