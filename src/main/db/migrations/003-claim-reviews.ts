import type { Migration } from './types';

/**
 * The analyst's decisions on the figures Breadth proposes from a report's prose: accepted as read,
 * rejected (not a figure to check), or edited (another ticker, metric, window or basis).
 */
export const migration003: Migration = {
  version: 3,
  name: 'claim-reviews',
  sql: `
CREATE TABLE claim_reviews (
  report_id  INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
  -- the claim's place and words: section|subject|metric|figure|n
  claim_key  TEXT NOT NULL,
  decision   TEXT NOT NULL CHECK (decision IN ('accepted', 'rejected', 'edited')),
  -- for an edit, the fields that replace the reader's (JSON)
  edit       TEXT NOT NULL DEFAULT '{}',
  updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  PRIMARY KEY (report_id, claim_key)
) STRICT;
`,
};
