import { z } from 'zod';
import { RETURN_KINDS, type GroupTable, type MetricName, type MetricsPanel, type RelativePerformance, type WatchlistRow } from '../analytics';
import { channel } from './define';
import { basisSchema, dateWindow, fromNotAfterTo, tickerSymbol, tradingDate, windowFields } from './schemas';

/** Which period return a comparison uses. */
export const returnKindSchema = z.enum(RETURN_KINDS);

const metricNames = [
  'openToClose',
  'closeToClose',
  'sincePriorClose',
  'dailyVolatility',
  'annualizedVolatility',
  'averageVolume',
  'close',
  'sma20',
  'sma50',
  'sma200',
  'ema20',
  'ema50',
  'ema200',
  'periodHigh',
  'periodLow',
  'allTimeHigh',
  'high52w',
  'low52w',
  'distanceFromHigh52w',
  'distanceFromLow52w',
  'maxDrawdown',
] as const satisfies readonly MetricName[];
/** Names of the single figures `analytics:get` returns. */
export const metricNameSchema = z.enum(metricNames);


/** Some figures of a ticker's panel, with the window and basis. */
export type MetricsSelection = Pick<MetricsPanel, 'ticker' | 'basis' | 'basisInfo' | 'window'> & Partial<MetricsPanel>;

/** Channels of the analytics domain: figures computed from the archive, each saying how. */
export const analyticsChannels = {
  /** Some figures of one ticker over a window (the window resolves to trading days). */
  'analytics:get': channel(
    z
      .object({ ticker: tickerSymbol, ...windowFields, basis: basisSchema, metrics: z.array(metricNameSchema).min(1).max(100) })
      .strict()
      .refine(...fromNotAfterTo),
  )<MetricsSelection>(),
  /** One ticker's full metrics panel over a window. */
  'analytics:panel': channel(
    z
      .object({ ticker: tickerSymbol, ...windowFields, basis: basisSchema })
      .strict()
      .refine(...fromNotAfterTo),
  )<MetricsPanel>(),
  /** Relative performance of A against B: return difference, rebased ratio, correlation, beta. */
  'analytics:relative': channel(
    z
      .object({
        a: tickerSymbol,
        b: tickerSymbol,
        ...windowFields,
        basis: basisSchema,
        returnKind: returnKindSchema.optional(),
      })
      .strict()
      .refine(...fromNotAfterTo),
  )<RelativePerformance>(),
  /** A group table (one date when from = to, else a window), sorted by change, with its breadth. */
  'analytics:group': channel(
    z
      .object({
        tickers: z.array(tickerSymbol).min(1).max(1000),
        ...windowFields,
        basis: basisSchema,
        returnKind: returnKindSchema.optional(),
      })
      .strict()
      .refine(...fromNotAfterTo),
  )<GroupTable>(),
  /** Watchlist rows for many tickers; `asOf` (default: the day after the archive's newest bar) decides staleness. */
  'analytics:watchlistRows': channel(
    z
      .object({
        tickers: z.array(tickerSymbol).max(5000),
        basis: basisSchema,
        asOf: tradingDate.optional(),
        window: dateWindow.optional(),
        returnKind: returnKindSchema.optional(),
      })
      .strict(),
  )<WatchlistRow[]>(),
};
