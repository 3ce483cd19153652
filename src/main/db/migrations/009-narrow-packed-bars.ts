import { refreshTickerTotals } from '../../archive/repository';
import type { Migration } from './types';

/**
 * The packed copy's second layout (archive/packed.ts): each column in the narrowest form that stores
 * it exactly, so a universe reads about half the bytes, and the date keys first in a column of their
 * own, so that a universe's calendar is read without its prices (SQLite reads a row's overflow pages
 * only as far as the column asked for). The copies are derived: the table is made anew and every
 * ticker's copy rebuilt from its rows. The triggers of migration 8 name the table, not its columns.
 */
export const migration009: Migration = {
  version: 9,
  name: 'narrow-packed-bars',
  up: (db) => {
    db.exec(`
DROP TABLE bar_columns;
CREATE TABLE bar_columns (
  ticker TEXT PRIMARY KEY,
  keys   BLOB NOT NULL,
  data   BLOB NOT NULL
) STRICT;
`);
    refreshTickerTotals(db, db.prepare('SELECT symbol FROM tickers').pluck().all() as string[]);
  },
};
