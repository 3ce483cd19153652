import { z } from 'zod';
import type { TickerCompletion, Watchlist } from '../watchlists';
import { channel } from './define';
import { rowId, tickerSymbol } from './schemas';

const listName = z.string().trim().min(1, 'name is empty').max(80, 'name is too long');

/** Channels of the watchlist domain. */
export const watchlistChannels = {
  /** Every watchlist in the user's order; forms the missing watchlists of reports (at the end). */
  'watchlists:list': channel(z.object({}).strict())<Watchlist[]>(),
  /** Creates a user watchlist at the end, optionally with tickers. */
  'watchlists:create': channel(
    z.object({ name: listName, tickers: z.array(tickerSymbol).max(5000).optional() }).strict(),
  )<Watchlist>(),
  /** Renames a watchlist. */
  'watchlists:rename': channel(z.object({ id: rowId, name: listName }).strict())<Watchlist>(),
  /** Puts the watchlists in the given order (every id exactly once). */
  'watchlists:reorder': channel(z.object({ ids: z.array(rowId).min(1).max(10000) }).strict())<Watchlist[]>(),
  /** Puts one watchlist's tickers in the given order (a permutation of its tickers). */
  'watchlists:reorderItems': channel(
    z.object({ id: rowId, tickers: z.array(tickerSymbol).max(5000) }).strict(),
  )<Watchlist>(),
  /** Deletes a user watchlist (a report's watchlist goes with its report: CONFLICT). */
  'watchlists:delete': channel(z.object({ id: rowId }).strict())<{ id: number }>(),
  /** Adds a ticker at the end of a watchlist (CONFLICT when it is already there). */
  'watchlists:addTicker': channel(z.object({ id: rowId, ticker: tickerSymbol }).strict())<Watchlist>(),
  /** Removes a ticker from a watchlist (NOT_FOUND when it is not there). */
  'watchlists:removeTicker': channel(z.object({ id: rowId, ticker: tickerSymbol }).strict())<Watchlist>(),
  /** Tickers of the archive matching what was typed: symbol prefix first, then symbol or name containing it. */
  'watchlists:complete': channel(
    z.object({ query: z.string().trim().max(40), limit: z.number().int().min(1).max(50).default(10) }).strict(),
  )<TickerCompletion[]>(),
  /** (Re)forms a report's watchlist from the report's related tickers. */
  'watchlists:fromReport': channel(z.object({ reportId: rowId }).strict())<Watchlist>(),
};
