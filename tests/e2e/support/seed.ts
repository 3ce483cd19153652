import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { refreshTickerTotals } from '../../../src/main/archive/repository';
import { openArchive } from '../../../src/main/db/open';
import { repoRoot } from './host';

/**
 * Seeds an archive with the classic-Yahoo excerpts in tests/fixtures/e2e by plain SQL, for tests of
 * screens that only read the archive (the importer has its own tests and its own e2e test).
 */
export function seedYahooExcerpts(dbPath: string, files = ['SPY.csv', 'XLU.csv']): void {
  openArchive(dbPath).db.close();
  const db = new Database(dbPath);
  const insert = db.prepare('INSERT INTO bars(ticker, date, open, high, low, close, adj_close, volume) VALUES (?,?,?,?,?,?,?,?)');
  db.transaction(() => {
    for (const file of files) {
      const ticker = path.basename(file, '.csv');
      db.prepare('INSERT INTO tickers(symbol) VALUES (?)').run(ticker);
      const lines = fs.readFileSync(path.join(repoRoot, 'tests/fixtures/e2e', file), 'utf8').trim().split(/\r?\n/).slice(1);
      for (const line of lines) {
        const [date, o, h, l, c, adj, v] = line.split(',');
        insert.run(ticker, date, +o!, +h!, +l!, +c!, +adj!, +v!);
      }
    }
    // The running totals the Overview reads, as an import keeps them.
    refreshTickerTotals(db, files.map((f) => path.basename(f, '.csv')));
  })();
  db.close();
}
