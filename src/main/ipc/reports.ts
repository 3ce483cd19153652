import type { noteChannels } from '../../shared/contract/notes';
import type { reportChannels } from '../../shared/contract/reports';
import type { sampleChannels } from '../../shared/contract/sample';
import type { searchChannels } from '../../shared/contract/search';
import { DomainError } from '../errors';
import type { DomainHandlers } from './handle';

// Placeholder until the reports core lands (issue 9): every channel answers UNSUPPORTED.
const pending = (): never => {
  throw new DomainError('UNSUPPORTED', 'reports are not built yet');
};

/** Handlers of the reports, notes, search and sample domains (to be split per domain by the reports core). */
export const reportHandlers: DomainHandlers<
  keyof typeof reportChannels | keyof typeof noteChannels | keyof typeof searchChannels | keyof typeof sampleChannels
> = {
  'reports:list': pending,
  'reports:facets': pending,
  'reports:get': pending,
  'reports:create': pending,
  'reports:update': pending,
  'reports:duplicate': pending,
  'reports:delete': pending,
  'reports:restore': pending,
  'reports:purge': pending,
  'reports:related': pending,
  'reports:fromText': pending,
  'reports:exportMarkdown': pending,
  'reports:importMarkdown': pending,
  'notes:list': pending,
  'notes:create': pending,
  'notes:update': pending,
  'notes:delete': pending,
  'notes:versions': pending,
  'notes:restore': pending,
  'notes:markers': pending,
  'search:query': pending,
  'sample:status': pending,
  'sample:remove': pending,
};
