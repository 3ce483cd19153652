import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { DomainError } from '../../../src/main/errors';
import { LATEST_SCHEMA_VERSION, openArchive } from '../../../src/main/db/open';
import type { Migration } from '../../../src/main/db/migrations/types';
import { migrations } from '../../../src/main/db/migrations/index';
import { tempDir } from '../../helpers/archive';

const cleanups: Array<() => void> = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

function archivePath(): string {
  const t = tempDir();
  cleanups.push(t.cleanup);
  return path.join(t.dir, 'archive.sqlite');
}

describe('openArchive', () => {
  it('creates the schema on a new file with WAL, foreign keys and a busy timeout', () => {
    const file = archivePath();
    const { db, migration } = openArchive(file);
    cleanups.push(() => db.close());
    expect(migration).toMatchObject({ from: 0, to: LATEST_SCHEMA_VERSION, backupPath: null });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map((r) => r.name);
    expect(tables).toEqual(expect.arrayContaining(['bars', 'imports', 'notes', 'reports', 'tickers', 'watchlists', 'watchlist_items']));
    const cols = (db.prepare('PRAGMA table_info(bars)').all() as { name: string; pk: number }[]);
    expect(cols.map((c) => c.name)).toEqual(['ticker', 'date', 'open', 'high', 'low', 'close', 'adj_close', 'volume', 'import_id']);
    expect(cols.filter((c) => c.pk > 0).map((c) => c.name)).toEqual(['ticker', 'date']);
  });

  it('is idempotent: reopening applies nothing and takes no backup', () => {
    const file = archivePath();
    openArchive(file).db.close();
    const { db, migration } = openArchive(file);
    db.close();
    expect(migration).toEqual({ from: LATEST_SCHEMA_VERSION, to: LATEST_SCHEMA_VERSION, applied: [], backupPath: null });
    expect(fs.readdirSync(path.dirname(file)).filter((f) => f.endsWith('.bak'))).toEqual([]);
  });

  it('backs up an existing archive before migrating it, and applies each migration once', () => {
    const file = archivePath();
    const first = openArchive(file).db;
    first.prepare("INSERT INTO tickers(symbol) VALUES ('SPY')").run();
    first.close();
    const next: Migration = { version: LATEST_SCHEMA_VERSION + 1, name: 'test', sql: 'CREATE TABLE extra (x INTEGER) STRICT;' };
    const { db, migration } = openArchive(file, { migrations: [...migrations, next] });
    db.close();
    expect(migration.applied).toEqual([next.version]);
    expect(migration.backupPath).not.toBeNull();
    const backup = new Database(migration.backupPath!, { readonly: true });
    expect(backup.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    expect(backup.prepare('SELECT symbol FROM tickers').all()).toEqual([{ symbol: 'SPY' }]);
    backup.close();
  });

  it('rolls a failing migration back whole and leaves the version where it was', () => {
    const file = archivePath();
    openArchive(file).db.close();
    const broken: Migration = { version: LATEST_SCHEMA_VERSION + 1, name: 'broken', sql: 'CREATE TABLE half (x INTEGER); SELECT * FROM no_such_table;' };
    expect(() => openArchive(file, { migrations: [...migrations, broken] })).toThrow(/Migration .* failed/);
    const db = new Database(file);
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'half'").get()).toBeUndefined();
    db.close();
  });

  it('runs a function migration (up(db)) that moves data, inside its transaction', () => {
    const file = archivePath();
    const first = openArchive(file).db;
    first.prepare("INSERT INTO tickers(symbol) VALUES ('SPY'), ('IWM')").run();
    first.close();
    const move: Migration = {
      version: LATEST_SCHEMA_VERSION + 1,
      name: 'copy symbols',
      up: (db) => {
        db.exec('CREATE TABLE symbols_copy (symbol TEXT) STRICT');
        const insert = db.prepare('INSERT INTO symbols_copy VALUES (?)');
        for (const r of db.prepare('SELECT symbol FROM tickers ORDER BY symbol').all() as { symbol: string }[]) {
          insert.run(r.symbol.toLowerCase());
        }
      },
    };
    const { db } = openArchive(file, { migrations: [...migrations, move] });
    expect(db.prepare('SELECT symbol FROM symbols_copy').all()).toEqual([{ symbol: 'iwm' }, { symbol: 'spy' }]);
    db.close();
    const failing: Migration = {
      version: LATEST_SCHEMA_VERSION + 2,
      name: 'fails half way',
      up: (d) => {
        d.exec('DELETE FROM symbols_copy');
        throw new Error('boom');
      },
    };
    expect(() => openArchive(file, { migrations: [...migrations, move, failing] })).toThrow(/Migration .* failed.*boom/);
    const again = new Database(file, { readonly: true });
    expect(again.prepare('SELECT count(*) AS n FROM symbols_copy').get()).toEqual({ n: 2 });
    again.close();
  });

  it('refuses an archive written by a newer Breadth without changing it', () => {
    const file = archivePath();
    const raw = new Database(file);
    raw.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 5}`);
    raw.close();
    const before = fs.readFileSync(file);
    let error: unknown;
    try {
      openArchive(file);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).details).toEqual({ archive: 'ARCHIVE_TOO_NEW' });
    expect((error as Error).message).toMatch(/newer version of Breadth/);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });
});
