import type { searchChannels } from '../../shared/contract/search';
import { search } from '../search/service';
import type { DomainHandlers } from './handle';

/** Handlers of the search domain. */
export const searchHandlers: DomainHandlers<keyof typeof searchChannels> = {
  'search:query': ({ query, limit }, { core }) => search(core.db, query, limit),
};
