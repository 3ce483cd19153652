import { z } from 'zod';
import { BACKUP_NAME, type ArchiveCheck, type BackupInfo, type RestoreResult } from '../backups';
import { channel, event } from './define';

/** A backup's file name in the archive's backups folder; never a path. */
const backupName = z
  .string()
  .max(80)
  .regex(BACKUP_NAME, 'expected the name of a backup in the backups folder');

/** Channels of the backups domain. */
export const backupChannels = {
  /** The archive's backups, newest first. */
  'backups:list': channel(z.object({}).strict())<BackupInfo[]>(),
  /** Takes a checked backup now (kept until the analyst removes it). */
  'backups:create': channel(z.object({}).strict())<BackupInfo>(),
  /** Restores the archive from one of its backups, after backing up the archive as it is. */
  'backups:restore': channel(z.object({ name: backupName }).strict())<RestoreResult>(),
  /**
   * Checks every page of the archive (in a worker) and, when it is damaged, names the latest good backup.
   * With `whenDue`, only when the last whole check that passed is a day old or more.
   */
  'backups:check': channel(z.object({ whenDue: z.boolean().optional() }).strict())<ArchiveCheck>(),
};

/** Events of the backups domain. */
export const backupEvents = {
  /** The archive was replaced by a backup: every view reloads what it shows. */
  'backups:restored': event<{ from: string }>(),
};
