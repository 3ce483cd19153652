import { spawnSync } from 'node:child_process';
import path from 'node:path';
import Database from 'better-sqlite3';
import { formReportWatchlist } from '../../../src/main/watchlists/repository';
import { repoRoot } from './host';

/** The real yfinance excerpts of tests/fixtures/e2e/yfinance (2025-01-02..2026-02-23). */
export const YFINANCE_EXCERPTS = ['IWM.csv', 'SPY.csv', 'XLB.csv'].map((f) => path.join(repoRoot, 'tests/fixtures/e2e/yfinance', f));

/**
 * Imports files into a fresh archive through the real CLI (`npm run cli -- import`), keeping the rows
 * the importer accepts (XLB's excerpt has one rejected row and an unadjusted-split warning).
 */
export function importWithCli(dbPath: string, files: string[] = YFINANCE_EXCERPTS): void {
  const r = spawnSync(
    path.join(repoRoot, 'node_modules/.bin/tsx'),
    [path.join(repoRoot, 'src/main/cli/index.ts'), 'import', '--db', dbPath, '--allow-rejected', ...files],
    { cwd: repoRoot, encoding: 'utf8' },
  );
  if (r.status !== 0) throw new Error(`cli import failed (${r.status}): ${r.stderr}`);
}

/** A report row as the reports issue will write them: its window, as-of date and related tickers. */
export interface ReportSeed {
  id: number;
  title: string;
  asOf: string;
  from: string;
  to: string;
  tickers: string[];
}

/** Inserts report rows by SQL and forms their watchlists, as a report's create does. */
export function insertReports(dbPath: string, reports: ReportSeed[]): void {
  const db = new Database(dbPath);
  const insert = db.prepare('INSERT INTO reports(id, slug, title, as_of, window_from, window_to, tickers) VALUES (?,?,?,?,?,?,?)');
  for (const r of reports) {
    insert.run(r.id, `report-${r.id}`, r.title, r.asOf, r.from, r.to, JSON.stringify(r.tickers));
    formReportWatchlist(db, r.id);
  }
  db.close();
}

/** One bar of the archive as stored, for checking what the screen shows. */
export interface ArchiveBar {
  date: string;
  open: number;
  high: number;
  low: number;
  close: number;
  volume: number | null;
}

/** Reads a ticker's bars straight from the archive file (read-only), oldest first. */
export function archiveBars(dbPath: string, ticker: string): ArchiveBar[] {
  const db = new Database(dbPath, { readonly: true });
  const rows = db.prepare('SELECT date, open, high, low, close, volume FROM bars WHERE ticker = ? ORDER BY date').all(ticker) as ArchiveBar[];
  db.close();
  return rows;
}
