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

/** Handlers of the watchlist domain; every write waits its turn in the core's write queue. */
export const watchlistHandlers: DomainHandlers<keyof typeof watchlistChannels> = {
  'watchlists:list': (_input, { core }) => listWatchlists(core.db),
  'watchlists:create': ({ name, tickers }, { core }) => core.writes.run(() => createWatchlist(core.db, name, tickers)),
  'watchlists:rename': ({ id, name }, { core }) => core.writes.run(() => renameWatchlist(core.db, id, name)),
  'watchlists:reorder': ({ ids }, { core }) => core.writes.run(() => reorderWatchlists(core.db, ids)),
  'watchlists:reorderItems': ({ id, tickers }, { core }) => core.writes.run(() => reorderItems(core.db, id, tickers)),
  'watchlists:delete': ({ id }, { core }) => core.writes.run(() => deleteWatchlist(core.db, id)),
  'watchlists:addTicker': ({ id, ticker }, { core }) => core.writes.run(() => addTicker(core.db, id, ticker)),
  'watchlists:removeTicker': ({ id, ticker }, { core }) => core.writes.run(() => removeTicker(core.db, id, ticker)),
  'watchlists:complete': ({ query, limit }, { core }) => completeTicker(core.db, query, limit),
  'watchlists:fromReport': ({ reportId }, { core }) => core.writes.run(() => formReportWatchlist(core.db, reportId)),
};
