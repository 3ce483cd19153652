import type { MetricsPanel } from '../../shared/analytics';
import type { BarColumns, PriceBasis, TradingDate } from '../../shared/domain';
import { NO_PRICING, priceBars, type PricedBars, type Pricing } from './basis';
import {
  allTimeHigh,
  averageVolume,
  closeAt,
  closeToClose,
  ema,
  maxDrawdown,
  openToClose,
  periodHigh,
  periodLow,
  range52w,
  sincePriorClose,
  sma,
  start52w,
  volatility,
} from './stats';
import { resolveWindow } from './window';

/** What a panel needs besides the bars. */
export interface PanelOptions {
  from: TradingDate;
  to: TradingDate;
  basis: PriceBasis;
  /** The provider's adjustment and the ticker's corporate actions (none known: prices as traded). */
  pricing?: Pricing;
}

/**
 * A ticker's full metrics panel for a window. `bars` must hold the ticker's history up to at least `to`
 * (SMA(200), the 52-week range and the all-time high look back before the window); bars after `to` are
 * ignored. Point-in-time figures (close, SMAs, EMA, 52-week range, all-time high) are taken at the
 * window's last bar.
 */
export function computePanel(bars: BarColumns, opts: PanelOptions): MetricsPanel {
  const p = priceBars(bars, opts.basis, opts.pricing ?? NO_PRICING);
  const { window, start, end } = resolveWindow(p.dates, opts.from, opts.to, p.calendar);
  const gap = window.missingCount ? [`${window.missingCount} trading day(s) missing in the window`] : [];
  const vol = volatility(p, start, end, gap);
  const r52 = range52w(p, end);
  const panel: MetricsPanel = {
    ticker: bars.ticker,
    basis: opts.basis,
    basisInfo: p.basisInfo,
    window,
    openToClose: openToClose(p, start, end, gap),
    closeToClose: closeToClose(p, start, end, gap),
    sincePriorClose: sincePriorClose(p, start, end, gap),
    dailyVolatility: vol.daily,
    annualizedVolatility: vol.annualized,
    averageVolume: averageVolume(p, start, end, gap),
    close: closeAt(p, end),
    sma20: sma(p, end, 20),
    sma50: sma(p, end, 50),
    sma200: sma(p, end, 200),
    ema20: ema(p, end, 20),
    ema50: ema(p, end, 50),
    ema200: ema(p, end, 200),
    periodHigh: periodHigh(p, start, end),
    periodLow: periodLow(p, start, end),
    allTimeHigh: allTimeHigh(p, end),
    high52w: r52.high,
    low52w: r52.low,
    distanceFromHigh52w: r52.fromHigh,
    distanceFromLow52w: r52.fromLow,
    maxDrawdown: maxDrawdown(p, start, end),
  };
  markCloseOnly(panel, p, start, end);
  return panel;
}

/** True when no bar in [start, end) has a finite value in the column. */
function noneIn(col: Float64Array, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (Number.isFinite(col[i]!)) return false;
  return true;
}

/**
 * A close-only series (index levels, NAVs, a date + value file) has no open, high or low: the figures
 * that need them are unavailable, and say why instead of just showing nothing.
 */
function markCloseOnly(panel: MetricsPanel, p: PricedBars, start: number, end: number): void {
  if (end <= start) return;
  const from52 = start52w(p, end);
  const why = (what: string): string => `needs daily ${what}: ${p.ticker} has closes only here (a close-only series)`;
  if (noneIn(p.open, start, end)) panel.openToClose.notes.push(why('opens'));
  if (noneIn(p.high, start, end)) panel.periodHigh.notes.push(why('highs'));
  if (noneIn(p.low, start, end)) panel.periodLow.notes.push(why('lows'));
  if (noneIn(p.high, 0, end)) panel.allTimeHigh.notes.push(why('highs'));
  if (noneIn(p.high, from52, end)) {
    panel.high52w.notes.push(why('highs'));
    panel.distanceFromHigh52w.notes.push(why('highs'));
  }
  if (noneIn(p.low, from52, end)) {
    panel.low52w.notes.push(why('lows'));
    panel.distanceFromLow52w.notes.push(why('lows'));
  }
}

/** The flat figures the CLI `metrics` command prints (fractions, not percent). */
export interface FlatMetrics {
  ticker: string;
  from: TradingDate;
  to: TradingDate;
  firstDate: TradingDate | null;
  lastDate: TradingDate | null;
  bars: number;
  basis: PriceBasis;
  openToClose: number | null;
  closeToClose: number | null;
  sincePriorClose: number | null;
  dailyVolatility: number | null;
  annualizedVolatility: number | null;
  averageVolume: number | null;
  close: number | null;
  sma20: number | null;
  sma50: number | null;
  sma200: number | null;
  periodHigh: number | null;
  periodHighDate: TradingDate | null;
  periodLow: number | null;
  periodLowDate: TradingDate | null;
  allTimeHigh: number | null;
  allTimeHighDate: TradingDate | null;
  high52w: number | null;
  low52w: number | null;
  maxDrawdown: number | null;
  missingCount: number;
  /** The first 20 of them. */
  missingDays: TradingDate[];
}

/** Flattens a panel to the keys `metrics` prints, in the order the issue lists them. */
export function flattenPanel(m: MetricsPanel): FlatMetrics {
  return {
    ticker: m.ticker,
    from: m.window.from,
    to: m.window.to,
    firstDate: m.window.firstDate,
    lastDate: m.window.lastDate,
    bars: m.window.bars,
    basis: m.basis,
    openToClose: m.openToClose.value,
    closeToClose: m.closeToClose.value,
    sincePriorClose: m.sincePriorClose.value,
    dailyVolatility: m.dailyVolatility.value,
    annualizedVolatility: m.annualizedVolatility.value,
    averageVolume: m.averageVolume.value,
    close: m.close.value,
    sma20: m.sma20.value,
    sma50: m.sma50.value,
    sma200: m.sma200.value,
    periodHigh: m.periodHigh.value,
    periodHighDate: m.periodHigh.date ?? null,
    periodLow: m.periodLow.value,
    periodLowDate: m.periodLow.date ?? null,
    allTimeHigh: m.allTimeHigh.value,
    allTimeHighDate: m.allTimeHigh.date ?? null,
    high52w: m.high52w.value,
    low52w: m.low52w.value,
    maxDrawdown: m.maxDrawdown.value,
    missingCount: m.window.missingCount,
    missingDays: m.window.missingDays,
  };
}
