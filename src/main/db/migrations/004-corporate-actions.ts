import type { Migration } from './types';

/**
 * Corporate actions per ticker: splits (new shares per old share) and cash dividends (per share, as
 * traded), from which the price bases are computed. Keyed by symbol, not bound to the tickers row, so
 * an action entered by hand survives undoing the import that brought the ticker's bars. An action read
 * from a file belongs to its import and goes when the import is undone.
 */
export const migration004: Migration = {
  version: 4,
  name: 'corporate-actions',
  sql: `
CREATE TABLE corporate_actions (
  id         INTEGER PRIMARY KEY,
  ticker     TEXT NOT NULL,
  kind       TEXT NOT NULL CHECK (kind IN ('split', 'dividend')),
  date       TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
  ratio      REAL CHECK (ratio IS NULL OR (ratio > 0 AND ratio <> 1)),
  amount     REAL CHECK (amount IS NULL OR amount > 0),
  source     TEXT NOT NULL CHECK (source IN ('file', 'manual', 'confirmed')),
  import_id  INTEGER REFERENCES imports(id),
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  CHECK ((kind = 'split' AND ratio IS NOT NULL AND amount IS NULL) OR (kind = 'dividend' AND amount IS NOT NULL AND ratio IS NULL)),
  UNIQUE (ticker, kind, date)
) STRICT;
CREATE INDEX corporate_actions_by_import ON corporate_actions(import_id);
`,
};
