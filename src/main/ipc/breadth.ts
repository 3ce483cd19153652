import type { breadthChannels } from '../../shared/contract/breadth';
import { breadthOf } from '../breadth/service';
import type { DomainHandlers } from './handle';

/** Handlers of the breadth domain (reads only). */
export const breadthHandlers: DomainHandlers<keyof typeof breadthChannels> = {
  'breadth:series': (input, { core }) => breadthOf(core.db, input),
};
