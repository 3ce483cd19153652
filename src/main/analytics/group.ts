import type { GroupRow, GroupTable, ReturnKind } from '../../shared/analytics';
import type { BarColumns, PriceBasis, TradingDate } from '../../shared/domain';
import { NO_PRICING, priceBars, type Pricing } from './basis';
import { periodReturn } from './relative';
import { sma } from './stats';
import { resolveWindow } from './window';

/**
 * A group table over one date or a window. For one date (`from` = `to`) each ticker's change is its
 * one-day change, sincePriorClose (close / previous bar's close − 1); over a window it is the return of
 * `returnKind` (default closeToClose). Rows are sorted by change, best first, tickers without a change
 * last. Breadth: how many closes at the window's last bar are above their SMA(20) and SMA(50) (strictly),
 * and how many changes are > 0 (advancers), < 0 (decliners) or exactly 0 (unchanged).
 */
export function computeGroup(
  tickers: Array<{ bars: BarColumns; pricing?: Pricing }>,
  opts: { from: TradingDate; to: TradingDate; basis: PriceBasis; returnKind?: ReturnKind },
): GroupTable {
  const kind: ReturnKind = opts.returnKind ?? (opts.from === opts.to ? 'sincePriorClose' : 'closeToClose');
  const rows: GroupRow[] = tickers.map(({ bars, pricing }) => {
    const p = priceBars(bars, opts.basis, pricing ?? NO_PRICING);
    const { window, start, end } = resolveWindow(p.dates, opts.from, opts.to, p.calendar);
    const change = periodReturn(p, start, end, kind, [...window.notes]);
    const has = end > start;
    const close = has ? p.close[end - 1]! : null;
    const s20 = has ? sma(p, end, 20).value : null;
    const s50 = has ? sma(p, end, 50).value : null;
    return {
      ticker: bars.ticker,
      change,
      close,
      aboveSma20: close !== null && s20 !== null ? close > s20 : null,
      aboveSma50: close !== null && s50 !== null ? close > s50 : null,
    };
  });
  rows.sort((x, y) => {
    const a = x.change.value;
    const b = y.change.value;
    if (a === null || b === null) return a === null ? (b === null ? x.ticker.localeCompare(y.ticker) : 1) : -1;
    return b - a || x.ticker.localeCompare(y.ticker);
  });
  const count = (f: (r: GroupRow) => boolean): number => rows.filter(f).length;
  return {
    basis: opts.basis,
    returnKind: kind,
    from: opts.from,
    to: opts.to,
    rows,
    breadth: {
      tickers: rows.length,
      aboveSma20: count((r) => r.aboveSma20 === true),
      aboveSma50: count((r) => r.aboveSma50 === true),
      advancers: count((r) => (r.change.value ?? 0) > 0),
      decliners: count((r) => (r.change.value ?? 0) < 0),
      unchanged: count((r) => r.change.value === 0),
      noData: count((r) => r.change.value === null),
    },
  };
}
