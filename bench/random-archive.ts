/**
 * Random-walk archives for the benchmarks, built once under `.bench/<name>/` and reused: plain SQL
 * inserts in one transaction, then the running totals and packed copies a real import would leave.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { refreshTickerTotals } from '../src/main/archive/repository';
import { openArchive } from '../src/main/db/open';
import { previousTradingDay } from '../src/shared/calendar';
import { repoRoot } from '../tests/e2e/support/host';
import { prng } from '../tests/helpers/prng';

/** What to generate. */
export interface RandomArchiveSpec {
  /** Folder name under `.bench/` (bump its version when the generator changes). */
  name: string;
  tickers: number;
  days: number;
  seed: number;
  symbol: (i: number) => string;
  /** Chance that a member has no bar on a day (breadth must count it missing). */
  skip: number;
}

/** A built archive: its file and the first and last trading day of the calendar. */
export interface RandomArchive {
  dbPath: string;
  first: string;
  last: string;
  symbols: string[];
}

/** Builds the archive (or finds it built) and brings its schema up to date, untimed. */
export function randomArchive(spec: RandomArchiveSpec): RandomArchive {
  const dir = path.join(repoRoot, '.bench', spec.name);
  const dbPath = path.join(dir, 'archive.sqlite');
  const marker = path.join(dir, 'done.json');
  const symbols = Array.from({ length: spec.tickers }, (_, t) => spec.symbol(t));
  if (!fs.existsSync(marker)) {
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(dir, { recursive: true });
    openArchive(dbPath).db.close();
    const db = new Database(dbPath);
    db.pragma('journal_mode = WAL');
    const dates: string[] = [];
    let d = '2026-01-12';
    for (let i = 0; i < spec.days; i++) dates.unshift((d = previousTradingDay(d)));
    const rand = prng(spec.seed);
    const insT = db.prepare('INSERT INTO tickers (symbol) VALUES (?)');
    const insB = db.prepare('INSERT INTO bars (ticker, date, open, high, low, close, adj_close, volume) VALUES (?,?,?,?,?,?,NULL,?)');
    db.transaction(() => {
      for (const s of symbols) {
        insT.run(s);
        let close = 20 + rand() * 200;
        for (const date of dates) {
          if (rand() < spec.skip) continue;
          const open = close * (1 + (rand() - 0.5) * 0.01);
          // Prices on a cent grid, so that unchanged days exist.
          close = Math.max(1, Math.round(close * (1 + (rand() - 0.5) * 0.04) * 100) / 100);
          insB.run(s, date, open, Math.max(open, close) * (1 + rand() * 0.01), Math.min(open, close) * (1 - rand() * 0.01), close, Math.round(1e5 + rand() * 1e7));
        }
      }
      refreshTickerTotals(db, symbols);
    })();
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    fs.writeFileSync(marker, JSON.stringify({ first: dates[0]!, last: dates.at(-1)! }));
  }
  // An archive built by an older Breadth is migrated here, not inside a timed run.
  openArchive(dbPath).db.close();
  return { dbPath, symbols, ...(JSON.parse(fs.readFileSync(marker, 'utf8')) as { first: string; last: string }) };
}
