import type { watchlistChannels } from '../../shared/contract/watchlists';
import type { Db } from '../db/open';
import {
  addTicker,
  completeTicker,
  createWatchlist,
  dataIssues,
  deleteWatchlist,
  formReportWatchlist,
  listWatchlists,
  removeTicker,
  renameWatchlist,
  reorderItems,
  reorderWatchlists,
  WatchlistError,
} from '../watchlists/repository';
import { HandlerError, type DomainHandlers } from './handle';

/** Runs a repository call, answering its refusals with their stable codes. */
function guard<T>(run: () => T): T {
  try {
    return run();
  } catch (err) {
    if (err instanceof WatchlistError) throw new HandlerError(err.code, err.message);
    throw err;
  }
}

const issues = (db: Db, ticker: string, from?: string, to?: string) => {
  if (from && to && from > to) throw new HandlerError('INVALID_INPUT', `from ${from} is after to ${to}`);
  return dataIssues(db, ticker, from, to);
};

/** Handlers of the watchlist domain and of the archive's per-ticker data-quality issues. */
export const watchlistHandlers: DomainHandlers<keyof typeof watchlistChannels> = {
  'watchlists:list': (_input, { core }) => listWatchlists(core.db),
  'watchlists:create': ({ name, tickers }, { core }) => createWatchlist(core.db, name, tickers),
  'watchlists:rename': ({ id, name }, { core }) => guard(() => renameWatchlist(core.db, id, name)),
  'watchlists:reorder': ({ ids }, { core }) => guard(() => reorderWatchlists(core.db, ids)),
  'watchlists:reorderItems': ({ id, tickers }, { core }) => guard(() => reorderItems(core.db, id, tickers)),
  'watchlists:delete': ({ id }, { core }) => guard(() => deleteWatchlist(core.db, id)),
  'watchlists:addTicker': ({ id, ticker }, { core }) => guard(() => addTicker(core.db, id, ticker)),
  'watchlists:removeTicker': ({ id, ticker }, { core }) => guard(() => removeTicker(core.db, id, ticker)),
  'watchlists:complete': ({ query, limit }, { core }) => completeTicker(core.db, query, limit),
  'watchlists:fromReport': ({ reportId }, { core }) => guard(() => formReportWatchlist(core.db, reportId)),
  'archive:issues': ({ ticker, from, to }, { core }) => issues(core.db, ticker, from, to),
};
