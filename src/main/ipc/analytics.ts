import type { analyticsChannels } from '../../shared/contract/analytics';
import { addDays } from '../../shared/calendar';
import { archiveInfo } from '../archive/repository';
import type { DomainHandlers } from './handle';

/** Handlers of the analytics domain: figures computed from the archive, off the main thread. */
export const analyticsHandlers: DomainHandlers<keyof typeof analyticsChannels> = {
  'analytics:get': (q, { core }) => core.analytics.run('get', q),
  'analytics:panel': (q, { core }) => core.analytics.run('panel', q),
  'analytics:relative': (q, { core }) => core.analytics.run('relative', q),
  'analytics:group': (q, { core }) => core.analytics.run('group', q),
  // Stale is judged against the archive's newest bar, not the computer's clock (the day after it, so that
  // a ticker whose last bar is that day is fresh); an empty archive falls back to today.
  'analytics:watchlistRows': (q, { core }) => {
    const newest = archiveInfo(core.db).lastDate;
    return core.analytics.run('watchlistRows', { ...q, asOf: q.asOf ?? (newest ? addDays(newest, 1) : new Date().toISOString().slice(0, 10)) });
  },
};
