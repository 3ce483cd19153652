/**
 * What the hosts do when the archive cannot be opened because it is damaged: find the latest backup
 * that passes its check and offer it. The desktop app asks in a dialog; the browser host and the CLI
 * print the command that restores it. The damaged file is always kept.
 */
import type { BackupInfo } from '../../shared/backups';
import { LATEST_SCHEMA_VERSION } from '../db/open';
import { latestGoodBackup, replaceDamagedArchive } from './backup';
import { isDamagedArchive } from './service';

/** A damaged archive and the backup that could replace it. */
export interface Recovery {
  archivePath: string;
  /** What SQLite said. */
  problem: string;
  /** The newest backup that passes its check, or null when there is none. */
  backup: BackupInfo | null;
  /** Backups passed over because they are damaged too. */
  skipped: string[];
}

/** The recovery to offer when opening failed because the archive is damaged; null for any other failure. */
export function recoveryFor(archivePath: string, err: unknown): Recovery | null {
  if (!isDamagedArchive(err)) return null;
  const { backup, skipped } = latestGoodBackup(archivePath, LATEST_SCHEMA_VERSION);
  return { archivePath, problem: (err as Error).message, backup, skipped };
}

/** The words of the offer, for a dialog or a terminal. */
export function recoveryText(r: Recovery): { title: string; message: string } {
  if (!r.backup) {
    return {
      title: 'The archive is damaged',
      message: `${r.problem}\n\nNo good backup was found${r.skipped.length ? ` (${r.skipped.length} damaged ones passed over)` : ''}. The damaged file is left as it is.`,
    };
  }
  return {
    title: 'The archive is damaged',
    message:
      `${r.problem}\n\nThe latest good backup was taken ${r.backup.createdAt.replace('T', ' ').replace('Z', ' UTC')} (${r.backup.path}). ` +
      'Restoring it keeps the damaged archive beside it; changes made since the backup are not in it.',
  };
}

/** Replaces the damaged archive with the offered backup (the damaged file is kept as `….damaged-STAMP`). */
export function acceptRecovery(r: Recovery): { keptAs: string | null } {
  if (!r.backup) throw new Error('no backup to restore');
  return replaceDamagedArchive(r.archivePath, r.backup.path, LATEST_SCHEMA_VERSION);
}
