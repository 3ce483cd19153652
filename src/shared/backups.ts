/** Why a backup of the archive was taken. */
export const BACKUP_REASONS = ['daily', 'migration', 'manual', 'restore'] as const;
/** Why a backup was taken: at quit (at most daily), before a migration, on request, before a restore. */
export type BackupReason = (typeof BACKUP_REASONS)[number];

/** A backup's file name: `archive-20261207-061502-daily.sqlite` (UTC), `-2` etc. when taken in the same second. */
export const BACKUP_NAME = /^archive-(\d{8})-(\d{6})(?:-(\d+))?-(daily|migration|manual|restore)\.sqlite$/;

/** How many backups of each reason are kept; the oldest beyond go. Manual backups are never removed. */
export const BACKUPS_KEPT: Readonly<Record<BackupReason, number>> = { daily: 7, migration: 5, manual: Infinity, restore: 5 };

/** One backup in the archive's backups folder. */
export interface BackupInfo {
  /** The file's name in the backups folder: what `backups:restore` takes. */
  name: string;
  /** Where it is, to show the analyst. */
  path: string;
  reason: BackupReason;
  /** When it was taken (ISO 8601, UTC). */
  createdAt: string;
  bytes: number;
}

/** What restoring did. */
export interface RestoreResult {
  /** The file restored from. */
  from: string;
  /** The backup of the archive as it was just before, so the restore itself can be undone (null when it was damaged). */
  before: BackupInfo | null;
  /** When the archive was damaged: where its copy was kept instead (unchecked, never offered for a restore). */
  damagedKeptAs: string | null;
  /** The restored archive's schema version before and after bringing it up to date. */
  schema: { from: number; to: number };
}

/** What the check of the whole archive found. */
export interface ArchiveCheck {
  ok: boolean;
  /** SQLite's own words for what is damaged (at most 10). */
  problems: string[];
  /** When damaged: the newest backup that passes its own check, to offer. */
  latestGood: BackupInfo | null;
  /** True when asked only if due and the archive was checked whole less than a day ago (nothing read now). */
  skipped: boolean;
  /** When the archive last passed the whole check (ISO 8601), if ever. */
  lastCheckedAt: string | null;
}

/** How often the start-up check reads the whole archive: it costs seconds on an archive of gigabytes. */
export const CHECK_EVERY_MS = 24 * 3600_000;
