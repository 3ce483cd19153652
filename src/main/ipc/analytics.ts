import type { analyticsChannels } from '../../shared/contract/analytics';
import type { DomainHandlers } from './handle';

/** Handlers of the analytics domain: figures computed from the archive, off the main thread. */
export const analyticsHandlers: DomainHandlers<keyof typeof analyticsChannels> = {
  'analytics:get': (q, { core }) => core.analytics.run('get', q),
  'analytics:panel': (q, { core }) => core.analytics.run('panel', q),
  'analytics:relative': (q, { core }) => core.analytics.run('relative', q),
  'analytics:group': (q, { core }) => core.analytics.run('group', q),
  'analytics:watchlistRows': (q, { core }) =>
    core.analytics.run('watchlistRows', { ...q, asOf: q.asOf ?? new Date().toISOString().slice(0, 10) }),
};
