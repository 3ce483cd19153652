/** Types of the watchlist domain. */
import type { TradingDate } from './domain';

/** The report a watchlist was formed from: its window and as-of date drive the chart's preset and marker. */
export interface WatchlistReport {
  id: number;
  slug: string;
  title: string;
  asOf: TradingDate;
  windowFrom: TradingDate | null;
  windowTo: TradingDate | null;
}

/** A watchlist with its tickers in the user's order; `report` is set for a report's watchlist. */
export interface Watchlist {
  id: number;
  name: string;
  position: number;
  report: WatchlistReport | null;
  tickers: string[];
}

/** One completion candidate for the add-ticker box: a ticker the archive holds. */
export interface TickerCompletion {
  symbol: string;
  name: string | null;
  bars: number;
  lastDate: TradingDate | null;
}
