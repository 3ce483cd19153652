/**
 * The metrics service: reads bars from the archive through the columnar path and hands them to the pure
 * analytics functions. The only module of src/main/analytics that does I/O.
 */
import type {
  GroupTable,
  MetricName,
  MetricsPanel,
  RelativePerformance,
  ReturnKind,
  WatchlistRow,
} from '../../shared/analytics';
import { addDays, tradingDayOnOrBefore } from '../../shared/calendar';
import type { BarColumns, PriceBasis, TradingDate } from '../../shared/domain';
import { readBarsColumnar as readBars } from '../archive/repository';
import type { Db } from '../db/open';
import { DomainError } from '../errors';
import { computeGroup } from './group';
import { computePanel } from './panel';
import { computeRelative } from './relative';
import { watchlistRow } from './watchlist';

/** Whether the archive knows the ticker and whether its provider adjusted its prices. */
export function tickerMeta(
  db: Db,
  ticker: string,
): { exists: boolean; providerAdjusted: boolean; lastDate: TradingDate | null } {
  const row = db
    .prepare(
      'SELECT prices_adjusted AS adj, (SELECT max(date) FROM bars WHERE ticker = ?) AS last FROM tickers WHERE symbol = ?',
    )
    .get(ticker, ticker) as { adj: number; last: string | null } | undefined;
  return { exists: row !== undefined, providerAdjusted: row?.adj === 1, lastDate: row?.last ?? null };
}

function historyTo(db: Db, ticker: string, to: TradingDate): { bars: BarColumns; providerAdjusted: boolean } {
  const meta = tickerMeta(db, ticker);
  if (!meta.exists) throw new DomainError('NOT_FOUND', `no bars for ${ticker} in the archive`, { ticker });
  return { bars: readBars(db, ticker, undefined, tradingDayOnOrBefore(to)), providerAdjusted: meta.providerAdjusted };
}

/** A ticker's full metrics panel over a window (reads its history up to `to`). */
export function metricsPanel(
  db: Db,
  q: { ticker: string; from: TradingDate; to: TradingDate; basis: PriceBasis },
): MetricsPanel {
  const { bars, providerAdjusted } = historyTo(db, q.ticker, q.to);
  const panel = computePanel(bars, { from: q.from, to: q.to, basis: q.basis, providerAdjusted });
  flagSuspectedSplits(db, panel);
  return panel;
}

/**
 * Never silently across a suspected split: a figure whose bars span a move the import flagged as an
 * unadjusted split (XLB's ×0.49 on 2025-11-17) says so, since it compares prices from before and after.
 */
function flagSuspectedSplits(db: Db, panel: MetricsPanel): void {
  const splits = db
    .prepare(
      `SELECT i.date, i.reason FROM import_issues i JOIN imports m ON m.id = i.import_id
        WHERE i.ticker = ? AND i.kind = 'split' AND i.date IS NOT NULL AND i.date <= ? AND m.status = 'committed'
        ORDER BY i.date`,
    )
    .all(panel.ticker, panel.window.toTradingDay) as Array<{ date: TradingDate; reason: string }>;
  if (splits.length === 0) return;
  for (const value of Object.values(panel)) {
    const f = value as { firstDate?: TradingDate | null; lastDate?: TradingDate | null; notes?: string[] } | null;
    if (!f || typeof f !== 'object' || !Array.isArray(f.notes) || !f.firstDate || !f.lastDate) continue;
    for (const s of splits) {
      if (s.date > f.firstDate && s.date <= f.lastDate) {
        f.notes.push(`spans a suspected unadjusted split on ${s.date} (${s.reason.replace(/\d+\.\d{3,}/g, (n) => Number(n).toFixed(2))}): it compares prices from before and after it`);
      }
    }
  }
}

/** Some figures of a ticker's panel, with the window and basis they were computed on. */
export function metricsGet(
  db: Db,
  q: { ticker: string; from: TradingDate; to: TradingDate; basis: PriceBasis; metrics: MetricName[] },
): Pick<MetricsPanel, 'ticker' | 'basis' | 'basisInfo' | 'window'> & Partial<MetricsPanel> {
  const panel = metricsPanel(db, q);
  const out: Pick<MetricsPanel, 'ticker' | 'basis' | 'basisInfo' | 'window'> & Partial<MetricsPanel> = {
    ticker: panel.ticker,
    basis: panel.basis,
    basisInfo: panel.basisInfo,
    window: panel.window,
  };
  for (const m of q.metrics) (out as Record<string, unknown>)[m] = panel[m];
  return out;
}

/** Relative performance of A against B over a window. */
export function relativePerformance(
  db: Db,
  q: { a: string; b: string; from: TradingDate; to: TradingDate; basis: PriceBasis; returnKind?: ReturnKind },
): RelativePerformance {
  const a = historyTo(db, q.a, q.to);
  const b = historyTo(db, q.b, q.to);
  return computeRelative(a.bars, b.bars, { ...q, providerAdjusted: [a.providerAdjusted, b.providerAdjusted] });
}

/** A group table for one date (`from` = `to`) or a window; unknown tickers are rows without data. */
export function groupTable(
  db: Db,
  q: { tickers: string[]; from: TradingDate; to: TradingDate; basis: PriceBasis; returnKind?: ReturnKind },
): GroupTable {
  const to = tradingDayOnOrBefore(q.to);
  const rows = q.tickers.map((t) => {
    const meta = tickerMeta(db, t);
    // The window, the bar before it and SMA(50) at its end are all the history a group row needs.
    const from = addDays(tradingDayOnOrBefore(q.from), -120);
    return { bars: readBars(db, t, from, to), providerAdjusted: meta.providerAdjusted };
  });
  return computeGroup(rows, q);
}

/** Watchlist rows for many tickers: last close, changes, distances, sparkline, stale flag. */
export function watchlistRows(
  db: Db,
  q: {
    tickers: string[];
    basis: PriceBasis;
    asOf: TradingDate;
    window?: { from: TradingDate; to: TradingDate };
    returnKind?: ReturnKind;
  },
): WatchlistRow[] {
  return q.tickers.map((t) => {
    const meta = tickerMeta(db, t);
    if (!meta.lastDate) return watchlistRow(emptyBars(t), q);
    // The last year covers the 52-week high, SMA(20) and the sparkline; reach back further for the window.
    let from = addDays(meta.lastDate, -370);
    if (q.window) {
      const wf = addDays(tradingDayOnOrBefore(q.window.from), -10);
      if (wf < from) from = wf;
    }
    return watchlistRow(readBars(db, t, from), q);
  });
}

/** A ticker without bars. */
export function emptyBars(ticker: string): BarColumns {
  const e = new Float64Array(0);
  return { ticker, dates: [], open: e, high: e, low: e, close: e, adjClose: e, volume: e };
}
