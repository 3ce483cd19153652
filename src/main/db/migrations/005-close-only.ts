import type { Migration } from './types';

/**
 * Close-only series (index levels, fund NAVs, central-bank series, a yfinance file with only a Close
 * column): open, high and low become optional, in the bars and in the bars an import replaced. SQLite
 * cannot relax NOT NULL in place, so both tables are rebuilt with every row copied as it is.
 */
export const migration005: Migration = {
  version: 5,
  name: 'close-only',
  sql: `
CREATE TABLE bars_new (
  ticker    TEXT NOT NULL REFERENCES tickers(symbol),
  date      TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
  open      REAL CHECK (open IS NULL OR open > 0),
  high      REAL CHECK (high IS NULL OR high > 0),
  low       REAL CHECK (low IS NULL OR low > 0),
  close     REAL NOT NULL CHECK (close > 0),
  adj_close REAL CHECK (adj_close IS NULL OR adj_close > 0),
  volume    REAL CHECK (volume IS NULL OR volume >= 0),
  import_id INTEGER REFERENCES imports(id),
  PRIMARY KEY (ticker, date)
) STRICT, WITHOUT ROWID;
INSERT INTO bars_new SELECT ticker, date, open, high, low, close, adj_close, volume, import_id FROM bars;
DROP TABLE bars;
ALTER TABLE bars_new RENAME TO bars;
CREATE INDEX bars_by_import ON bars(import_id);

CREATE TABLE replaced_bars_new (
  import_id      INTEGER NOT NULL REFERENCES imports(id) ON DELETE CASCADE,
  ticker         TEXT NOT NULL,
  date           TEXT NOT NULL,
  open           REAL,
  high           REAL,
  low            REAL,
  close          REAL NOT NULL,
  adj_close      REAL,
  volume         REAL,
  prev_import_id INTEGER,
  PRIMARY KEY (import_id, ticker, date)
) STRICT;
INSERT INTO replaced_bars_new SELECT import_id, ticker, date, open, high, low, close, adj_close, volume, prev_import_id FROM replaced_bars;
DROP TABLE replaced_bars;
ALTER TABLE replaced_bars_new RENAME TO replaced_bars;
`,
};
