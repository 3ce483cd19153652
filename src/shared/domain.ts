/**
 * Domain types shared by every process. No electron, no node:* imports here.
 */

/** A trading date as stored in the archive: `YYYY-MM-DD`, never a JS Date. */
export type TradingDate = string & { readonly __brand?: 'TradingDate' };

/** Which prices a figure is computed from. */
export type PriceBasis = 'raw' | 'adjusted';

/** One ticker's daily bars in columnar form (ascending dates); NaN marks a missing value. */
export interface BarColumns {
  ticker: string;
  /** Trading dates, ascending, `YYYY-MM-DD`. */
  dates: TradingDate[];
  open: Float64Array;
  high: Float64Array;
  low: Float64Array;
  close: Float64Array;
  /** Adjusted close as the file gave it; NaN where the file had none. */
  adjClose: Float64Array;
  /** Shares traded; NaN where the file had no volume. */
  volume: Float64Array;
}

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

/** Colour theme of the window. */
export type Theme = 'light' | 'dark' | 'system';

/** The top-level views of the main pane. */
export type ViewName = 'overview' | 'chart' | 'analytics' | 'imports' | 'report';

/** Stable error codes the UI switches on. */
export type ErrorCode =
  | 'INVALID_INPUT'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'FORBIDDEN'
  | 'CANCELLED'
  | 'UNSUPPORTED'
  | 'INTERNAL';

/** The error half of every IPC result. */
export interface ErrorInfo {
  code: ErrorCode;
  message: string;
  /** Optional structured detail (e.g. the rows of a conflict). */
  details?: unknown;
}

/** Every IPC call resolves to this envelope; nothing throws across the boundary. */
export type Result<T> = { ok: true; data: T } | { ok: false; error: ErrorInfo };
