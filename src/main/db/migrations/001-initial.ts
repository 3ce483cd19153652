import type { Migration } from './types';

/** The first schema: tickers, daily bars, imports (with what they replaced), reports, notes, watchlists. */
export const migration001: Migration = {
  version: 1,
  name: 'initial',
  sql: `
CREATE TABLE tickers (
  symbol          TEXT PRIMARY KEY,
  name            TEXT,
  -- 1 when the provider's OHLC were already adjusted for splits/dividends (e.g. yfinance auto_adjust)
  prices_adjusted INTEGER NOT NULL DEFAULT 0 CHECK (prices_adjusted IN (0, 1)),
  created_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) STRICT;

CREATE TABLE imports (
  id            INTEGER PRIMARY KEY,
  file_name     TEXT NOT NULL,
  file_hash     TEXT NOT NULL,
  provider      TEXT NOT NULL,
  options       TEXT NOT NULL DEFAULT '{}',
  rows_total    INTEGER NOT NULL DEFAULT 0,
  rows_written  INTEGER NOT NULL DEFAULT 0,
  rows_replaced INTEGER NOT NULL DEFAULT 0,
  rows_rejected INTEGER NOT NULL DEFAULT 0,
  rows_warned   INTEGER NOT NULL DEFAULT 0,
  status        TEXT NOT NULL DEFAULT 'committed' CHECK (status IN ('committed', 'undone')),
  created_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  undone_at     TEXT
) STRICT;

CREATE TABLE bars (
  ticker    TEXT NOT NULL REFERENCES tickers(symbol),
  date      TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
  open      REAL NOT NULL CHECK (open > 0),
  high      REAL NOT NULL CHECK (high > 0),
  low       REAL NOT NULL CHECK (low > 0),
  close     REAL NOT NULL CHECK (close > 0),
  adj_close REAL CHECK (adj_close IS NULL OR adj_close > 0),
  volume    REAL CHECK (volume IS NULL OR volume >= 0),
  import_id INTEGER REFERENCES imports(id),
  PRIMARY KEY (ticker, date)
) STRICT, WITHOUT ROWID;
CREATE INDEX bars_by_import ON bars(import_id);

-- The bars an import overwrote, so that undoing it restores them exactly.
CREATE TABLE replaced_bars (
  import_id      INTEGER NOT NULL REFERENCES imports(id) ON DELETE CASCADE,
  ticker         TEXT NOT NULL,
  date           TEXT NOT NULL,
  open           REAL NOT NULL,
  high           REAL NOT NULL,
  low            REAL NOT NULL,
  close          REAL NOT NULL,
  adj_close      REAL,
  volume         REAL,
  prev_import_id INTEGER,
  PRIMARY KEY (import_id, ticker, date)
) STRICT;

-- Warnings and rejections an import reported (shown as chart markers and in the import history).
CREATE TABLE import_issues (
  import_id INTEGER NOT NULL REFERENCES imports(id) ON DELETE CASCADE,
  line      INTEGER NOT NULL,
  severity  TEXT NOT NULL CHECK (severity IN ('warning', 'rejected')),
  kind      TEXT NOT NULL,
  ticker    TEXT,
  date      TEXT,
  reason    TEXT NOT NULL,
  raw       TEXT
) STRICT;
CREATE INDEX import_issues_by_ticker ON import_issues(ticker, date);

-- Column mappings the user chose by hand, remembered per header layout.
CREATE TABLE column_mappings (
  layout_key TEXT PRIMARY KEY,
  mapping    TEXT NOT NULL,
  updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) STRICT;

CREATE TABLE reports (
  id          INTEGER PRIMARY KEY,
  slug        TEXT NOT NULL UNIQUE,
  title       TEXT NOT NULL,
  as_of       TEXT NOT NULL,
  window_from TEXT,
  window_to   TEXT,
  sentiment   TEXT,
  tags        TEXT NOT NULL DEFAULT '[]',
  tickers     TEXT NOT NULL DEFAULT '[]',
  body        TEXT NOT NULL DEFAULT '{}',
  created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) STRICT;

CREATE TABLE notes (
  id         INTEGER PRIMARY KEY,
  report_id  INTEGER REFERENCES reports(id) ON DELETE CASCADE,
  body       TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) STRICT;
CREATE INDEX notes_by_report ON notes(report_id);

CREATE TABLE watchlists (
  id         INTEGER PRIMARY KEY,
  name       TEXT NOT NULL,
  -- set for the watchlist formed by a report's related tickers
  report_id  INTEGER UNIQUE REFERENCES reports(id) ON DELETE CASCADE,
  position   INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) STRICT;

CREATE TABLE watchlist_items (
  watchlist_id INTEGER NOT NULL REFERENCES watchlists(id) ON DELETE CASCADE,
  ticker       TEXT NOT NULL,
  position     INTEGER NOT NULL,
  PRIMARY KEY (watchlist_id, ticker)
) STRICT;
`,
};
