/**
 * Domain types shared by every process. No electron, no node:* imports here.
 */

/** What a ticker symbol may look like once upper-cased: `SPY`, `^GSPC`, `BRK.B`, `ES=F`. */
export const TICKER_PATTERN = /^[A-Z0-9^][A-Z0-9^.\-=_]*$/;

/** A trading date as stored in the archive: `YYYY-MM-DD`, never a JS Date. */
export type TradingDate = string & { readonly __brand?: 'TradingDate' };

/** Every price basis, once: as the file gave them, or scaled by Adj Close / Close. */
export const PRICE_BASES = ['raw', 'adjusted'] as const;
/** Which prices a figure is computed from. */
export type PriceBasis = (typeof PRICE_BASES)[number];

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

/** Every colour theme, once. */
export const THEMES = ['light', 'dark', 'system'] as const;
/** Colour theme of the window. */
export type Theme = (typeof THEMES)[number];

/** Every top-level view of the main pane, once. */
export const VIEWS = ['overview', 'chart', 'analytics', 'imports', 'report'] as const;
/** The top-level views of the main pane. */
export type ViewName = (typeof VIEWS)[number];

/** Every stable error code, once. */
export const ERROR_CODES = [
  'INVALID_INPUT',
  'NOT_FOUND',
  'CONFLICT',
  'FORBIDDEN',
  'CANCELLED',
  'UNSUPPORTED',
  'UNAVAILABLE',
  'INTERNAL',
] as const;

/** Stable error codes the UI switches on (UNAVAILABLE: something outside Breadth it needs is missing). */
export type ErrorCode = (typeof ERROR_CODES)[number];

/** The error half of every IPC result. */
export interface ErrorInfo {
  code: ErrorCode;
  message: string;
  /** Optional structured detail (e.g. the rows of a conflict). */
  details?: unknown;
}

/** Every IPC call resolves to this envelope; nothing throws across the boundary. */
export type Result<T> = { ok: true; data: T } | { ok: false; error: ErrorInfo };
