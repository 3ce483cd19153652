/**
 * Domain types shared by every process. No electron, no node:* imports here.
 */

/** What a ticker symbol may look like once upper-cased: `SPY`, `^GSPC`, `BRK.B`, `ES=F`. */
export const TICKER_PATTERN = /^[A-Z0-9^][A-Z0-9^.\-=_]*$/;

/** A trading date as stored in the archive: `YYYY-MM-DD`, never a JS Date. */
export type TradingDate = string & { readonly __brand?: 'TradingDate' };

/**
 * Every price basis, once, computed by Breadth from the bars and the ticker's corporate actions:
 * - `as-traded`: the prices at which the shares traded on each day (a provider's adjustment undone);
 * - `split-adjusted`: as traded, with the bars before each split divided by its ratio (volume multiplied):
 *   the price series every chart shows, and price returns;
 * - `total-return`: split-adjusted, with every dividend reinvested on its ex-date (the bars before it
 *   scaled by 1 − dividend / previous close, as a provider's Adj Close).
 */
export const PRICE_BASES = ['as-traded', 'split-adjusted', 'total-return'] as const;
/** The basis figures use unless asked otherwise. */
export const DEFAULT_BASIS: PriceBasis = 'split-adjusted';
/** How each basis reads in a sentence. */
export const BASIS_LABELS: Record<PriceBasis, string> = {
  'as-traded': 'as traded',
  'split-adjusted': 'split-adjusted',
  'total-return': 'total return',
};
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
