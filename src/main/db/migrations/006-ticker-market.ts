import type { Migration } from './types';

/**
 * The market a ticker trades on, as the analyst set it (null: the one its symbol suggests, see
 * src/shared/markets.ts). It decides the holiday calendar of its warnings and windows.
 */
export const migration006: Migration = {
  version: 6,
  name: 'ticker-market',
  sql: `ALTER TABLE tickers ADD COLUMN market TEXT CHECK (market IS NULL OR length(market) BETWEEN 2 AND 3);`,
};
