import type { Database } from 'better-sqlite3';

/**
 * One numbered schema change, applied in its own transaction when `PRAGMA user_version` is below it:
 * plain SQL, or a function `up(db)` for a change that must move data (it runs inside the transaction).
 */
export type Migration = { version: number; name: string } & ({ sql: string } | { up: (db: Database) => void });
