/**
 * The metrics service: reads bars from the archive through the columnar path and hands them to the pure
 * analytics functions. The only module of src/main/analytics that does I/O.
 */
import { prepared } from '../db/statements';
import type {
  GroupTable,
  MetricName,
  MetricsPanel,
  RelativePerformance,
  ReturnKind,
  SuspectedSplit,
  WatchlistRow,
} from '../../shared/analytics';
import { addDays, tradingDayOnOrBefore } from '../../shared/calendar';
import type { BarColumns, PriceBasis, TradingDate } from '../../shared/domain';
import { formatRatio } from '../../shared/actions';
import { knownPricing, pricingOf } from '../actions/repository';
import { readBarsColumnar as readBars, readBarsKeyed } from '../archive/repository';
import { readPackedKeyed, type KeyedColumns, type PackedColumn, type Scratch, type SomeColumns } from '../archive/packed';
import { dateKeys } from '../../shared/date-keys';
import type { Db } from '../db/open';
import { DomainError } from '../errors';
import { priceBars, type Pricing } from './basis';
import { computeGroup } from './group';
import { computePanel } from './panel';
import { computeRelative } from './relative';
import { watchlistRow } from './watchlist';

/** Whether the archive knows the ticker and the date of its last bar. */
export function tickerMeta(db: Db, ticker: string): { exists: boolean; lastDate: TradingDate | null } {
  const row = prepared(db, 'SELECT (SELECT max(date) FROM bars WHERE ticker = ?) AS last FROM tickers WHERE symbol = ?').get(ticker, ticker) as { last: string | null } | undefined;
  return { exists: row !== undefined, lastDate: row?.last ?? null };
}

/** A ticker's bars from `from` (or its first) with what pricing them needs. */
export interface History {
  bars: BarColumns;
  pricing: Pricing;
}

/**
 * A ticker's bars from `from` to `to`, and its pricing. Bases are relative to the archive's latest bar
 * (as a provider's adjustment is to its download): a split or dividend after `to` still moves the
 * split-adjusted and total-return prices before it, so a ticker with actions is read to its last bar
 * (the figures ignore the bars after `to`).
 */
function history(db: Db, ticker: string, from: TradingDate | undefined, to: TradingDate, scratch?: Scratch, pricing = pricingOf(db, ticker)): History {
  // Up to `to` itself: a market with other holidays may have traded on a day the NYSE did not.
  return { bars: readBars(db, ticker, from, pricing.actions.length ? undefined : to, scratch), pricing };
}

function historyTo(db: Db, ticker: string, to: TradingDate, scratch?: Scratch): History {
  const pricing = knownPricing(db, ticker);
  if (!pricing) throw new DomainError('NOT_FOUND', `no bars for ${ticker} in the archive`, { ticker });
  return history(db, ticker, undefined, to, scratch, pricing);
}

/**
 * Arrays a connection's panels decode its bars into, one set reused panel after panel: a panel keeps
 * only figures, never its bars, and a universe's panels so touch the same memory again.
 */
const panelScratch = new WeakMap<Db, Scratch>();

/** A ticker's full metrics panel over a window (reads its history up to `to`). */
export function metricsPanel(
  db: Db,
  q: { ticker: string; from: TradingDate; to: TradingDate; basis: PriceBasis },
): MetricsPanel {
  let scratch = panelScratch.get(db);
  if (!scratch) panelScratch.set(db, (scratch = {}));
  const { bars, pricing } = historyTo(db, q.ticker, q.to, scratch);
  const panel = computePanel(bars, { from: q.from, to: q.to, basis: q.basis, pricing });
  flagSuspectedSplits(db, panel, pricing);
  return panel;
}

/**
 * Never silently across a suspected split: a figure whose bars span a move the import flagged as an
 * unadjusted split (XLB's ×0.49 on 2025-11-17) and that no recorded split explains says so, since it
 * compares prices from before and after; `details.suspectedSplits` offers to record it.
 */
function flagSuspectedSplits(db: Db, panel: MetricsPanel, pricing: Pricing): void {
  const recorded = new Set(pricing.actions.filter((a) => a.kind === 'split').map((a) => a.date));
  const splits = pricing.splitsFlagged === false ? [] : suspectedSplits(db, panel.ticker, panel.window.toTradingDay).filter((s) => !recorded.has(s.date));
  panel.suspectedSplits = splits;
  if (splits.length === 0) return;
  for (const value of Object.values(panel)) {
    const f = value as { firstDate?: TradingDate | null; lastDate?: TradingDate | null; notes?: string[] } | null;
    if (!f || typeof f !== 'object' || !Array.isArray(f.notes) || !f.firstDate || !f.lastDate) continue;
    for (const s of splits) {
      if (s.date > f.firstDate && s.date <= f.lastDate) {
        f.notes.push(`spans a suspected unadjusted split on ${s.date} (${s.reason}): it compares prices from before and after it; record the ${formatRatio(s.ratio)} split to adjust for it`);
      }
    }
  }
}

/**
 * The unadjusted splits the imports flagged for a ticker up to a date: the day, the close's move and
 * the nearest plain ratio (×0.49 → 2:1).
 */
export function suspectedSplits(db: Db, ticker: string, upTo: TradingDate): SuspectedSplit[] {
  const rows = prepared(
    db,
    `SELECT i.date, min(i.reason) AS reason FROM import_issues i JOIN imports m ON m.id = i.import_id
        WHERE i.ticker = ? AND i.kind = 'split' AND i.date IS NOT NULL AND i.date <= ? AND m.status = 'committed'
        GROUP BY i.date ORDER BY i.date`,
  ).all(ticker, upTo) as Array<{ date: TradingDate; reason: string }>;
  const out: SuspectedSplit[] = [];
  const around = prepared(
    db,
    `SELECT (SELECT close FROM bars WHERE ticker = @ticker AND date < @date ORDER BY date DESC LIMIT 1) AS before,
            (SELECT close FROM bars WHERE ticker = @ticker AND date = @date) AS at`,
  );
  for (const { date, reason } of rows) {
    const c = around.get({ ticker, date }) as { before: number | null; at: number | null };
    if (!c.before || !c.at) continue;
    const move = c.at / c.before;
    // The import's words, with its raw floats rounded as prices are shown.
    const said = reason.replace(/\d+\.\d{3,}/g, (x) => Number(x).toFixed(2));
    out.push({ date, move, ratio: nearestSplitRatio(move), reason: said });
  }
  return out;
}

/** The plain split ratio (2:1, 3:2, 1:10…) nearest a one-day move of the close (×0.49 → 2). */
export function nearestSplitRatio(move: number): number {
  const candidates = [2, 3, 4, 5, 10, 1.5, 20, 0.5, 1 / 3, 0.25, 0.2, 0.1, 0.05, 1 / 1.5];
  let best = candidates[0]!;
  for (const r of candidates) if (Math.abs(Math.log(move * r)) < Math.abs(Math.log(move * best))) best = r;
  return best;
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
  return computeRelative(a.bars, b.bars, { ...q, pricing: [a.pricing, b.pricing] });
}

/** A group table for one date (`from` = `to`) or a window; unknown tickers are rows without data. */
export function groupTable(
  db: Db,
  q: { tickers: string[]; from: TradingDate; to: TradingDate; basis: PriceBasis; returnKind?: ReturnKind },
): GroupTable {
  const to = q.to;
  // The window, the bar before it and SMA(50) at its end are all the history a group row needs.
  const from = addDays(tradingDayOnOrBefore(q.from), -120);
  const rows = q.tickers.map((t) => history(db, t, from, to));
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
    const h = history(db, t, from, meta.lastDate);
    return watchlistRow(h.bars, q, h.pricing);
  });
}

/** A ticker without bars. */
export function emptyBars(ticker: string): BarColumns {
  const e = new Float64Array(0);
  return { ticker, dates: [], open: e, high: e, low: e, close: e, adjClose: e, volume: e };
}

/**
 * Whether a ticker's bars on `basis` are its stored prices as they are: no recorded action moves them
 * and the basis is not total return (which reinvests dividends). Readers then skip the pricing.
 */
export function pricedAsStored(pricing: Pricing, basis: PriceBasis): boolean {
  return pricing.actions.length === 0 && basis !== 'total-return';
}

/**
 * {@link pricedBars} up to `to` with integer date keys instead of date strings: what a universe's
 * readers (breadth) take, since a ticker without actions comes straight from its packed copy.
 */
export function pricedKeyed<C extends PackedColumn>(db: Db, ticker: string, basis: PriceBasis, to: TradingDate | undefined, only: readonly C[]): SomeColumns<C> {
  const pricing = pricingOf(db, ticker);
  if (pricedAsStored(pricing, basis)) {
    // Straight from the packed copy, decoding only the columns asked for.
    const packed = readPackedKeyed(db, ticker, undefined, to, only);
    if (packed) return packed;
    // Every column holds the ones asked for.
    return readBarsKeyed(db, ticker, undefined, to) as unknown as SomeColumns<C>;
  }
  const { dates, ...columns } = pricedBars(db, ticker, basis, undefined, to);
  const all: KeyedColumns = { ...columns, keys: dateKeys(dates) };
  return all as unknown as SomeColumns<C>;
}

/**
 * A ticker's bars over an optional window, priced on a basis (what the chart draws): OHLC and volume
 * on the basis, Adj Close as the file gave it. Actions after the window still count (see `history`).
 */
export function pricedBars(db: Db, ticker: string, basis: PriceBasis, from?: TradingDate, to?: TradingDate): BarColumns {
  const pricing = pricingOf(db, ticker);
  if (pricedAsStored(pricing, basis)) return readBars(db, ticker, from, to);
  const bars = readBars(db, ticker, from, pricing.actions.length ? undefined : to);
  const p = priceBars(bars, basis, pricing);
  let end = bars.dates.length;
  if (to) while (end > 0 && bars.dates[end - 1]! > to) end--;
  return {
    ticker,
    dates: bars.dates.slice(0, end),
    open: p.open.slice(0, end),
    high: p.high.slice(0, end),
    low: p.low.slice(0, end),
    close: p.close.slice(0, end),
    adjClose: bars.adjClose.slice(0, end),
    volume: p.volume.slice(0, end),
  };
}
