import type { analyticsChannels } from '../../shared/contract/analytics';
import {
  groupTable,
  metricsGet,
  metricsPanel,
  relativePerformance,
  watchlistRows,
} from '../analytics/service';
import type { DomainHandlers } from './handle';

/** Handlers of the analytics domain: figures computed from the archive. */
export const analyticsHandlers: DomainHandlers<keyof typeof analyticsChannels> = {
  'analytics:get': (q, { core }) => metricsGet(core.db, q),
  'analytics:panel': (q, { core }) => metricsPanel(core.db, q),
  'analytics:relative': (q, { core }) => relativePerformance(core.db, q),
  'analytics:group': (q, { core }) => groupTable(core.db, q),
  'analytics:watchlistRows': (q, { core }) =>
    watchlistRows(core.db, { ...q, asOf: q.asOf ?? new Date().toISOString().slice(0, 10) }),
};
