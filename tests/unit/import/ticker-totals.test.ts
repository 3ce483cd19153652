/**
 * The running totals the Overview and `info` read (tickers.bar_count, first/last date, Adj Close) stay
 * equal to a scan of the bars through imports, replacements, undos, a close-only series and the
 * sample's load and removal. Real excerpts of tests/fixtures/import/real.
 */
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { archiveInfo, listTickers } from '../../../src/main/archive/repository';
import { openArchive } from '../../../src/main/db/open';
import { runCli } from '../../../src/main/cli/run';
import { tempDir } from '../../helpers/archive';

const fixtures = path.resolve(__dirname, '../../fixtures/import');
const cleanups: Array<() => void> = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

async function cli(args: string[]): Promise<number> {
  return runCli(args, { stdout: () => {}, stderr: () => {}, env: {} });
}

function expectTotalsMatchScan(dbPath: string): void {
  const { db } = openArchive(dbPath);
  try {
    const scan = db
      .prepare(
        `SELECT t.symbol, count(b.date) AS bars, min(b.date) AS firstDate, max(b.date) AS lastDate, count(b.adj_close) > 0 AS adj
           FROM tickers t LEFT JOIN bars b ON b.ticker = t.symbol GROUP BY t.symbol ORDER BY t.symbol`,
      )
      .all() as Array<{ symbol: string; bars: number; firstDate: string | null; lastDate: string | null; adj: number }>;
    expect(listTickers(db).map((t) => ({ symbol: t.symbol, bars: t.bars, firstDate: t.firstDate, lastDate: t.lastDate, adj: t.hasAdjClose ? 1 : 0 }))).toEqual(scan);
    const all = db.prepare('SELECT count(*) AS n, min(date) AS f, max(date) AS l FROM bars').get() as { n: number; f: string | null; l: string | null };
    expect(archiveInfo(db)).toMatchObject({ bars: all.n, firstDate: all.f, lastDate: all.l });
  } finally {
    db.close();
  }
}

it('keeps the totals equal to the bars through every write', async () => {
  const t = tempDir();
  cleanups.push(t.cleanup);
  const db = path.join(t.dir, 'a.sqlite');
  const imp = (...args: string[]) => cli(['import', '--db', db, ...args]);
  await imp(path.join(fixtures, 'real/yahoo/SPY.csv'), path.join(fixtures, 'real/yfinance/IWM.csv'));
  expectTotalsMatchScan(db);
  // The same SPY bars from another provider replace the archive's (and add some).
  await imp('--on-conflict', 'replace', path.join(fixtures, 'real/alphavantage/SPY.csv'));
  expectTotalsMatchScan(db);
  await imp('--ticker', 'SP500', path.join(fixtures, 'synthetic/close-only/SP500.csv'));
  expectTotalsMatchScan(db);
  for (const id of ['3', '2']) {
    expect(await cli(['undo-import', '--db', db, '--id', id])).toBe(0);
    expectTotalsMatchScan(db);
  }
  await cli(['sample', '--db', db]);
  expectTotalsMatchScan(db);
  await cli(['sample', '--db', db, '--remove']);
  expectTotalsMatchScan(db);
});
