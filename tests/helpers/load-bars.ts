/**
 * Test-only loader: reads the clean provider CSVs of ../shared/data (yfinance, yfinance-max, yahoo
 * layouts, header-driven) and inserts their bars with plain SQL. It stands in for the importer in
 * analytics tests; rows that do not parse (e.g. a stray header row) are skipped.
 */
import { refreshTickerTotals } from '../../src/main/archive/repository';
import fs from 'node:fs';
import path from 'node:path';
import type { Db } from '../../src/main/db/open';

/** ../shared/data beside the repository (CI keeps a copy of shared/ beside the clone). */
export const sharedData = path.resolve(__dirname, '../../../shared/data');

/** Analytics fixtures (excerpts of ../shared/data, see their README). */
export const analyticsFixtures = path.resolve(__dirname, '../fixtures/analytics');

/** One parsed CSV row. */
export interface CsvBar {
  date: string;
  open: number;
  high: number;
  low: number;
  close: number;
  adjClose: number | null;
  volume: number | null;
}

/** Parses a yfinance / yfinance-max / yahoo CSV by its header names. */
export function parseProviderCsv(text: string): CsvBar[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const header = lines[0]!.split(',').map((h) => h.trim().toLowerCase());
  const col = (name: string): number => header.indexOf(name);
  const [d, o, h, l, c, a, v] = ['date', 'open', 'high', 'low', 'close', 'adj close', 'volume'].map(col) as number[];
  const out: CsvBar[] = [];
  for (const line of lines.slice(1)) {
    const f = line.split(',');
    const date = f[d!] ?? '';
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) continue;
    const num = (i: number): number => (i >= 0 && f[i] !== undefined && f[i] !== '' ? Number(f[i]) : NaN);
    const bar = { open: num(o!), high: num(h!), low: num(l!), close: num(c!) };
    if (![bar.open, bar.high, bar.low, bar.close].every((x) => Number.isFinite(x) && x > 0)) continue;
    const adj = num(a!);
    const vol = num(v!);
    out.push({ date, ...bar, adjClose: Number.isFinite(adj) ? adj : null, volume: Number.isFinite(vol) ? vol : null });
  }
  return out;
}

/** Inserts a CSV file's bars under `ticker`; `pricesAdjusted` marks provider-adjusted files. */
export function loadCsv(db: Db, ticker: string, file: string, pricesAdjusted = false): number {
  const bars = parseProviderCsv(fs.readFileSync(file, 'utf8'));
  const tx = db.transaction(() => {
    db.prepare('INSERT INTO tickers (symbol, prices_adjusted) VALUES (?, ?)').run(ticker, pricesAdjusted ? 1 : 0);
    const ins = db.prepare(
      'INSERT INTO bars (ticker, date, open, high, low, close, adj_close, volume) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    );
    for (const b of bars) ins.run(ticker, b.date, b.open, b.high, b.low, b.close, b.adjClose, b.volume);
    refreshTickerTotals(db, [ticker]);
  });
  tx();
  return bars.length;
}
