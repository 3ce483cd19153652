import type { ReturnKind, WatchlistRow } from '../../shared/analytics';
import { addDays, countTradingDays, previousTradingDay } from '../../shared/calendar';
import type { BarColumns, PriceBasis, TradingDate } from '../../shared/domain';
import { NO_PRICING, priceBars, type Pricing } from './basis';
import { finiteOrNull } from './figure';
import { periodReturn } from './relative';
import { range52w, sma } from './stats';
import { resolveWindow } from './window';

/** How many closes a sparkline shows. */
export const SPARKLINE_BARS = 60;

/**
 * One watchlist row from a ticker's bars (its whole history, or at least the last year): last close,
 * one-day change (close / previous close − 1), the change over `window` (of `returnKind`), close /
 * SMA(20) − 1, close / 52-week high − 1, the last 60 closes, and `stale` = the last bar is older than
 * the last NYSE trading day before `asOf`.
 */
export function watchlistRow(
  bars: BarColumns,
  opts: {
    basis: PriceBasis;
    asOf: TradingDate;
    window?: { from: TradingDate; to: TradingDate };
    returnKind?: ReturnKind;
  },
  pricing: Pricing = NO_PRICING,
): WatchlistRow {
  const p = priceBars(bars, opts.basis, pricing);
  const n = p.dates.length;
  if (n === 0) {
    return {
      ticker: bars.ticker,
      hasData: false,
      lastDate: null,
      lastClose: null,
      change1d: null,
      changeWindow: null,
      distanceFromSma20: null,
      distanceFromHigh52w: null,
      sparkline: { dates: [], closes: [] },
      stale: true,
      behind: 0,
    };
  }
  const last = p.close[n - 1]!;
  const s20 = sma(p, n, 20).value;
  const s = Math.max(0, n - SPARKLINE_BARS);
  let changeWindow: number | null = null;
  if (opts.window) {
    const w = resolveWindow(p.dates, opts.window.from, opts.window.to, p.calendar);
    changeWindow = periodReturn(p, w.start, w.end, opts.returnKind ?? 'closeToClose').value;
  }
  const lastDate = p.dates[n - 1]!;
  return {
    ticker: bars.ticker,
    hasData: true,
    lastDate,
    lastClose: last,
    change1d: n > 1 ? finiteOrNull(last / p.close[n - 2]! - 1) : null,
    changeWindow,
    distanceFromSma20: s20 === null ? null : finiteOrNull(last / s20 - 1),
    distanceFromHigh52w: range52w(p, n).fromHigh.value,
    sparkline: { dates: p.dates.slice(s), closes: Array.from(p.close.subarray(s), (c) => finiteOrNull(c)) },
    stale: lastDate < previousTradingDay(opts.asOf),
    behind: lastDate < previousTradingDay(opts.asOf) ? countTradingDays(addDays(lastDate, 1), previousTradingDay(opts.asOf)) : 0,
  };
}
