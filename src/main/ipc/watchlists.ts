import type { watchlistChannels } from '../../shared/contract/watchlists';
import {
  addTicker,
  completeTicker,
  createWatchlist,
  deleteWatchlist,
  formReportWatchlist,
  listWatchlists,
  removeTicker,
  renameWatchlist,
  reorderItems,
  reorderWatchlists,
} from '../watchlists/repository';
import type { DomainHandlers } from './handle';

/** Handlers of the watchlist domain. */
export const watchlistHandlers: DomainHandlers<keyof typeof watchlistChannels> = {
  'watchlists:list': (_input, { core }) => listWatchlists(core.db),
  'watchlists:create': ({ name, tickers }, { core }) => createWatchlist(core.db, name, tickers),
  'watchlists:rename': ({ id, name }, { core }) => renameWatchlist(core.db, id, name),
  'watchlists:reorder': ({ ids }, { core }) => reorderWatchlists(core.db, ids),
  'watchlists:reorderItems': ({ id, tickers }, { core }) => reorderItems(core.db, id, tickers),
  'watchlists:delete': ({ id }, { core }) => deleteWatchlist(core.db, id),
  'watchlists:addTicker': ({ id, ticker }, { core }) => addTicker(core.db, id, ticker),
  'watchlists:removeTicker': ({ id, ticker }, { core }) => removeTicker(core.db, id, ticker),
  'watchlists:complete': ({ query, limit }, { core }) => completeTicker(core.db, query, limit),
  'watchlists:fromReport': ({ reportId }, { core }) => formReportWatchlist(core.db, reportId),
};
