import type { Migration } from './types';

/**
 * Reports and notes in full: a report's market, sample flag and trash; notes anchored to a section, a
 * ticker or a date, with a version number and their earlier versions kept; one full-text index over
 * reports and notes; and the app's own small facts (the sample's imports).
 */
export const migration002: Migration = {
  version: 2,
  name: 'reports-notes',
  sql: `
ALTER TABLE reports ADD COLUMN market TEXT NOT NULL DEFAULT 'US Stock';
ALTER TABLE reports ADD COLUMN sample INTEGER NOT NULL DEFAULT 0 CHECK (sample IN (0, 1));
-- set while the report is in the trash
ALTER TABLE reports ADD COLUMN deleted_at TEXT;
CREATE INDEX reports_by_as_of ON reports(as_of DESC, id DESC);

ALTER TABLE notes ADD COLUMN anchor_section TEXT;
ALTER TABLE notes ADD COLUMN anchor_ticker TEXT;
ALTER TABLE notes ADD COLUMN anchor_date TEXT;
ALTER TABLE notes ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
CREATE INDEX notes_by_ticker_date ON notes(anchor_ticker, anchor_date) WHERE anchor_date IS NOT NULL;

-- a note's earlier versions: each row is what the note was before a save replaced it
CREATE TABLE note_versions (
  note_id        INTEGER NOT NULL REFERENCES notes(id) ON DELETE CASCADE,
  version        INTEGER NOT NULL,
  body           TEXT NOT NULL,
  anchor_section TEXT,
  anchor_ticker  TEXT,
  anchor_date    TEXT,
  saved_at       TEXT NOT NULL,
  PRIMARY KEY (note_id, version)
) STRICT;

-- one full-text index over reports (title, tags, tickers, prose, references) and notes, kept by the
-- repositories in the same transaction as the row it indexes
CREATE VIRTUAL TABLE search_text USING fts5(
  kind UNINDEXED,
  ref_id UNINDEXED,
  report_id UNINDEXED,
  title,
  body,
  tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TABLE app_meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;
`,
};
