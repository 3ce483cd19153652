import { spawnSync } from 'node:child_process';
import { readPacked } from '../../../src/main/archive/packed';
import { readPackedRecord } from '../../../src/main/archive/packed-file';
import { readBarRows } from '../../../src/main/archive/repository';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { BACKUPS_KEPT } from '../../../src/shared/backups';
import {
  backupsDir,
  checkArchiveFile,
  dailyBackupDue,
  latestGoodBackup,
  listBackups,
  takeBackup,
  writeBackup,
} from '../../../src/main/backups/backup';
import { acceptRecovery, recoveryFor, recoveryText } from '../../../src/main/backups/recover';
import { backupOnQuit, checkArchive, restoreArchive } from '../../../src/main/backups/service';
import { createCore, type Core } from '../../../src/main/core';
import { MemoryStore, Settings, settingsDefaults } from '../../../src/main/settings';
import { LATEST_SCHEMA_VERSION, openArchive } from '../../../src/main/db/open';
import { createDispatcher } from '../../../src/main/ipc/handle';
import { handlers } from '../../../src/main/ipc/handlers';
import { processFile } from '../../../src/main/import/import-file';
import { tempDir } from '../../helpers/archive';
import { cli } from '../../helpers/cli';
import { freshCore } from '../../helpers/core';

const real = path.resolve(__dirname, '../../fixtures/import/real');
const cleanups: Array<() => void> = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

function coreWith(...files: string[]): Core {
  const c = freshCore();
  cleanups.push(c.cleanup);
  for (const f of files) expect(processFile(c.core.db, { path: path.join(real, f) }, {}, 'import').status).toBe('imported');
  return c.core;
}

function bars(db: Database.Database): Array<Record<string, unknown>> {
  return db.prepare('SELECT ticker, date, close, volume FROM bars ORDER BY ticker, date').all() as Array<Record<string, unknown>>;
}

function tickers(db: Database.Database): string[] {
  return (db.prepare('SELECT symbol FROM tickers WHERE bar_count > 0 ORDER BY symbol').all() as Array<{ symbol: string }>).map((r) => r.symbol);
}

/** Overwrites `pages` pages in the middle of the file with bytes that are no b-tree page. */
function damagePages(file: string, from: number, pages: number): void {
  const fd = fs.openSync(file, 'r+');
  try {
    const junk = Buffer.alloc(4096 * pages, 0xa5);
    fs.writeSync(fd, junk, 0, junk.length, 4096 * from);
  } finally {
    fs.closeSync(fd);
  }
}

function checkpoint(core: Core): void {
  core.db.pragma('wal_checkpoint(TRUNCATE)');
}

describe('backups', () => {
  it('a backup is a checked, self-contained copy in the backups folder, taken while another connection writes', async () => {
    const core = coreWith('yahoo/SPY.csv');
    const expected = bars(core.db);
    // Another connection keeps writing while the backup runs: the copy is the state at one instant.
    const other = new Database(core.archivePath);
    other.pragma('busy_timeout = 5000');
    const pending = takeBackup(core.db, core.archivePath, 'manual', LATEST_SCHEMA_VERSION);
    other.prepare("INSERT INTO tickers(symbol) VALUES ('ZZZ')").run();
    const b = await pending;
    other.close();
    expect(b.name).toMatch(/^archive-\d{8}-\d{6}-manual\.sqlite$/);
    expect(path.dirname(b.path)).toBe(backupsDir(core.archivePath));
    expect(fs.existsSync(`${b.path}-wal`)).toBe(false);
    expect(fs.readdirSync(backupsDir(core.archivePath)).filter((n) => n.endsWith('.partial'))).toEqual([]);
    const copy = new Database(b.path, { readonly: true });
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(copy.pragma('journal_mode', { simple: true })).toBe('delete');
    expect(copy.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    expect(bars(copy)).toEqual(expected);
    copy.close();
    expect(listBackups(core.archivePath).map((x) => x.name)).toEqual([b.name]);
  });

  it('rotates each reason on its own: the newest daily backups stay, manual ones are never removed', async () => {
    const core = coreWith('yahoo/SPY.csv');
    const start = Date.parse('2026-01-01T18:00:00Z');
    for (let day = 0; day < BACKUPS_KEPT.daily + 3; day++) {
      await takeBackup(core.db, core.archivePath, 'daily', LATEST_SCHEMA_VERSION, new Date(start + day * 86_400_000));
    }
    for (let i = 0; i < 9; i++) await takeBackup(core.db, core.archivePath, 'manual', LATEST_SCHEMA_VERSION, new Date(start));
    const all = listBackups(core.archivePath);
    const daily = all.filter((b) => b.reason === 'daily').map((b) => b.createdAt.slice(0, 10));
    expect(daily).toEqual(['2026-01-10', '2026-01-09', '2026-01-08', '2026-01-07', '2026-01-06', '2026-01-05', '2026-01-04']);
    // Nine in the same second get distinct names.
    expect(new Set(all.filter((b) => b.reason === 'manual').map((b) => b.name)).size).toBe(9);
  });

  it('the quit backup is taken at most once in 20 hours', async () => {
    const core = coreWith('yahoo/SPY.csv');
    const t0 = new Date('2026-03-02T17:30:00Z');
    expect(dailyBackupDue(core.archivePath, t0)).toBe(true);
    expect((await backupOnQuit(core, t0))?.reason).toBe('daily');
    expect(await backupOnQuit(core, new Date(t0.getTime() + 19 * 3600_000))).toBeNull();
    expect((await backupOnQuit(core, new Date(t0.getTime() + 21 * 3600_000)))?.reason).toBe('daily');
    expect(listBackups(core.archivePath)).toHaveLength(2);
  });

  it('restores in place while the archive is open: every connection sees the backup, and the state before is itself backed up', async () => {
    const core = coreWith('yahoo/SPY.csv');
    const spyOnly = bars(core.db);
    const backup = await takeBackup(core.db, core.archivePath, 'manual', LATEST_SCHEMA_VERSION);
    expect(processFile(core.db, { path: path.join(real, 'stooq/xli.us.txt') }, {}, 'import').status).toBe('imported');
    const withXli = bars(core.db);
    expect(tickers(core.db)).toEqual(['SPY', 'XLI']);
    const reader = new Database(core.archivePath, { readonly: true });
    const restoredEvents: unknown[] = [];
    core.events.attach((event, payload) => event === 'backups:restored' && restoredEvents.push(payload));

    const result = await restoreArchive(core, backup.path);

    expect(result.from).toBe(backup.path);
    expect(result.schema).toEqual({ from: LATEST_SCHEMA_VERSION, to: LATEST_SCHEMA_VERSION });
    expect(bars(core.db)).toEqual(spyOnly);
    expect(bars(reader)).toEqual(spyOnly);
    expect(tickers(reader)).toEqual(['SPY']);
    reader.close();
    expect(restoredEvents).toEqual([{ from: backup.path }]);
    expect(core.db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(core.db.pragma('journal_mode', { simple: true })).toBe('wal');
    // The archive as it was before the restore is a backup of its own: restoring it undoes the restore.
    expect(result.before?.reason).toBe('restore');
    // While SPY alone is restored, the analytics workers (their own connections) find no XLI.
    await expect(core.analytics.run('panel', { ticker: 'XLI', from: '2024-01-02', to: '2024-03-28', basis: 'as-traded' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await restoreArchive(core, result.before!.path);
    expect(bars(core.db)).toEqual(withXli);
    // Each ticker's packed copy is read from the packed file again, and equals its rows.
    for (const t of ['SPY', 'XLI']) {
      expect(readPackedRecord(core.db, t), t).not.toBeNull();
      expect(Array.from(readPacked(core.db, t)!.close)).toEqual(Array.from(readBarRows(core.db, t).close));
    }
    const panel = await core.analytics.run('panel', { ticker: 'XLI', from: '2024-01-02', to: '2024-03-28', basis: 'as-traded' });
    const last = core.db.prepare("SELECT close FROM bars WHERE ticker = 'XLI' AND date <= '2024-03-28' ORDER BY date DESC LIMIT 1").get() as { close: number };
    expect(panel.close.value).toBe(last.close);
  });

  it('a backup from an older schema is restored and brought up to date', async () => {
    const core = coreWith('yahoo/SPY.csv');
    const t = tempDir();
    cleanups.push(t.cleanup);
    // An archive at schema 7 (before the packed copy) with SPY's rows.
    const old = path.join(t.dir, 'old.sqlite');
    await writeBackup(core.db, old, LATEST_SCHEMA_VERSION);
    const o = new Database(old);
    o.exec('DROP TRIGGER bars_insert_stales_copy; DROP TRIGGER bars_update_stales_copy; DROP TRIGGER bars_delete_stales_copy; DROP TABLE bar_columns; DROP TABLE packed_places; DELETE FROM app_meta WHERE key = \'packed_file_id\';');
    o.pragma('user_version = 7');
    o.close();
    const expected = bars(core.db);
    expect(processFile(core.db, { path: path.join(real, 'stooq/xli.us.txt') }, {}, 'import').status).toBe('imported');
    const result = await restoreArchive(core, old);
    expect(result.schema).toEqual({ from: 7, to: LATEST_SCHEMA_VERSION });
    expect(core.db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    expect(bars(core.db)).toEqual(expected);
    expect((core.db.prepare('SELECT count(*) n FROM bar_columns').get() as { n: number }).n).toBe(1);
  });

  it('refuses a damaged backup, or a file that is no archive, and leaves the archive as it was', async () => {
    const core = coreWith('yahoo/SPY.csv');
    const before = bars(core.db);
    const b = await takeBackup(core.db, core.archivePath, 'manual', LATEST_SCHEMA_VERSION);
    const pages = fs.statSync(b.path).size / 4096;
    damagePages(b.path, Math.floor(pages / 2), 3);
    await expect(restoreArchive(core, b.path)).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining(`${b.path} is damaged`),
      details: { archive: 'ARCHIVE_CORRUPT' },
    });
    const t = tempDir();
    cleanups.push(t.cleanup);
    const other = path.join(t.dir, 'other.sqlite');
    new Database(other).exec('CREATE TABLE x(y)');
    await expect(restoreArchive(core, other)).rejects.toMatchObject({ code: 'INVALID_INPUT', message: `${other} is not a Breadth archive (it has no bars or tickers table)` });
    const text = path.join(t.dir, 'prices.csv');
    fs.copyFileSync(path.join(real, 'yahoo/SPY.csv'), text);
    await expect(restoreArchive(core, text)).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringContaining(`${text} cannot be read as an archive`) });
    expect(bars(core.db)).toEqual(before);
    // A damaged backup is passed over when the latest good one is sought.
    const good = await takeBackup(core.db, core.archivePath, 'daily', LATEST_SCHEMA_VERSION, new Date('2020-01-01T00:00:00Z'));
    expect(latestGoodBackup(core.archivePath, LATEST_SCHEMA_VERSION)).toEqual({ backup: good, skipped: [b.name] });
  });

  it('the check finds damage deep in the bars that opening cannot see, names the latest good backup, and a restore mends it', async () => {
    const first = coreWith('yahoo/SPY.csv', 'stooq/xli.us.txt');
    const expected = bars(first.db);
    const good = await takeBackup(first.db, first.archivePath, 'daily', LATEST_SCHEMA_VERSION);
    expect(await checkArchive(first)).toMatchObject({ ok: true, problems: [], latestGood: null, skipped: false });
    // Asked only if due, a day has not passed: nothing is read.
    expect(await checkArchive(first, { whenDue: true })).toMatchObject({ ok: true, skipped: true });
    const file = first.archivePath;
    checkpoint(first);
    first.close();
    const pages = fs.statSync(file).size / 4096;
    damagePages(file, Math.floor(pages / 2), 2);
    // The header and the schema are whole: the archive opens, and only the check sees the damage.
    const core = createCore({ archivePath: file, settings: new Settings(new MemoryStore(settingsDefaults)), host: 'browser', version: 'test' });
    cleanups.unshift(() => core.close());
    // Asked only if due, the check a day after the last one reads the archive and finds the damage.
    const check = await checkArchive(core, { whenDue: true, now: new Date(Date.now() + 25 * 3600_000) });
    expect(check.ok).toBe(false);
    expect(check.problems.join(' ')).toMatch(/page|btree|malformed|corrupt/i);
    expect(check.latestGood).toEqual(good);

    const mended = await restoreArchive(core, good.path);
    // The damaged state could not pass as a backup: its copy is kept aside, never offered.
    expect(mended.before).toBeNull();
    expect(mended.damagedKeptAs).toMatch(/-restore\.sqlite\.damaged$/);
    expect(fs.existsSync(mended.damagedKeptAs!)).toBe(true);
    expect(listBackups(file).map((b) => b.name)).toEqual([good.name]);
    expect(core.db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(bars(core.db)).toEqual(expected);
    expect(await checkArchive(core)).toMatchObject({ ok: true });
  });

  it('an archive that is not a database at all fails to open as damaged, and the CLI restores it keeping the damaged file', async () => {
    const core = coreWith('yahoo/SPY.csv');
    const expected = bars(core.db);
    const b = await takeBackup(core.db, core.archivePath, 'daily', LATEST_SCHEMA_VERSION);
    const file = core.archivePath;
    core.close();
    cleanups.unshift(() => undefined);
    fs.rmSync(`${file}-wal`, { force: true });
    fs.rmSync(`${file}-shm`, { force: true });
    damagePages(file, 0, 1);
    expect(() => openArchive(file)).toThrow(expect.objectContaining({ code: 'CONFLICT', details: { archive: 'ARCHIVE_CORRUPT' } }));
    const damagedBytes = fs.readFileSync(file);

    const r = await cli(['restore', '--db', file, '--from', b.path]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.json.damagedKeptAs).toMatch(/archive\.sqlite\.damaged-\d{8}-\d{6}$/);
    expect(fs.readFileSync(r.json.damagedKeptAs).equals(damagedBytes)).toBe(true);
    const { db } = openArchive(file);
    expect(bars(db)).toEqual(expected);
    db.close();
  });

  it('CLI: backup --out writes a checked copy, restore --from brings it back, bad input exits 2 naming the problem', async () => {
    const core = coreWith('yahoo/SPY.csv');
    const expected = bars(core.db);
    const file = core.archivePath;
    core.close();
    const out = path.join(path.dirname(file), 'copy.sqlite');
    const b = await cli(['backup', '--db', file, '--out', out]);
    expect(b.code).toBe(0);
    expect(b.json).toEqual({ path: out, bytes: fs.statSync(out).size, schema: LATEST_SCHEMA_VERSION, integrity: 'ok' });
    expect((await cli(['backup', '--db', file, '--out', out])).stderr).toContain(`${out} exists; pass --force to replace it`);
    expect(checkArchiveFile(out, LATEST_SCHEMA_VERSION)).toEqual({ schema: LATEST_SCHEMA_VERSION });

    const { db } = openArchive(file);
    db.prepare('DELETE FROM bars').run();
    db.close();
    const r = await cli(['restore', '--db', file, '--from', out]);
    expect(r.code).toBe(0);
    expect(r.json.before.reason).toBe('restore');
    const again = openArchive(file).db;
    expect(bars(again)).toEqual(expected);
    again.close();
    const missing = await cli(['restore', '--db', file, '--from', path.join(path.dirname(file), 'nope.sqlite')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('nope.sqlite does not exist');
    const list = await cli(['backups', '--db', file]);
    expect(list.json.map((x: { reason: string }) => x.reason)).toEqual(['restore']);
  });

  it('IPC: a restore names a backup in the folder, never a path', async () => {
    const core = coreWith('yahoo/SPY.csv');
    const dispatch = createDispatcher(handlers, core, () => true, () => undefined);
    for (const name of ['../archive.sqlite', '/etc/passwd', 'archive-20260101-000000-daily.sqlite/../../x', 'archive.sqlite']) {
      const r = await dispatch('backups:restore', { name }, { url: 'test:' });
      expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    }
    const r = await dispatch('backups:restore', { name: 'archive-20260101-000000-daily.sqlite' }, { url: 'test:' });
    expect(r).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const made = await dispatch('backups:create', {}, { url: 'test:' });
    expect(made).toMatchObject({ ok: true, data: { reason: 'manual' } });
    const listed = await dispatch('backups:list', {}, { url: 'test:' });
    expect(listed).toMatchObject({ ok: true, data: [{ reason: 'manual' }] });
  });
});

describe('a damaged archive at start-up', () => {
  async function damagedWithBackup(): Promise<{ file: string; backup: string; expected: Array<Record<string, unknown>> }> {
    const core = coreWith('yahoo/SPY.csv');
    const expected = bars(core.db);
    const b = await takeBackup(core.db, core.archivePath, 'daily', LATEST_SCHEMA_VERSION);
    const file = core.archivePath;
    core.close();
    damagePages(file, 0, 1);
    return { file, backup: b.path, expected };
  }

  it('the offer names the latest good backup; accepting it keeps the damaged file and opens the backup', async () => {
    const { file, backup, expected } = await damagedWithBackup();
    let err: unknown;
    try {
      openArchive(file);
    } catch (e) {
      err = e;
    }
    expect(recoveryFor(file, new Error('disk full'))).toBeNull();
    const r = recoveryFor(file, err)!;
    expect(r.backup?.path).toBe(backup);
    expect(recoveryText(r).message).toContain(`The latest good backup was taken`);
    expect(recoveryText(r).message).toContain(backup);
    const damaged = fs.readFileSync(file);
    const { keptAs } = acceptRecovery(r);
    expect(fs.readFileSync(keptAs!).equals(damaged)).toBe(true);
    const { db } = openArchive(file);
    expect(bars(db)).toEqual(expected);
    db.close();
  });

  it('the browser host does not crash: it exits 1 printing the command that restores the latest good backup', async () => {
    const { file, backup } = await damagedWithBackup();
    const t = tempDir();
    cleanups.push(t.cleanup);
    fs.writeFileSync(path.join(t.dir, 'index.html'), '<!doctype html>');
    const root = path.resolve(__dirname, '../../..');
    const run = spawnSync(
      process.execPath,
      ['--import', 'tsx', path.join(root, 'src/main/web/index.ts'), '--db', file, '--settings', t.dir, '--renderer', t.dir, '--port', '0', '--no-sample'],
      { cwd: root, encoding: 'utf8', timeout: 60_000 },
    );
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`The archive ${file} is damaged and cannot be opened`);
    expect(run.stderr).toContain(`To restore it: npm run cli -- restore --db "${file}" --from "${backup}"`);
  });
});
