import type { backupChannels } from '../../shared/contract/backups';
import { backupByName, listBackups } from '../backups/backup';
import { backupNow, checkArchive, restoreArchive } from '../backups/service';
import type { DomainHandlers } from './handle';

/** Handlers of the backups domain. */
export const backupHandlers: DomainHandlers<keyof typeof backupChannels> = {
  'backups:list': (_input, { core }) => (core.archivePath === ':memory:' ? [] : listBackups(core.archivePath)),
  'backups:create': (_input, { core }) => backupNow(core),
  'backups:restore': ({ name }, { core }) => restoreArchive(core, backupByName(core.archivePath, name).path),
  'backups:check': ({ whenDue }, { core }) => checkArchive(core, { whenDue: whenDue ?? false }),
};
