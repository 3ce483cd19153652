/**
 * Types of the breadth domain: how many members of a universe take part in a move, day by day —
 * advancers and decliners, the advance/decline line, up and down volume, the share above their moving
 * averages, new 52-week highs and lows, the McClellan oscillator and summation index, and an
 * equal-weight index of the universe against a benchmark.
 */
import type { PriceBasis, TradingDate } from './domain';

/** The members whose breadth is measured: a watchlist, a report's related tickers, a market, or a list. */
export type BreadthUniverse =
  | { kind: 'watchlist'; name: string }
  | { kind: 'report'; id: number }
  | { kind: 'market'; market: string }
  | { kind: 'tickers'; tickers: string[] };

/** The moving averages whose share of members above is counted. */
export const BREADTH_AVERAGES = [20, 50, 200] as const;

/** Bars in 52 weeks: a new high is the highest high of the member's last this many bars. */
export const BARS_52W = 252;

/** The smoothing of the McClellan oscillator: EMAs of net advances with α = 2 / (n + 1). */
export const MCCLELLAN = { fast: 19, slow: 39 } as const;

/** A share of members and how many it rests on (null share when none qualified). */
export interface BreadthShare {
  /** Members above, as a fraction of {@link base}; null when the base is 0. */
  share: Array<number | null>;
  /** Members counted that day: a bar that day and enough bars before it. */
  base: number[];
}

/** The breadth series of a universe over a window, one value per trading day of the window. */
export interface BreadthSeries {
  universe: {
    /** What the universe is, in words ("watchlist Sectors", "market US", "report 1"). */
    label: string;
    /** Its members, in order. */
    tickers: string[];
    /** Members without a single bar in the archive (missing every day). */
    withoutBars: string[];
  };
  basis: PriceBasis;
  from: TradingDate;
  to: TradingDate;
  /** The window's trading days: every day on which a member (or the benchmark) has a bar. */
  dates: TradingDate[];
  /** Members with a bar that day and the day before: the ones that advanced, declined or held. */
  counted: number[];
  advancers: number[];
  decliners: number[];
  unchanged: number[];
  /** Members without a bar that day or the day before: never counted as unchanged. */
  missing: number[];
  /** Cumulative net advances (advancers − decliners) from the window's first day. */
  adLine: number[];
  /** Shares traded by the advancers and by the decliners (members without volume add nothing). */
  upVolume: number[];
  downVolume: number[];
  /** Share of members closing above their own 20-, 50- and 200-day simple moving averages. */
  above: Record<`sma${(typeof BREADTH_AVERAGES)[number]}`, BreadthShare>;
  /** Members at a new 52-week high (their high the highest of their last 252 bars) or low; base: members with 252 bars. */
  newHighs: number[];
  newLows: number[];
  highLowBase: number[];
  /**
   * McClellan oscillator: EMA19 − EMA39 of net advances, the EMAs run over every day of the archive up to
   * the window's end (so the window's first values are warmed up), and the summation index, its running
   * sum from the window's first day.
   */
  mcclellan: number[];
  summation: number[];
  /** Equal-weight index of the members: 100 on the window's first day, then × (1 + mean daily return of the members counted). */
  equalWeight: number[];
  /** The benchmark's close rebased to 100 on the window's first day (null where it has no bar). */
  benchmark: { ticker: string; index: Array<number | null> } | null;
  /**
   * Days the benchmark closed at a new high of the window while the A/D line stayed below its own
   * high of the window: a rally fewer members take part in.
   */
  divergences: TradingDate[];
}
