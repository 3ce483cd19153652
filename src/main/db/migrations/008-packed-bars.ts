import type { Migration } from './types';

/**
 * The packed copy of each ticker's bars (see archive/packed.ts): a table of one blob per ticker, and
 * triggers that delete a ticker's copy whenever one of its rows in `bars` is inserted, changed or
 * deleted, so that a copy is either current or absent.
 */
export const migration008: Migration = {
  version: 8,
  name: 'packed-bars',
  up: (db) => {
    db.exec(`
CREATE TABLE bar_columns (
  ticker TEXT PRIMARY KEY,
  data   BLOB NOT NULL
) STRICT;
CREATE TRIGGER bars_insert_stales_copy AFTER INSERT ON bars BEGIN
  DELETE FROM bar_columns WHERE ticker = NEW.ticker;
END;
CREATE TRIGGER bars_update_stales_copy AFTER UPDATE ON bars BEGIN
  DELETE FROM bar_columns WHERE ticker = OLD.ticker OR ticker = NEW.ticker;
END;
CREATE TRIGGER bars_delete_stales_copy AFTER DELETE ON bars BEGIN
  DELETE FROM bar_columns WHERE ticker = OLD.ticker;
END;
`);
    // Filled by migration 9, which makes the table anew in its second layout: the code that packs
    // today writes that layout only (an archive already at 8 was filled here when 8 shipped).
  },
};
