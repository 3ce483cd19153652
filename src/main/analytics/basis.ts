import type { ActionKind } from '../../shared/actions';
import type { BasisInfo } from '../../shared/analytics';
import type { BarColumns, PriceBasis, TradingDate } from '../../shared/domain';

/** Bars on one price basis: OHLC and volume as the figures use them. */
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
  /** The holiday calendar of the ticker's market (null: none known, judged by its own trading days). */
  calendar: 'NYSE' | null;
}

/** What pricing needs of a corporate action. */
export interface PricingAction {
  kind: ActionKind;
  date: TradingDate;
  ratio: number | null;
  amount: number | null;
}

/** What the archive knows of a ticker besides its bars: whether its provider adjusted them, its actions. */
export interface Pricing {
  /** tickers.prices_adjusted: the file's OHLC were already adjusted for dividends and splits. */
  providerAdjusted: boolean;
  /** Recorded splits and dividends, any order. */
  actions: readonly PricingAction[];
  /** The holiday calendar of its market (default NYSE; null: none known). */
  calendar?: 'NYSE' | null;
  /** Whether an import flagged a suspected unadjusted split of it (unknown when absent). */
  splitsFlagged?: boolean;
}

/** A ticker nothing is known of: stored prices are taken as traded. */
export const NO_PRICING: Pricing = { providerAdjusted: false, actions: [] };

/** Index of the first bar dated on or after `date` (bars.length when none). */
function firstOnOrAfter(dates: readonly TradingDate[], date: TradingDate): number {
  let lo = 0;
  let hi = dates.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (dates[mid]! < date) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Whether the stored closes show a split's jump at bar k (the bars before it were not adjusted for it):
 * the close-to-close move across it is nearer the split's 1/ratio than no move at all.
 */
export function splitVisible(close: Float64Array, k: number, ratio: number): boolean {
  const move = Math.log(close[k]! / close[k - 1]!);
  return Number.isFinite(move) && Math.abs(move + Math.log(ratio)) < Math.abs(move);
}

/** A split or dividend placed on the bars: the index of the first bar on the new terms. */
interface Placed extends PricingAction {
  k: number;
}

function place(dates: readonly TradingDate[], actions: readonly PricingAction[], kind: ActionKind): Placed[] {
  return actions
    .filter((a) => a.kind === kind)
    .map((a) => ({ ...a, k: firstOnOrAfter(dates, a.date) }))
    // An action on or before the first bar, or after the last, changes no price the bars compare.
    .filter((a) => a.k > 0 && a.k < dates.length)
    .sort((x, y) => x.k - y.k);
}

/** Multiplies bars [0, k) of the price columns by f and their volume by 1 / f. */
function scaleBefore(cols: { o: Float64Array; h: Float64Array; l: Float64Array; c: Float64Array; v: Float64Array }, k: number, f: number, volume = true): void {
  for (let i = 0; i < k; i++) {
    cols.o[i]! *= f;
    cols.h[i]! *= f;
    cols.l[i]! *= f;
    cols.c[i]! *= f;
    if (volume) cols.v[i]! /= f;
  }
}

/**
 * Puts bars on a price basis, computed from the stored bars and the ticker's recorded actions:
 *
 * 1. As traded. A recorded split whose jump the stored closes do not show was already applied by the
 *    provider: the bars before it are multiplied back by its ratio (volumes divided). When the provider
 *    adjusted for dividends (`providerAdjusted`), each recorded dividend is undone from the latest
 *    backwards: once the later ones are undone, the stored close before the ex-date is C · (1 − D / C)
 *    = C − D (C as traded, D the dividend), so C = stored + D and every bar before it is divided by
 *    (1 − D / C). A provider-adjusted file without its
 *    dividends cannot be put back as traded; the prices stay the provider's and `exact` is false.
 * 2. Split-adjusted: as traded, with every bar before each recorded split divided by its ratio and its
 *    volume multiplied by it.
 * 3. Total return: split-adjusted, with every bar before each dividend's ex-date multiplied by
 *    1 − D / C (C the as-traded close before it). Without recorded dividends it is the provider's
 *    adjustment (a provider-adjusted file, or the file's Adj Close, scaling OHLC by Adj Close / Close),
 *    and without either it equals the price return, `exact` false.
 */
export function priceBars(bars: BarColumns, basis: PriceBasis, pricing: Pricing = NO_PRICING): PricedBars {
  const n = bars.dates.length;
  const { providerAdjusted } = pricing;
  const splits = place(bars.dates, pricing.actions, 'split');
  const dividends = place(bars.dates, pricing.actions, 'dividend');
  const notes: string[] = [];
  let exact = true;
  // The stored columns until something changes them, then a copy (the stored ones are never written).
  let cols = { o: bars.open, h: bars.high, l: bars.low, c: bars.close, v: bars.volume };
  let copied = false;
  const writable = (): typeof cols => {
    if (!copied) {
      cols = { o: cols.o.slice(), h: cols.h.slice(), l: cols.l.slice(), c: cols.c.slice(), v: cols.v.slice() };
      copied = true;
    }
    return cols;
  };

  // 1. As traded: undo what the provider applied.
  for (const s of splits) if (!splitVisible(bars.close, s.k, s.ratio!)) scaleBefore(writable(), s.k, s.ratio!);
  let asTradedKnown = true;
  if (providerAdjusted) {
    if (dividends.length === 0) {
      asTradedKnown = false;
    } else {
      // Latest first: the bars before this ex-date already have the later dividends undone, so the
      // stored close before it is C · (1 − D / C) = C − D.
      for (let j = dividends.length - 1; j >= 0; j--) {
        const d = dividends[j]!;
        const before = cols.c[d.k - 1]! + d.amount!;
        scaleBefore(writable(), d.k, before / (before - d.amount!), false);
      }
    }
  }
  if (providerAdjusted && asTradedKnown && basis !== 'total-return') {
    notes.push(`dividends recorded from ${dividends[0]!.date}: bars before it keep the provider's adjustment for any dividend not recorded`);
  }
  if (basis === 'as-traded' && !asTradedKnown) {
    exact = false;
    notes.push('the provider adjusted these prices for dividends and no dividends are recorded, so they are not as traded: record the dividends to undo the adjustment');
  }

  // 2. Split-adjusted.
  if (basis !== 'as-traded') for (const s of splits) scaleBefore(writable(), s.k, 1 / s.ratio!);

  // 3. Total return.
  let appliedDividends = providerAdjusted && asTradedKnown ? dividends.length : 0;
  if (basis === 'total-return') {
    if (dividends.length > 0 && asTradedKnown) {
      // The as-traded close before each ex-date is the split-adjusted one times the later splits' ratios.
      for (const d of dividends) {
        let later = 1;
        for (const s of splits) if (s.k >= d.k) later *= s.ratio!;
        const before = cols.c[d.k - 1]! * later;
        scaleBefore(writable(), d.k, 1 - d.amount! / before, false);
      }
      appliedDividends = dividends.length;
    } else if (providerAdjusted) {
      notes.push('the provider already adjusted these prices for dividends');
      appliedDividends = 0;
    } else {
      let withAdj = 0;
      for (let i = 0; i < n; i++) if (Number.isFinite(bars.adjClose[i]!)) withAdj++;
      if (withAdj > 0) {
        // The file's Adj Close already carries every split and dividend: scale OHLC to it.
        writable();
        for (let i = 0; i < n; i++) {
          const a = bars.adjClose[i]!;
          if (!Number.isFinite(a)) continue;
          const f = a / bars.close[i]!;
          cols.o[i] = bars.open[i]! * f;
          cols.h[i] = bars.high[i]! * f;
          cols.l[i] = bars.low[i]! * f;
          cols.c[i] = a;
        }
        notes.push(`dividends from the file's Adj Close${withAdj < n ? ` (${n - withAdj} of ${n} bars have none and keep their price)` : ''}`);
      } else {
        exact = false;
        notes.push('no dividends recorded and no Adj Close: total return = price return');
      }
    }
  } else if (basis === 'split-adjusted' && providerAdjusted && !asTradedKnown) {
    notes.push('the provider already adjusted these prices for dividends');
  }
  if (basis === 'as-traded' && splits.length) {
    notes.push(`as traded across ${splits.length === 1 ? 'a split' : `${splits.length} splits`} (${splits.map((s) => s.date).join(', ')}): prices before and after do not compare`);
  }
  const applied = { splits: splits.length, dividends: appliedDividends };
  return {
    ticker: bars.ticker,
    dates: bars.dates,
    open: cols.o,
    high: cols.h,
    low: cols.l,
    close: cols.c,
    volume: cols.v,
    basis,
    basisInfo: { requested: basis, exact, providerAdjusted, applied, note: notes.length ? notes.join('; ') : null },
    calendar: pricing.calendar === undefined ? 'NYSE' : pricing.calendar,
  };
}
