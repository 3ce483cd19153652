import type { BasisInfo } from '../../shared/analytics';
import type { BarColumns, PriceBasis, TradingDate } from '../../shared/domain';

/** Bars on one price basis: OHLC as the figures use them, volume as stored. */
export interface PricedBars {
  ticker: string;
  dates: TradingDate[];
  open: Float64Array;
  high: Float64Array;
  low: Float64Array;
  close: Float64Array;
  volume: Float64Array;
  basis: PriceBasis;
  basisInfo: BasisInfo;
}

/**
 * Puts bars on a price basis.
 * - `raw`: OHLC as the file gave them.
 * - `adjusted`: close = Adj Close, and open/high/low scaled by the same factor Adj Close / Close, on
 *   every bar where the file gave an Adj Close; bars without one keep their raw prices (and say so).
 *   Where the archive has no Adj Close at all, adjusted = raw and `basisInfo.fellBackToRaw` says so.
 * `providerAdjusted` marks files whose OHLC were already adjusted by the provider (yfinance auto-adjust),
 * so that raw prices are in fact adjusted ones; the note says so.
 */
export function priceBars(bars: BarColumns, basis: PriceBasis, providerAdjusted = false): PricedBars {
  const n = bars.dates.length;
  let withAdj = 0;
  for (let i = 0; i < n; i++) if (Number.isFinite(bars.adjClose[i]!)) withAdj++;
  const notes: string[] = [];
  if (providerAdjusted) notes.push('the provider already adjusted these prices for dividends and splits');
  const base = { ticker: bars.ticker, dates: bars.dates, volume: bars.volume };
  if (basis === 'raw' || withAdj === 0) {
    const fellBackToRaw = basis === 'adjusted';
    if (fellBackToRaw) notes.push('no Adj Close in the archive for this ticker: adjusted = raw');
    return {
      ...base,
      open: bars.open,
      high: bars.high,
      low: bars.low,
      close: bars.close,
      basis,
      basisInfo: { requested: basis, fellBackToRaw, providerAdjusted, note: notes.length ? notes.join('; ') : null },
    };
  }
  const open = new Float64Array(n);
  const high = new Float64Array(n);
  const low = new Float64Array(n);
  const close = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const c = bars.close[i]!;
    const a = bars.adjClose[i]!;
    if (Number.isFinite(a)) {
      const f = a / c;
      open[i] = bars.open[i]! * f;
      high[i] = bars.high[i]! * f;
      low[i] = bars.low[i]! * f;
      close[i] = a;
    } else {
      open[i] = bars.open[i]!;
      high[i] = bars.high[i]!;
      low[i] = bars.low[i]!;
      close[i] = c;
    }
  }
  if (withAdj < n) notes.push(`${n - withAdj} of ${n} bars have no Adj Close and keep raw prices`);
  return {
    ...base,
    open,
    high,
    low,
    close,
    basis,
    basisInfo: {
      requested: basis,
      fellBackToRaw: false,
      providerAdjusted,
      note: notes.length ? notes.join('; ') : null,
    },
  };
}
