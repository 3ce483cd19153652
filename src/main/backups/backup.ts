/**
 * Backups of the archive: consistent copies taken with SQLite's online backup while the archive stays
 * open, each checked with `integrity_check` before it counts, kept in a `backups` folder beside the
 * archive and rotated per reason. Restoring copies a checked backup back into the live archive through
 * the same API, so every open connection (workers included) sees the restored data at once.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { BACKUP_NAME, BACKUP_REASONS, BACKUPS_KEPT, type BackupInfo, type BackupReason } from '../../shared/backups';
import { conflict, DomainError, invalidInput, notFound } from '../errors';
import { isDamage, type Db } from '../db/open';

/** The folder the archive's backups live in. */
export function backupsDir(archivePath: string): string {
  return path.join(path.dirname(path.resolve(archivePath)), 'backups');
}

function stampOf(date: Date): string {
  return date.toISOString().slice(0, 19).replace(/[-:]/g, '').replace('T', '-');
}

function infoOf(dir: string, name: string): BackupInfo | null {
  const m = BACKUP_NAME.exec(name);
  if (!m) return null;
  const [, day, time, , reason] = m;
  const createdAt = `${day!.slice(0, 4)}-${day!.slice(4, 6)}-${day!.slice(6)}T${time!.slice(0, 2)}:${time!.slice(2, 4)}:${time!.slice(4)}Z`;
  const file = path.join(dir, name);
  let bytes: number;
  try {
    bytes = fs.statSync(file).size;
  } catch {
    return null;
  }
  return { name, path: file, reason: reason as BackupReason, createdAt, bytes };
}

/** The archive's backups, newest first. */
export function listBackups(archivePath: string): BackupInfo[] {
  const dir = backupsDir(archivePath);
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return [];
  }
  return names
    .map((n) => infoOf(dir, n))
    .filter((b): b is BackupInfo => b !== null)
    .sort((a, b) => (a.name < b.name ? 1 : a.name > b.name ? -1 : 0));
}

/** How old a half-written copy (of a backup killed mid-way) must be before it is swept away. */
const STALE_PARTIAL_MS = 10 * 60_000;

/** Removes what killed backups left behind: `….partial` files (and their journals) older than a few minutes. */
function sweepPartials(dir: string, now: Date): void {
  for (const name of fs.readdirSync(dir)) {
    if (!/\.partial(-journal|-wal|-shm)?$/.test(name)) continue;
    const file = path.join(dir, name);
    try {
      if (now.getTime() - fs.statSync(file).mtimeMs > STALE_PARTIAL_MS) fs.rmSync(file, { force: true });
    } catch {
      // Gone already, or another process's: leave it.
    }
  }
}

/** A new, unused name in `dir` for a backup taken at `now`. */
function freshName(dir: string, reason: BackupReason, now: Date): string {
  const stamp = stampOf(now);
  for (let i = 1; ; i++) {
    const name = `archive-${stamp}${i > 1 ? `-${i}` : ''}-${reason}.sqlite`;
    if (!fs.existsSync(path.join(dir, name))) return name;
  }
}

/**
 * Checks that `file` is a whole SQLite database holding a Breadth archive: `integrity_check` answers
 * ok and the archive's tables are there. Throws a DomainError naming the file and what is wrong.
 */
export function checkArchiveFile(file: string, latestSchema: number, { breadth = true } = {}): { schema: number } {
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    const problems = (db.pragma('integrity_check(5)') as Array<{ integrity_check: string }>).map((r) => r.integrity_check);
    if (problems.length !== 1 || problems[0] !== 'ok') {
      throw new DomainError('CONFLICT', `${file} is damaged: ${problems.join('; ')}`, { archive: 'ARCHIVE_CORRUPT' });
    }
    const schema = db.pragma('user_version', { simple: true }) as number;
    const tables = new Set(
      (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as Array<{ name: string }>).map((r) => r.name),
    );
    if (breadth && (schema === 0 || !tables.has('bars') || !tables.has('tickers'))) {
      throw invalidInput(`${file} is not a Breadth archive (it has no bars or tickers table)`);
    }
    if (schema > latestSchema) {
      throw conflict(`${file} was written by a newer Breadth (schema ${schema}; this version reads up to ${latestSchema})`);
    }
    return { schema };
  } catch (err) {
    if (err instanceof DomainError) throw err;
    const code = (err as { code?: string }).code;
    if (code === 'SQLITE_CANTOPEN' || (err as NodeJS.ErrnoException).code === 'ENOENT') throw notFound(`${file} does not exist`);
    const reason = (err as Error).message;
    const what = isDamage(err) && code !== 'SQLITE_NOTADB' ? `${file} is damaged: ${reason}` : `${file} cannot be read as an archive: ${reason}`;
    throw new DomainError('CONFLICT', what, { archive: 'ARCHIVE_CORRUPT' });
  } finally {
    db?.close();
  }
}

/** Makes `file` a single self-contained file (no WAL beside it) and checks it; removes it when it fails. */
function settle(file: string, latestSchema: number, options: { breadth?: boolean; keepDamagedAs?: string } = {}): void {
  try {
    const db = new Database(file);
    try {
      db.pragma('journal_mode = DELETE');
    } finally {
      db.close();
    }
    checkArchiveFile(file, latestSchema, options);
  } catch (err) {
    if (!options.keepDamagedAs) {
      fs.rmSync(file, { force: true });
      throw err;
    }
    fs.renameSync(file, options.keepDamagedAs);
    if (!(err instanceof DomainError)) throw err;
    throw new DomainError(err.code, `${err.message} (kept as ${options.keepDamagedAs})`, {
      ...(err.details as object),
      keptAs: options.keepDamagedAs,
    });
  }
}

/**
 * Copies the open archive to `target` with SQLite's online backup (other connections keep reading and
 * writing meanwhile), then checks the copy. The copy is written beside the target and renamed into
 * place only once it passed, so `target` is either a good backup or untouched.
 */
export async function writeBackup(
  db: Db,
  target: string,
  latestSchema: number,
  options: { keepDamagedAs?: string } = {},
): Promise<void> {
  fs.mkdirSync(path.dirname(path.resolve(target)), { recursive: true });
  const partial = `${target}.partial`;
  fs.rmSync(partial, { force: true });
  try {
    // Large steps: a backup restarts whenever another connection writes between two steps.
    await db.backup(partial, { progress: () => 4096 });
  } catch (err) {
    fs.rmSync(partial, { force: true });
    throw new DomainError('CONFLICT', `The backup to ${target} failed: ${(err as Error).message}. Nothing was written.`);
  }
  settle(partial, latestSchema, options);
  fs.renameSync(partial, target);
}

/** Removes the oldest backups of `reason` beyond how many are kept; returns the names removed. */
export function rotateBackups(archivePath: string, reason: BackupReason): string[] {
  const keep = BACKUPS_KEPT[reason];
  const extra = listBackups(archivePath)
    .filter((b) => b.reason === reason)
    .slice(keep);
  for (const b of extra) fs.rmSync(b.path, { force: true });
  return extra.map((b) => b.name);
}

/** Takes a checked backup of the open archive into its backups folder and rotates that reason's backups. */
export async function takeBackup(
  db: Db,
  archivePath: string,
  reason: BackupReason,
  latestSchema: number,
  now = new Date(),
  options: { keepDamaged?: boolean } = {},
): Promise<BackupInfo> {
  const dir = backupsDir(archivePath);
  fs.mkdirSync(dir, { recursive: true });
  sweepPartials(dir, new Date());
  const name = freshName(dir, reason, now);
  // A copy that fails its check is deleted, or with keepDamaged kept as NAME.damaged (never offered for a restore).
  await writeBackup(db, path.join(dir, name), latestSchema, options.keepDamaged ? { keepDamagedAs: path.join(dir, `${name}.damaged`) } : {});
  rotateBackups(archivePath, reason);
  return infoOf(dir, name)!;
}

/**
 * The backup before a migration, taken while the archive is being opened (synchronously, so with
 * `VACUUM INTO`, which writes a transactionally consistent copy), checked and rotated like the others.
 */
export function takeMigrationBackup(db: Db, archivePath: string, latestSchema: number, now = new Date()): BackupInfo {
  const dir = backupsDir(archivePath);
  fs.mkdirSync(dir, { recursive: true });
  sweepPartials(dir, new Date());
  const name = freshName(dir, 'migration', now);
  const partial = path.join(dir, `${name}.partial`);
  fs.rmSync(partial, { force: true });
  db.prepare('VACUUM INTO ?').run(partial);
  // Whatever schema it is at: the migrations under test need not be Breadth's.
  settle(partial, latestSchema, { breadth: false });
  fs.renameSync(partial, path.join(dir, name));
  rotateBackups(archivePath, 'migration');
  return infoOf(dir, name)!;
}

/** Whether the quit-time backup is due: none of reason `daily` in the last 20 hours. */
export function dailyBackupDue(archivePath: string, now = new Date()): boolean {
  const last = listBackups(archivePath).find((b) => b.reason === 'daily');
  return !last || now.getTime() - Date.parse(last.createdAt) >= 20 * 3600_000;
}

/** The newest backup that passes its check, or null; damaged ones are skipped (and named in `skipped`). */
export function latestGoodBackup(archivePath: string, latestSchema: number): { backup: BackupInfo | null; skipped: string[] } {
  const skipped: string[] = [];
  for (const b of listBackups(archivePath)) {
    try {
      checkArchiveFile(b.path, latestSchema);
      return { backup: b, skipped };
    } catch {
      skipped.push(b.name);
    }
  }
  return { backup: null, skipped };
}

/** Finds a backup of the archive by its name (a name only: no folders, no other files). */
export function backupByName(archivePath: string, name: string): BackupInfo {
  if (!BACKUP_NAME.test(name)) throw invalidInput(`"${name}" is not the name of a Breadth backup`);
  const b = infoOf(backupsDir(archivePath), name);
  if (!b) throw notFound(`no backup named ${name} in ${backupsDir(archivePath)}`);
  return b;
}

/**
 * Copies a backup (checked by the caller with {@link checkArchiveFile}) into the open archive with the
 * online backup API: one write transaction on the archive, so a crash leaves either the old archive or
 * the restored one. The caller holds the write queue (no other write of this process may interleave)
 * and brings the schema up to date after.
 */
export async function copyIntoArchive(source: string, archivePath: string): Promise<void> {
  const from = new Database(source, { readonly: true, fileMustExist: true });
  try {
    // One step copies every page: the archive is written in a single transaction.
    await from.backup(archivePath, { progress: () => 0x7fffffff });
  } catch (err) {
    throw new DomainError('CONFLICT', `Restoring ${source} failed: ${(err as Error).message}. The archive was not changed.`);
  } finally {
    from.close();
  }
}

/**
 * Replaces an archive that cannot be opened (damaged) with a backup, at the file level: the damaged
 * file and its WAL are kept beside it as `…damaged-<stamp>` (nothing is deleted), then the checked
 * backup is copied into place. Only for an archive no process has open.
 */
export function replaceDamagedArchive(archivePath: string, source: string, latestSchema: number, now = new Date()): { keptAs: string | null } {
  checkArchiveFile(source, latestSchema);
  const keptAs = fs.existsSync(archivePath) ? `${archivePath}.damaged-${stampOf(now)}` : null;
  const incoming = `${archivePath}.restoring`;
  fs.copyFileSync(source, incoming);
  if (keptAs) {
    fs.renameSync(archivePath, keptAs);
    for (const suffix of ['-wal', '-shm']) {
      if (fs.existsSync(archivePath + suffix)) fs.renameSync(archivePath + suffix, keptAs + suffix);
    }
  }
  fs.renameSync(incoming, archivePath);
  return { keptAs };
}

/** `PRAGMA quick_check` of a connection: what the background check at start-up runs in a worker. */
export function quickCheck(db: Db): { ok: boolean; problems: string[] } {
  const rows = db.pragma('quick_check(10)') as Array<{ quick_check: string }>;
  const problems = rows.map((r) => r.quick_check).filter((p) => p !== 'ok');
  return { ok: problems.length === 0, problems };
}

export { BACKUP_REASONS };
