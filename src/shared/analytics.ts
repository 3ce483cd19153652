/**
 * Result types of Breadth's analytics, shared by main (which computes them) and the renderer (which
 * shows them). Every number that crosses IPC is `number | null`: null where a figure cannot be computed
 * (too few bars, no volume, …), never NaN. Definitions live where each figure is implemented, in
 * src/main/analytics/.
 */
import type { PriceBasis, TradingDate } from './domain';

/** How a figure was computed, for the hover text: formula, bars used, basis, dates. */
export interface Provenance {
  /** The formula in words, e.g. `last.close / first.open − 1`. */
  formula: string;
  /** Number of bars the figure used. */
  bars: number;
  /** First and last bar dates the figure used (null when it used none). */
  firstDate: TradingDate | null;
  lastDate: TradingDate | null;
  /** Price basis of the inputs (volumes follow it: split-adjusted volumes are multiplied by each split's ratio). */
  basis: PriceBasis;
  /** Anything the reader must know: a gap, a basis fallback, too few bars. */
  notes: string[];
}

/** One figure: its value (null when it cannot be computed), an optional date, and how it was computed. */
export interface Figure extends Provenance {
  value: number | null;
  /** The date the value belongs to (e.g. the day of the period high), when it has one. */
  date?: TradingDate | null;
}

/** A requested window resolved against the NYSE calendar and the archive. */
export interface ResolvedWindow {
  /** The dates as asked. */
  from: TradingDate;
  to: TradingDate;
  /** The trading days they resolve to (a non-trading day resolves to the trading day before it). */
  fromTradingDay: TradingDate;
  toTradingDay: TradingDate;
  /** First and last bars of the archive inside the resolved window (null when there are none). */
  firstDate: TradingDate | null;
  lastDate: TradingDate | null;
  /** Bars inside the window. */
  bars: number;
  /** How many NYSE trading days inside the resolved window the archive lacks. */
  missingCount: number;
  /** The first of them (at most 20, ascending); `missingCount` says how many there are in all. */
  missingDays: TradingDate[];
  /** Human-readable notes: how each date resolved, gaps. */
  notes: string[];
}

/** What the basis did for this ticker. */
export interface BasisInfo {
  /** The basis asked for. */
  requested: PriceBasis;
  /**
   * False when the archive lacks what the basis needs, so the prices are in fact those of another basis
   * (as traded from a provider-adjusted file without its dividends; total return without dividends):
   * the note says which.
   */
  exact: boolean;
  /** True when the provider's OHLC were already adjusted (e.g. yfinance auto-adjust). */
  providerAdjusted: boolean;
  /** How many recorded splits and dividends the basis applied (or undid) on these bars. */
  applied: { splits: number; dividends: number };
  note: string | null;
}

/** A one-day move an import flagged as an unadjusted split, with the plain ratio nearest it. */
export interface SuspectedSplit {
  date: TradingDate;
  /** close / previous close on that day (×0.49 for XLB on 2025-11-17). */
  move: number;
  /** New shares per old share the move suggests (2 for ×0.49). */
  ratio: number;
  /** What the import said of it. */
  reason: string;
}

/** A ticker's full metrics panel for one window and basis. */
export interface MetricsPanel {
  ticker: string;
  basis: PriceBasis;
  basisInfo: BasisInfo;
  window: ResolvedWindow;
  /** Splits the import suspected up to the window's end that no recorded split explains (record one to adjust). */
  suspectedSplits?: SuspectedSplit[];
  openToClose: Figure;
  closeToClose: Figure;
  sincePriorClose: Figure;
  dailyVolatility: Figure;
  annualizedVolatility: Figure;
  averageVolume: Figure & { excludedBars: number };
  close: Figure;
  sma20: Figure;
  sma50: Figure;
  sma200: Figure;
  ema20: Figure;
  ema50: Figure;
  ema200: Figure;
  periodHigh: Figure;
  periodLow: Figure;
  allTimeHigh: Figure;
  high52w: Figure;
  low52w: Figure;
  distanceFromHigh52w: Figure;
  distanceFromLow52w: Figure;
  maxDrawdown: Figure & { peakDate: TradingDate | null; troughDate: TradingDate | null };
}

/** Names of the single figures `analytics:get` can return. */
export type MetricName = Exclude<keyof MetricsPanel, 'ticker' | 'basis' | 'basisInfo' | 'window' | 'suspectedSplits'>;

/** Every kind of period return, once. */
export const RETURN_KINDS = ['openToClose', 'closeToClose', 'sincePriorClose'] as const;
/** Which period return a comparison uses. */
export type ReturnKind = (typeof RETURN_KINDS)[number];

/** Relative performance of A against B over one window. */
export interface RelativePerformance {
  a: string;
  b: string;
  basis: PriceBasis;
  window: { a: ResolvedWindow; b: ResolvedWindow };
  returnKind: ReturnKind;
  returnA: Figure;
  returnB: Figure;
  /** returnA − returnB. */
  difference: Figure;
  /** A/B close ratio on the dates both have, rebased to 100 on the first common date. */
  ratio: { dates: TradingDate[]; values: Array<number | null> };
  correlation: Figure;
  beta: Figure;
}

/** One row of a group table. */
export interface GroupRow {
  ticker: string;
  /** The change over the window (or the day), null without bars. */
  change: Figure;
  close: number | null;
  aboveSma20: boolean | null;
  aboveSma50: boolean | null;
}

/** A group table, sorted by change (best first, tickers without a change last), with its breadth. */
export interface GroupTable {
  basis: PriceBasis;
  returnKind: ReturnKind;
  from: TradingDate;
  to: TradingDate;
  rows: GroupRow[];
  breadth: {
    tickers: number;
    aboveSma20: number;
    aboveSma50: number;
    advancers: number;
    decliners: number;
    unchanged: number;
    /** Tickers without a change (no bars in the window). */
    noData: number;
  };
}

/** One watchlist row: the figures the watchlist shows for one ticker. */
export interface WatchlistRow {
  ticker: string;
  /** False when the archive has no bars for the ticker ("no data — import a CSV"). */
  hasData: boolean;
  lastDate: TradingDate | null;
  lastClose: number | null;
  /** Last close / previous close − 1. */
  change1d: number | null;
  /** Change over the requested window (null without a window or bars). */
  changeWindow: number | null;
  /** close / SMA(20) − 1 at the last bar. */
  distanceFromSma20: number | null;
  /** close / 52-week high − 1 at the last bar. */
  distanceFromHigh52w: number | null;
  /** The last 60 closes, oldest first, for the sparkline. */
  sparkline: { dates: TradingDate[]; closes: Array<number | null> };
  /** True when the last bar is older than the last trading day before `asOf`. */
  stale: boolean;
  /** How many trading days the last bar is behind that day (0 when fresh). */
  behind: number;
}
