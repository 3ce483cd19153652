import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readBarRows, readBarsColumnar, refreshTickerTotals } from '../../../src/main/archive/repository';
import { readPacked } from '../../../src/main/archive/packed';
import { maintainPackedFile, packedFilePath, readPackedRecord } from '../../../src/main/archive/packed-file';
import { openArchive, type Db } from '../../../src/main/db/open';
import { migrations } from '../../../src/main/db/migrations/index';
import { processFile } from '../../../src/main/import/import-file';
import type { BarColumns } from '../../../src/shared/domain';
import { freshArchive } from '../../helpers/archive';

// Real bars: an excerpt of Stooq's XLI file (see tests/fixtures/import/README.md).
const XLI = path.join(__dirname, '../../fixtures/import/real/stooq/xli.us.txt');
const cleanups: Array<() => void> = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

function archive(): { db: Db; file: string } {
  const a = freshArchive();
  cleanups.push(a.cleanup);
  return a;
}

const plain = (b: BarColumns) => ({
  dates: b.dates,
  ...Object.fromEntries((['open', 'high', 'low', 'close', 'adjClose', 'volume'] as const).map((k) => [k, Array.from(b[k])])),
});

/** Three tickers of made-up but plausible bars, in one Yahoo-style file. */
function file(bump = 0): string {
  const out = ['Ticker,Date,Open,High,Low,Close,Adj Close,Volume'];
  for (const [k, t] of ['AAA', 'BBB', 'CCC'].entries()) {
    for (let d = 0; d < 300; d++) {
      const day = new Date(Date.UTC(2024, 0, 1) + d * 86_400_000);
      if (day.getUTCDay() === 0 || day.getUTCDay() === 6) continue;
      // CCC's prices are thirds, which no i32 of hundredths to millionths holds: stored as f64.
      const c = t === 'CCC' ? String(40 + (d % 17) / 3 + bump) : (40 + k * 10 + (d % 17) * 0.25 + bump).toFixed(2);
      out.push(`${t},${day.toISOString().slice(0, 10)},${c},${c},${c},${c},${c},${1000 + d}`);
    }
  }
  return out.join('\n') + '\n';
}

const TICKERS = ['AAA', 'BBB', 'CCC'];
const places = (db: Db) => db.prepare('SELECT ticker, at, len, tag FROM packed_places ORDER BY ticker').all();

function expectReadsEqualRows(db: Db): void {
  for (const t of TICKERS) expect(plain(readPacked(db, t)!), t).toEqual(plain(readBarRows(db, t)));
}

describe('the packed file', () => {
  it('holds every copy an import writes, and reads give back the rows', () => {
    const { db, file: dbFile } = archive();
    expect(fs.existsSync(`${dbFile}-packed`)).toBe(false);
    processFile(db, { name: 'a.csv', text: file() }, {}, 'import');
    expect(packedFilePath(db)).toBe(`${fs.realpathSync(dbFile)}-packed`);
    expect(places(db)).toHaveLength(3);
    for (const t of TICKERS) {
      const record = readPackedRecord(db, t);
      expect(record, t).not.toBeNull();
      // The very bytes of the transactional copy.
      expect(Buffer.from(record!).equals(db.prepare('SELECT data FROM bar_columns WHERE ticker = ?').pluck().get(t) as Buffer)).toBe(true);
    }
    expectReadsEqualRows(db);
    // A window of a read from the file outlives the next read (its arrays are its own), for scaled
    // columns (AAA) and f64 ones (CCC) alike.
    for (const t of ['AAA', 'CCC']) {
      const first = readBarsColumnar(db, t, '2024-03-01', '2024-03-29');
      const copy = plain(first);
      readBarsColumnar(db, 'BBB');
      expect(plain(first), t).toEqual(copy);
      expect(copy, t).toEqual(plain(readBarRows(db, t, '2024-03-01', '2024-03-29')));
    }
    expect(readBarRows(db, 'CCC').close[1]).toBe(40 + 1 / 3);
    // Through a scratch the arrays are reused read after read, and each read is still right.
    const scratch = {};
    for (const t of ['CCC', 'AAA', 'CCC', 'BBB']) expect(plain(readBarsColumnar(db, t, undefined, undefined, scratch)), t).toEqual(plain(readBarRows(db, t)));
  });

  it('a replacement appends the new copy and forgets the old place; a rolled-back write leaves the places as they were', () => {
    const { db, file: dbFile } = archive();
    processFile(db, { name: 'a.csv', text: file() }, {}, 'import');
    const before = places(db);
    const size = fs.statSync(`${dbFile}-packed`).size;
    processFile(db, { name: 'b.csv', text: file(1) }, { onConflict: 'replace' }, 'import');
    const after = places(db) as Array<{ at: number }>;
    expect(after.every((p) => p.at >= size)).toBe(true);
    expectReadsEqualRows(db);
    const kept = places(db);
    expect(() =>
      db.transaction(() => {
        db.prepare("UPDATE bars SET close = close * 2 WHERE ticker = 'AAA'").run();
        refreshTickerTotals(db, ['AAA']);
        throw new Error('rolled back');
      })(),
    ).toThrow('rolled back');
    expect(places(db)).toEqual(kept);
    expect(before).not.toEqual(kept);
    expectReadsEqualRows(db);
  });

  it('a lost, damaged or foreign file is never read for a ticker: reads fall back to the archive, and opening writes it anew', () => {
    const { db, file: dbFile } = archive();
    processFile(db, { name: 'a.csv', text: file() }, {}, 'import');
    const packed = `${dbFile}-packed`;
    const at = (places(db) as Array<{ ticker: string; at: number }>).find((p) => p.ticker === 'BBB')!.at;

    // Damaged: BBB's record header is overwritten; AAA and CCC are still read from the file.
    const fd = fs.openSync(packed, 'r+');
    fs.writeSync(fd, Buffer.alloc(16, 0xff), 0, 16, at);
    fs.closeSync(fd);
    expect(readPackedRecord(db, 'BBB')).toBeNull();
    expect(readPackedRecord(db, 'AAA')).not.toBeNull();
    expectReadsEqualRows(db);

    // Foreign: another archive's file in its place (same layout, other tags and id).
    const other = archive();
    processFile(other.db, { name: 'b.csv', text: file(5) }, {}, 'import');
    other.db.close();
    fs.copyFileSync(`${other.file}-packed`, packed);
    for (const t of TICKERS) expect(readPackedRecord(db, t), t).toBeNull();
    expectReadsEqualRows(db);
    db.close();
    const reopened = openArchive(dbFile).db;
    cleanups.push(() => reopened.close());
    for (const t of TICKERS) expect(readPackedRecord(reopened, t), t).not.toBeNull();
    expectReadsEqualRows(reopened);

    // Lost: a connection opened without writing finds no record and reads the archive's copies;
    // opening for writing writes the file again.
    fs.rmSync(packed);
    const reader = openArchive(dbFile, { readonly: true }).db;
    cleanups.push(() => reader.close());
    for (const t of TICKERS) expect(readPackedRecord(reader, t), t).toBeNull();
    expectReadsEqualRows(reader);
    expect(maintainPackedFile(reopened)).toMatchObject({ copies: 3, rewritten: true });
    for (const t of TICKERS) expect(readPackedRecord(reader, t), t).not.toBeNull();
    for (const t of TICKERS) expect(readPackedRecord(reopened, t), t).not.toBeNull();
    expect(maintainPackedFile(reopened).rewritten).toBe(false);
  });

  it('a rewrite by another connection is noticed by a reader holding the old file, which then reads the new one', () => {
    const { db, file: dbFile } = archive();
    processFile(db, { name: 'a.csv', text: file() }, {}, 'import');
    expect(readPackedRecord(db, 'AAA')).not.toBeNull();
    const other = openArchive(dbFile).db;
    cleanups.push(() => other.close());
    processFile(other, { name: 'b.csv', text: file(2) }, { onConflict: 'replace' }, 'import');
    const grown = fs.statSync(`${dbFile}-packed`).size;
    const state = maintainPackedFile(other, { force: true });
    expect(state.rewritten).toBe(true);
    expect(state.fileBytes).toBeLessThan(grown);
    // The first read after the rewrite finds its old file wrong and falls back; the next opens the new one.
    expectReadsEqualRows(db);
    for (const t of TICKERS) expect(readPackedRecord(db, t), t).not.toBeNull();
    expect(plain(readPacked(db, 'CCC')!)).toEqual(plain(readBarRows(other, 'CCC')));
  });

  it('superseded records are written away after a write, never at opening', () => {
    const { db, file: dbFile } = archive();
    processFile(db, { name: 'a.csv', text: file() }, {}, 'import');
    const live = fs.statSync(`${dbFile}-packed`).size;
    for (const bump of [1, 2, 3]) processFile(db, { name: `r${bump}.csv`, text: file(bump) }, { onConflict: 'replace' }, 'import');
    const grown = fs.statSync(`${dbFile}-packed`).size;
    // Under 64 MB of superseded records the imports let them be.
    expect(grown).toBeGreaterThan(3.5 * live);
    expect(maintainPackedFile(db, { slack: 0 }).rewritten).toBe(false);
    const state = maintainPackedFile(db, { compact: true, slack: 0 });
    expect(state).toMatchObject({ rewritten: true, copies: 3, placed: 3 });
    expect(state.fileBytes).toBeLessThan(1.1 * live);
    expect(maintainPackedFile(db, { compact: true, slack: 0 }).rewritten).toBe(false);
    expectReadsEqualRows(db);
    for (const t of TICKERS) expect(readPackedRecord(db, t), t).not.toBeNull();
  });

  it('a connection to an archive of an older schema (no packed_places) reads its copies from the archive', () => {
    const { db, file: dbFile } = archive();
    processFile(db, { name: 'a.csv', text: file() }, {}, 'import');
    db.exec('DROP TABLE packed_places');
    db.pragma('user_version = 9');
    db.close();
    const old = openArchive(dbFile, { readonly: true, migrations: migrations.filter((m) => m.version <= 9) }).db;
    cleanups.push(() => old.close());
    expectReadsEqualRows(old);
    expect(maintainPackedFile(old).rewritten).toBe(false);
  });

  it('an in-memory archive has no packed file and reads its copies from the archive', () => {
    const { db } = openArchive(':memory:');
    cleanups.push(() => db.close());
    expect(processFile(db, { path: XLI }, {}, 'import').status).toBe('imported');
    expect(packedFilePath(db)).toBeNull();
    expect(places(db)).toHaveLength(0);
    const t = db.prepare('SELECT symbol FROM tickers').pluck().get() as string;
    expect(plain(readPacked(db, t)!)).toEqual(plain(readBarRows(db, t)));
  });
});
