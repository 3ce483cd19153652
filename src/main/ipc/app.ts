import type { appChannels } from '../../shared/contract/app';
import type { DomainHandlers } from './handle';

/** Handlers of the app domain: host facts. */
export const appHandlers: DomainHandlers<keyof typeof appChannels> = {
  'app:info': (_input, { core }) => ({
    version: core.version,
    host: core.host === 'electron' ? 'electron' : 'browser',
    archivePath: core.archivePath,
    platform: process.platform,
  }),
};
