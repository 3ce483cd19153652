import type { settingsChannels } from '../../shared/contract/settings';
import type { DomainHandlers } from './handle';

/** Handlers of the settings domain. */
export const settingsHandlers: DomainHandlers<keyof typeof settingsChannels> = {
  'settings:get': (_input, { core }) => core.settings.ui(),
  'settings:set': (patch, { core }) => core.settings.updateUi(patch),
};
