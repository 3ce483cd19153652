import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { LATEST_SCHEMA_VERSION, migrations } from './migrations/index';
import type { Migration } from './migrations/types';
import { DomainError } from '../errors';
import { takeMigrationBackup } from '../backups/backup';
import { closePackedFile, keepPackedFile, PACKED_FILE_SCHEMA } from '../archive/packed-file';

/** An open archive connection. */
export type Db = Database.Database;


/** Options for {@link openArchive}. */
export interface OpenArchiveOptions {
  /** Path of Electron's own build of better-sqlite3 (Node and Electron need different builds). */
  nativeBinding?: string;
  /** Open without writing (no migrations). */
  readonly?: boolean;
  /** Migrations to apply; tests pass their own list. */
  migrations?: readonly Migration[];
}

/** What migrating did, for logs and tests. */
export interface MigrationReport {
  from: number;
  to: number;
  applied: number[];
  /** Backup taken before migrating an existing archive, if any. */
  backupPath: string | null;
}

/**
 * Opens (creating if needed) the archive at `file`, sets the connection's pragmas and brings the
 * schema up to date. An archive written by a newer Breadth is refused rather than touched.
 */
export function openArchive(file: string, options: OpenArchiveOptions = {}): { db: Db; migration: MigrationReport } {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const db = new Database(file, {
    readonly: options.readonly ?? false,
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
  });
  // The packed file's descriptor goes with the connection (archive/packed-file.ts).
  const close = db.close.bind(db);
  db.close = () => {
    closePackedFile(db);
    return close();
  };
  try {
    db.pragma('busy_timeout = 5000');
    // Reads the header and the schema: a file that is not a database, or whose first pages are
    // damaged, fails here with SQLITE_NOTADB or SQLITE_CORRUPT.
    db.prepare('SELECT count(*) FROM sqlite_master').get();
    // Refuse a newer archive before anything (even the journal mode) touches the file.
    checkVersion(db, file, options.migrations ?? migrations);
    if (!options.readonly && file !== ':memory:') db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('synchronous = NORMAL');
    const migration = options.readonly
      ? checkVersion(db, file, options.migrations ?? migrations)
      : migrate(db, file, options.migrations ?? migrations);
    if (!options.readonly && file !== ':memory:' && migration.to >= PACKED_FILE_SCHEMA) keepPackedFile(db);
    return { db, migration };
  } catch (err) {
    db.close();
    throw asDamaged(err, file);
  }
}

/** Whether a database error means the file is damaged (or not a database at all). */
export function isDamage(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB');
}

/** A damaged archive's error as the DomainError every host recognises (details.archive = ARCHIVE_CORRUPT). */
function asDamaged(err: unknown, file: string): unknown {
  if (!isDamage(err)) return err;
  return new DomainError('CONFLICT', `The archive ${file} is damaged and cannot be opened: ${(err as Error).message}. The file was not changed.`, {
    archive: 'ARCHIVE_CORRUPT',
  });
}

function latestOf(list: readonly Migration[]): number {
  return list.length ? list[list.length - 1]!.version : 0;
}

function checkVersion(db: Db, file: string, list: readonly Migration[]): MigrationReport {
  const current = db.pragma('user_version', { simple: true }) as number;
  const latest = latestOf(list);
  if (current > latest) {
    throw new DomainError(
      'CONFLICT',
      `The archive ${file} was written by a newer version of Breadth (schema ${current}; this version reads up to ${latest}). Update Breadth to open it; the file was not changed.`,
      { archive: 'ARCHIVE_TOO_NEW' },
    );
  }
  return { from: current, to: current, applied: [], backupPath: null };
}

/**
 * Applies every migration above `PRAGMA user_version`, each in its own transaction. Before migrating
 * an archive that already has data, a checked backup goes to its backups folder.
 */
export function migrate(db: Db, file: string, list: readonly Migration[] = migrations): MigrationReport {
  const report = checkVersion(db, file, list);
  const pending = list.filter((m) => m.version > report.from);
  if (pending.length === 0) return report;
  if (report.from > 0 && file !== ':memory:') {
    report.backupPath = takeMigrationBackup(db, file, latestOf(list)).path;
  }
  for (const m of pending) {
    const apply = db.transaction(() => {
      if ('sql' in m) db.exec(m.sql);
      else m.up(db);
      db.pragma(`user_version = ${m.version}`);
    });
    try {
      apply();
    } catch (err) {
      throw new DomainError(
        'CONFLICT',
        `Migration ${m.version} (${m.name}) failed on ${file}: ${(err as Error).message}. The archive was left at schema ${report.to}.`,
        { archive: 'MIGRATION_FAILED' },
      );
    }
    report.applied.push(m.version);
    report.to = m.version;
  }
  return report;
}

export { LATEST_SCHEMA_VERSION };
