/**
 * The archive's notes to itself (`app_meta`, key → text): what one domain remembers across runs
 * (the sample's contents, the last integrity check, the claim aliases, the packed file's id).
 */
import type { Db } from './open';
import { prepared } from './statements';

/** The text kept under `key`, or null. */
export function readMeta(db: Db, key: string): string | null {
  return (prepared(db, 'SELECT value FROM app_meta WHERE key = ?').pluck().get(key) as string | undefined) ?? null;
}

/** Keeps `value` under `key`, in the caller's transaction if any. */
export function writeMeta(db: Db, key: string, value: string): void {
  prepared(db, 'INSERT INTO app_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value);
}

/** Forgets what was kept under `key`. */
export function deleteMeta(db: Db, key: string): void {
  prepared(db, 'DELETE FROM app_meta WHERE key = ?').run(key);
}
