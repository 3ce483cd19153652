import type { analyticsChannels } from '../../shared/contract/analytics';
import {
  groupTable,
  metricsGet,
  metricsPanel,
  relativePerformance,
  UnknownTickerError,
  watchlistRows,
} from '../analytics/service';
import { HandlerError, type DomainHandlers } from './handle';

/** Maps the service's unknown-ticker error to NOT_FOUND. */
function notFound<T>(run: () => T): T {
  try {
    return run();
  } catch (err) {
    if (err instanceof UnknownTickerError) throw new HandlerError('NOT_FOUND', err.message, { ticker: err.ticker });
    if (err instanceof RangeError) throw new HandlerError('INVALID_INPUT', err.message);
    throw err;
  }
}

/** Handlers of the analytics domain: figures computed from the archive. */
export const analyticsHandlers: DomainHandlers<keyof typeof analyticsChannels> = {
  'metrics:get': (q, { core }) => notFound(() => metricsGet(core.db, q)),
  'metrics:panel': (q, { core }) => notFound(() => metricsPanel(core.db, q)),
  'metrics:relative': (q, { core }) => notFound(() => relativePerformance(core.db, q)),
  'metrics:group': (q, { core }) => notFound(() => groupTable(core.db, q)),
  'metrics:watchlistRows': (q, { core }) =>
    notFound(() => watchlistRows(core.db, { ...q, asOf: q.asOf ?? new Date().toISOString().slice(0, 10) })),
};
