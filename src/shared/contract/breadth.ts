import { z } from 'zod';
import type { BreadthSeries } from '../breadth';
import { PRICE_BASES, DEFAULT_BASIS } from '../domain';
import { MARKET_CODES } from '../markets';
import { channel } from './define';
import { rowId, tickerSymbol, tradingDate } from './schemas';

/** A universe: a watchlist by name, a report's related tickers, a market's tickers, or up to 5,000 symbols. */
export const breadthUniverse = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('watchlist'), name: z.string().trim().min(1).max(200) }).strict(),
  z.object({ kind: z.literal('report'), id: rowId }).strict(),
  z.object({ kind: z.literal('market'), market: z.enum(MARKET_CODES) }).strict(),
  z.object({ kind: z.literal('tickers'), tickers: z.array(tickerSymbol).min(1).max(5000) }).strict(),
]);

/** Channels of the breadth domain. */
export const breadthChannels = {
  /**
   * The breadth series of a universe over `from`..`to` (every figure on one basis), with a benchmark's
   * rebased close beside the equal-weight index (NOT_FOUND for an unknown watchlist or report, a
   * market without tickers, or a benchmark without bars).
   */
  'breadth:series': channel(
    z
      .object({
        universe: breadthUniverse,
        from: tradingDate,
        to: tradingDate,
        benchmark: tickerSymbol.optional(),
        basis: z.enum(PRICE_BASES).default(DEFAULT_BASIS),
      })
      .strict()
      .refine((v) => v.from <= v.to, { message: 'from must not be after to', path: ['from'] }),
  )<BreadthSeries>(),
};
