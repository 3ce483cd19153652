import type { Migration } from './types';

/**
 * Running totals per ticker (bars, first and last date, whether any bar has an Adj Close), kept by the
 * transactions that write bars (an import, its undo), so that the Overview and `info` never scan every
 * bar on start. Filled once here from the bars.
 */
export const migration007: Migration = {
  version: 7,
  name: 'ticker-totals',
  sql: `
ALTER TABLE tickers ADD COLUMN bar_count INTEGER NOT NULL DEFAULT 0;
ALTER TABLE tickers ADD COLUMN first_date TEXT;
ALTER TABLE tickers ADD COLUMN last_date TEXT;
ALTER TABLE tickers ADD COLUMN has_adj_close INTEGER NOT NULL DEFAULT 0 CHECK (has_adj_close IN (0, 1));
UPDATE tickers SET
  bar_count = (SELECT count(*) FROM bars WHERE ticker = tickers.symbol),
  first_date = (SELECT min(date) FROM bars WHERE ticker = tickers.symbol),
  last_date = (SELECT max(date) FROM bars WHERE ticker = tickers.symbol),
  has_adj_close = EXISTS (SELECT 1 FROM bars WHERE ticker = tickers.symbol AND adj_close IS NOT NULL);
`,
};
