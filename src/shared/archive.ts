/** Types of the archive domain: what it holds, per ticker and in all. */
import type { TradingDate } from './domain';

/** Summary of one ticker in the archive. */
export interface TickerSummary {
  symbol: string;
  name: string | null;
  bars: number;
  firstDate: TradingDate | null;
  lastDate: TradingDate | null;
  /** True when the provider's prices were already adjusted for splits/dividends. */
  pricesAdjusted: boolean;
  /** True when the archive holds an Adj Close column for this ticker. */
  hasAdjClose: boolean;
}

/** What the archive holds, as `cli info` prints it. */
export interface ArchiveInfo {
  schemaVersion: number;
  tickers: number;
  bars: number;
  firstDate: TradingDate | null;
  lastDate: TradingDate | null;
  reports: number;
  notes: number;
}

/** One data-quality warning of an import for a ticker, shown as a chart marker. */
export interface DataIssue {
  date: TradingDate;
  kind: string;
  severity: 'warning' | 'rejected';
  reason: string;
  importId: number;
  /** 1-based line in the imported file. */
  line: number;
}
