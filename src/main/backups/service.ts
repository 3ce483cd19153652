/** The backups domain over the core: take, list, restore, check, and the quit-time backup. */
import { CHECK_EVERY_MS, type ArchiveCheck, type BackupInfo, type RestoreResult } from '../../shared/backups';
import type { Core } from '../core';
import { LATEST_SCHEMA_VERSION, migrate } from '../db/open';
import { conflict, DomainError } from '../errors';
import { checkArchiveFile, copyIntoArchive, dailyBackupDue, latestGoodBackup, takeBackup } from './backup';
import { keepPackedFile } from '../archive/packed-file';
import { readMeta, writeMeta } from '../db/meta';

/** Whether an error says an archive (or its copy) is damaged. */
export function isDamagedArchive(err: unknown): boolean {
  return err instanceof DomainError && (err.details as { archive?: string } | undefined)?.archive === 'ARCHIVE_CORRUPT';
}

function fileArchive(core: Core): string {
  if (core.archivePath === ':memory:') throw conflict('An in-memory archive has no backups.');
  return core.archivePath;
}

/** Takes a checked backup into the backups folder now (reason `manual`: never rotated away). */
export function backupNow(core: Core): Promise<BackupInfo> {
  return takeBackup(core.db, fileArchive(core), 'manual', LATEST_SCHEMA_VERSION);
}

/** At quit: a `daily` backup when none was taken in the last 20 hours; null when none was due. */
export async function backupOnQuit(core: Core, now = new Date()): Promise<BackupInfo | null> {
  if (core.archivePath === ':memory:' || !dailyBackupDue(core.archivePath, now)) return null;
  return takeBackup(core.db, core.archivePath, 'daily', LATEST_SCHEMA_VERSION, now);
}

/**
 * Restores the archive from a checked backup file, in place and while it stays open: first a backup of
 * the archive as it is (reason `restore`, so the restore can itself be undone), then the file's pages
 * copied into the archive in one transaction, then the schema brought up to date. Refused while an
 * import runs; the main connection's other writes wait their turn.
 */
export async function restoreArchive(core: Core, source: string): Promise<RestoreResult> {
  const archivePath = fileArchive(core);
  if (core.importJobs.importing) throw conflict('An import is running; restore once it has finished.');
  // The file is checked before anything is written: a refused restore leaves no trace.
  const { schema } = checkArchiveFile(source, LATEST_SCHEMA_VERSION);
  return core.writes.exclusive(async () => {
    let before: BackupInfo | null = null;
    let damagedKeptAs: string | null = null;
    try {
      before = await takeBackup(core.db, archivePath, 'restore', LATEST_SCHEMA_VERSION, new Date(), { keepDamaged: true });
    } catch (err) {
      // A damaged archive is what a restore mends: its copy is kept, unchecked, and the restore goes on.
      if (!isDamagedArchive(err)) throw err;
      damagedKeptAs = ((err as DomainError).details as { keptAs?: string }).keptAs ?? null;
    }
    await copyIntoArchive(source, archivePath);
    const migrated = migrate(core.db, archivePath);
    // The backup's places may point into a packed file written since: the file is checked as at opening.
    keepPackedFile(core.db);
    core.events.emit('backups:restored', { from: source });
    return { from: source, before, damagedKeptAs, schema: { from: schema, to: migrated.to } };
  });
}

const CHECKED_KEY = 'integrity_checked_at';

function lastCheckedAt(core: Core): string | null {
  try {
    return readMeta(core.db, CHECKED_KEY);
  } catch {
    return null;
  }
}

/**
 * Checks the whole archive (in a worker: it reads every page) and names the latest good backup if it
 * is damaged. With `whenDue`, reads nothing when the last check that passed is less than a day old; a
 * check that passes is remembered in the archive.
 */
export async function checkArchive(core: Core, { whenDue = false, now = new Date() }: { whenDue?: boolean; now?: Date } = {}): Promise<ArchiveCheck> {
  const last = lastCheckedAt(core);
  if (whenDue && last && now.getTime() - Date.parse(last) < CHECK_EVERY_MS) {
    return { ok: true, problems: [], latestGood: null, skipped: true, lastCheckedAt: last };
  }
  let result: { ok: boolean; problems: string[] };
  try {
    result = await core.analytics.run('integrity', {});
  } catch (err) {
    result = { ok: false, problems: [(err as Error).message] };
  }
  if (result.ok) {
    const at = now.toISOString();
    await core.writes
      .run(() => writeMeta(core.db, CHECKED_KEY, at))
      // Remembering is a convenience: a read-only or full archive is still reported as checked.
      .catch(() => undefined);
    return { ok: true, problems: [], latestGood: null, skipped: false, lastCheckedAt: at };
  }
  const latest = core.archivePath === ':memory:' ? null : latestGoodBackup(core.archivePath, LATEST_SCHEMA_VERSION).backup;
  return { ok: false, problems: result.problems, latestGood: latest, skipped: false, lastCheckedAt: last };
}
