import type { Statement } from 'better-sqlite3';
import type { Db } from './open';

const caches = new WeakMap<Db, Map<string, Statement>>();

/**
 * The connection's prepared statement for `sql`, prepared once: for the small queries a universe asks
 * once per ticker (a ticker's actions, its market), where preparing would cost more than running.
 * Only for `get`/`all`/`run` (a statement being iterated cannot run again meanwhile).
 */
export function prepared(db: Db, sql: string): Statement {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new Map()));
  let stmt = cache.get(sql);
  if (!stmt) cache.set(sql, (stmt = db.prepare(sql)));
  return stmt;
}
