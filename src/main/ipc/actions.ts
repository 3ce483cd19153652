import type { actionChannels } from '../../shared/contract/actions';
import { addAction, listActions, removeAction } from '../actions/repository';
import type { DomainHandlers } from './handle';

/** Handlers of the corporate-actions domain; every write waits its turn in the core's write queue. */
export const actionHandlers: DomainHandlers<keyof typeof actionChannels> = {
  'actions:list': ({ ticker }, { core }) => listActions(core.db, ticker),
  'actions:add': (input, { core }) =>
    core.writes.run(() => {
      const { confirmed, ...draft } = { confirmed: false, ...input };
      return addAction(core.db, draft, confirmed ? 'confirmed' : 'manual');
    }),
  'actions:remove': ({ id }, { core }) => core.writes.run(() => removeAction(core.db, id)),
};
