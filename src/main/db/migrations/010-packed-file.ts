import type { Migration } from './types';

/**
 * Where each ticker's packed copy lies in the packed file beside the archive (archive/packed-file.ts):
 * its offset, length and the tag its record carries. A place is written with its copy; triggers
 * forget it whenever the copy in `bar_columns` is replaced or deleted, so a place never outlives the
 * copy it was written for. The file itself is written when the archive is next opened for writing.
 */
export const migration010: Migration = {
  version: 10,
  name: 'packed-file',
  sql: `
CREATE TABLE packed_places (
  ticker TEXT PRIMARY KEY,
  at     INTEGER NOT NULL,
  len    INTEGER NOT NULL,
  tag    INTEGER NOT NULL
) STRICT, WITHOUT ROWID;
CREATE TRIGGER copy_update_unplaces AFTER UPDATE ON bar_columns BEGIN
  DELETE FROM packed_places WHERE ticker = OLD.ticker;
END;
CREATE TRIGGER copy_delete_unplaces AFTER DELETE ON bar_columns BEGIN
  DELETE FROM packed_places WHERE ticker = OLD.ticker;
END;
`,
};
