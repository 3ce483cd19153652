/**
 * The single figures over priced bars. Every function takes index ranges into the columns (no copies)
 * and returns a `Figure` with its provenance. Definitions are stated once, here.
 */
import type { Figure } from '../../shared/analytics';
import { addDays } from '../../shared/calendar';
import type { TradingDate } from '../../shared/domain';
import type { PricedBars } from './basis';
import { figure } from './figure';
import { lowerBound } from '../../shared/sorted-dates';

/** The bars a figure used: count and first/last date of `[start, end)`. */
export function used(
  p: PricedBars,
  start: number,
  end: number,
): { bars: number; firstDate: TradingDate | null; lastDate: TradingDate | null } {
  const bars = Math.max(0, end - start);
  return { bars, firstDate: bars ? p.dates[start]! : null, lastDate: bars ? p.dates[end - 1]! : null };
}

/** openToClose = last.close / first.open − 1, over the window `[start, end)`. */
export function openToClose(p: PricedBars, start: number, end: number, notes: string[] = []): Figure {
  const v = end > start ? p.close[end - 1]! / p.open[start]! - 1 : NaN;
  return figure(v, 'last.close / first.open − 1', p.basis, used(p, start, end), notes);
}

/** closeToClose = last.close / first.close − 1, over the window `[start, end)`. */
export function closeToClose(p: PricedBars, start: number, end: number, notes: string[] = []): Figure {
  const v = end > start ? p.close[end - 1]! / p.close[start]! - 1 : NaN;
  return figure(v, 'last.close / first.close − 1', p.basis, used(p, start, end), notes);
}

/** sincePriorClose = last.close / (close of the bar before `first`) − 1; null when there is no such bar. */
export function sincePriorClose(p: PricedBars, start: number, end: number, notes: string[] = []): Figure {
  const ok = end > start && start > 0;
  const v = ok ? p.close[end - 1]! / p.close[start - 1]! - 1 : NaN;
  const n = ok ? [...notes] : [...notes, 'no bar before the window in the archive'];
  return figure(
    v,
    'last.close / (close of the bar before first) − 1',
    p.basis,
    used(p, ok ? start - 1 : start, end),
    n,
  );
}

/** Daily returns: close[i] / close[i−1] − 1 between consecutive bars inside `[start, end)` (end − start − 1 values). */
export function dailyReturns(close: Float64Array, start: number, end: number): Float64Array {
  const n = Math.max(0, end - start - 1);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = close[start + i + 1]! / close[start + i]! - 1;
  return out;
}

/** Arithmetic mean; NaN for no values. */
export function mean(xs: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < xs.length; i++) s += xs[i]!;
  return xs.length ? s / xs.length : NaN;
}

/** Sample standard deviation (divides by n − 1, two-pass); NaN for fewer than two values. */
export function sampleStd(xs: ArrayLike<number>): number {
  const n = xs.length;
  if (n < 2) return NaN;
  const m = mean(xs);
  let ss = 0;
  for (let i = 0; i < n; i++) {
    const d = xs[i]! - m;
    ss += d * d;
  }
  return Math.sqrt(ss / (n - 1));
}

/**
 * Daily volatility: the sample standard deviation (n − 1) of the window's daily close-to-close returns;
 * annualised = daily × √252.
 */
export function volatility(
  p: PricedBars,
  start: number,
  end: number,
  notes: string[] = [],
): { daily: Figure; annualized: Figure } {
  const r = dailyReturns(p.close, start, end);
  const sd = sampleStd(r);
  const n = r.length < 2 ? [...notes, `needs at least 3 bars, the window has ${end - start}`] : notes;
  const u = used(p, start, end);
  return {
    daily: figure(sd, `sample sd (n − 1) of ${r.length} daily close-to-close returns`, p.basis, u, n),
    annualized: figure(sd * Math.sqrt(252), `sample sd (n − 1) of ${r.length} daily returns × √252`, p.basis, u, n),
  };
}

/** Average volume: arithmetic mean of the window's volumes; bars without volume are excluded and counted. */
export function averageVolume(
  p: PricedBars,
  start: number,
  end: number,
  notes: string[] = [],
): Figure & { excludedBars: number } {
  let s = 0;
  let k = 0;
  for (let i = start; i < end; i++) {
    const v = p.volume[i]!;
    if (Number.isFinite(v)) {
      s += v;
      k++;
    }
  }
  const excludedBars = end - start - k;
  const n = excludedBars ? [...notes, `${excludedBars} bar(s) without volume excluded`] : notes;
  const f = figure(k ? s / k : NaN, `mean volume of ${k} bars with volume`, p.basis, used(p, start, end), n);
  return { ...f, excludedBars };
}

/** Close at the bar `end − 1` (the window's last bar). */
export function closeAt(p: PricedBars, end: number): Figure {
  const ok = end > 0;
  return figure(
    ok ? p.close[end - 1]! : NaN,
    'close of the last bar',
    p.basis,
    used(p, ok ? end - 1 : 0, end),
    [],
    ok ? p.dates[end - 1]! : null,
  );
}

/** SMA(n) at the bar `end − 1`: mean of the last n closes up to and including it; null with fewer than n bars. */
export function sma(p: PricedBars, end: number, n: number): Figure {
  const start = end - n;
  if (start < 0) {
    return figure(NaN, `mean of the last ${n} closes`, p.basis, used(p, 0, end), [
      `needs ${n} bars, the archive has ${end} up to this date`,
    ]);
  }
  let s = 0;
  for (let i = start; i < end; i++) s += p.close[i]!;
  return figure(s / n, `mean of the last ${n} closes`, p.basis, used(p, start, end), [], p.dates[end - 1]!);
}

/**
 * EMA(n) at the bar `end − 1`: ema = α·close + (1 − α)·ema(previous bar), α = 2 / (n + 1), seeded with the
 * first close in the archive (pandas `ewm(span=n, adjust=False)`); null with fewer than n bars.
 */
export function ema(p: PricedBars, end: number, n: number): Figure {
  const formula = `α·close + (1 − α)·previous EMA, α = 2/(${n}+1), seeded with the first close`;
  if (end < n)
    return figure(NaN, formula, p.basis, used(p, 0, end), [`needs ${n} bars, the archive has ${end} up to this date`]);
  const a = 2 / (n + 1);
  let e = p.close[0]!;
  for (let i = 1; i < end; i++) e = a * p.close[i]! + (1 - a) * e;
  return figure(e, formula, p.basis, used(p, 0, end), [], p.dates[end - 1]!);
}

function extreme(col: Float64Array, start: number, end: number, max: boolean): number {
  let best = -1;
  for (let i = start; i < end; i++) {
    const v = col[i]!;
    if (!Number.isFinite(v)) continue;
    if (best < 0 || (max ? v > col[best]! : v < col[best]!)) best = i;
  }
  return best;
}

/** Period high = max High in `[start, end)` with the date of its first occurrence. */
export function periodHigh(p: PricedBars, start: number, end: number, formula = 'max High in the window'): Figure {
  const i = extreme(p.high, start, end, true);
  return figure(i >= 0 ? p.high[i]! : NaN, formula, p.basis, used(p, start, end), [], i >= 0 ? p.dates[i]! : null);
}

/** Period low = min Low in `[start, end)` with the date of its first occurrence. */
export function periodLow(p: PricedBars, start: number, end: number, formula = 'min Low in the window'): Figure {
  const i = extreme(p.low, start, end, false);
  return figure(i >= 0 ? p.low[i]! : NaN, formula, p.basis, used(p, start, end), [], i >= 0 ? p.dates[i]! : null);
}

/** All-time high up to the bar `end − 1`: max High over every archived bar up to it, with its date. */
export function allTimeHigh(p: PricedBars, end: number): Figure {
  return periodHigh(p, 0, end, 'max High of every bar in the archive up to the date');
}

/** Index of the first bar of the trailing 365 calendar days ending at bar `end − 1` (dates ≥ last − 365 days). */
export function start52w(p: PricedBars, end: number): number {
  if (end <= 0) return 0;
  return lowerBound(p.dates, addDays(p.dates[end - 1]!, -365));
}

/**
 * 52-week high and low: max High and min Low over the trailing 365 calendar days ending at bar
 * `end − 1` (dates from last − 365 days to last, inclusive), and the distance of that bar's close from
 * each: close / high52w − 1 and close / low52w − 1 (fractions).
 */
export function range52w(p: PricedBars, end: number): { high: Figure; low: Figure; fromHigh: Figure; fromLow: Figure } {
  const s = start52w(p, end);
  const high = periodHigh(p, s, end, 'max High over the trailing 365 calendar days');
  const low = periodLow(p, s, end, 'min Low over the trailing 365 calendar days');
  const c = end > 0 ? p.close[end - 1]! : NaN;
  const u = used(p, s, end);
  const last = end > 0 ? p.dates[end - 1]! : null;
  return {
    high,
    low,
    fromHigh: figure(high.value === null ? NaN : c / high.value - 1, 'close / 52-week high − 1', p.basis, u, [], last),
    fromLow: figure(low.value === null ? NaN : c / low.value - 1, 'close / 52-week low − 1', p.basis, u, [], last),
  };
}

/**
 * Maximum drawdown inside `[start, end)`, close-based: min over the window of close / (running max close
 * since the window's first bar) − 1 (≤ 0), with the peak (first bar of that running max) and the trough
 * (first bar of the minimum).
 */
export function maxDrawdown(
  p: PricedBars,
  start: number,
  end: number,
): Figure & { peakDate: TradingDate | null; troughDate: TradingDate | null } {
  let peak = start;
  let bestDd = 0;
  let bestPeak = start;
  let bestTrough = start;
  for (let i = start; i < end; i++) {
    const c = p.close[i]!;
    if (c > p.close[peak]!) peak = i;
    const dd = c / p.close[peak]! - 1;
    if (dd < bestDd) {
      bestDd = dd;
      bestPeak = peak;
      bestTrough = i;
    }
  }
  const ok = end > start;
  const f = figure(ok ? bestDd : NaN, 'min of close / running max close − 1', p.basis, used(p, start, end));
  return { ...f, peakDate: ok ? p.dates[bestPeak]! : null, troughDate: ok ? p.dates[bestTrough]! : null };
}
