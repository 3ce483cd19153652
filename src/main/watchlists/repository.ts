/**
 * The watchlists repository: the user's lists and the lists formed from reports' related tickers, over
 * the `watchlists` and `watchlist_items` tables; ticker completion over the archive; the data-quality
 * issues imports recorded per ticker (for chart markers).
 */
import type { DataIssue } from '../../shared/archive';
import type { TickerCompletion, Watchlist, WatchlistReport } from '../../shared/watchlists';
import { knownName } from '../archive/known-names';
import type { Db } from '../db/open';
import { DomainError } from '../errors';

interface ListRow {
  id: number;
  name: string;
  position: number;
  reportId: number | null;
  slug: string | null;
  title: string | null;
  asOf: string | null;
  windowFrom: string | null;
  windowTo: string | null;
}

const LIST_SQL = `SELECT w.id, w.name, w.position, w.report_id AS reportId, r.slug, r.title, r.as_of AS asOf,
                         r.window_from AS windowFrom, r.window_to AS windowTo
                    FROM watchlists w LEFT JOIN reports r ON r.id = w.report_id`;

function toWatchlist(db: Db, row: ListRow): Watchlist {
  const tickers = db
    .prepare('SELECT ticker FROM watchlist_items WHERE watchlist_id = ? ORDER BY position, ticker')
    .pluck()
    .all(row.id) as string[];
  const report: WatchlistReport | null =
    row.reportId === null
      ? null
      : {
          id: row.reportId,
          slug: row.slug ?? '',
          title: row.title ?? '',
          asOf: row.asOf ?? '',
          windowFrom: row.windowFrom,
          windowTo: row.windowTo,
        };
  return { id: row.id, name: row.name, position: row.position, report, tickers };
}

/** One watchlist, or NOT_FOUND. */
export function getWatchlist(db: Db, id: number): Watchlist {
  const row = db.prepare(`${LIST_SQL} WHERE w.id = ?`).get(id) as ListRow | undefined;
  if (!row) throw new DomainError('NOT_FOUND', `no watchlist ${id}`);
  return toWatchlist(db, row);
}

/**
 * The related tickers of a report as its `tickers` JSON lists them: strings, or objects with a `ticker`
 * or `symbol` field (the report schema may grow); upper-cased, first occurrence kept.
 */
export function reportTickers(json: string): string[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return [];
  }
  if (!Array.isArray(parsed)) return [];
  const out: string[] = [];
  for (const item of parsed) {
    const raw =
      typeof item === 'string'
        ? item
        : item && typeof item === 'object'
          ? ((item as Record<string, unknown>)['ticker'] ?? (item as Record<string, unknown>)['symbol'])
          : null;
    if (typeof raw !== 'string') continue;
    const t = raw.trim().toUpperCase();
    if (t && !out.includes(t)) out.push(t);
  }
  return out;
}

function setItems(db: Db, id: number, tickers: readonly string[]): void {
  db.prepare('DELETE FROM watchlist_items WHERE watchlist_id = ?').run(id);
  const insert = db.prepare('INSERT INTO watchlist_items(watchlist_id, ticker, position) VALUES (?, ?, ?)');
  tickers.forEach((t, i) => insert.run(id, t, i));
}

function nextPosition(db: Db): number {
  return (db.prepare('SELECT coalesce(max(position) + 1, 0) FROM watchlists').pluck().get() as number) ?? 0;
}

/** Forms (or re-forms, replacing its tickers) the watchlist of one report from its related tickers. */
export function formReportWatchlist(db: Db, reportId: number): Watchlist {
  const report = db.prepare('SELECT id, title, tickers FROM reports WHERE id = ?').get(reportId) as
    | { id: number; title: string; tickers: string }
    | undefined;
  if (!report) throw new DomainError('NOT_FOUND', `no report ${reportId}`);
  const id = db.transaction(() => {
    const existing = db.prepare('SELECT id FROM watchlists WHERE report_id = ?').pluck().get(reportId) as number | undefined;
    const wid =
      existing ??
      Number(
        db
          .prepare('INSERT INTO watchlists(name, report_id, position) VALUES (?, ?, ?)')
          .run(report.title, reportId, nextPosition(db)).lastInsertRowid,
      );
    setItems(db, wid, reportTickers(report.tickers));
    return wid;
  })();
  return getWatchlist(db, id);
}

/**
 * Every watchlist in the user's order. Only reads: a report's list is formed by the report's own
 * create and update (in their transaction), never on the way to a listing.
 */
export function listWatchlists(db: Db): Watchlist[] {
  const rows = db
    // A report in the trash takes its list with it (and brings it back).
    .prepare(`${LIST_SQL} WHERE r.deleted_at IS NULL ORDER BY w.position, w.id`)
    .all() as ListRow[];
  return rows.map((r) => toWatchlist(db, r));
}

/** Creates a user watchlist at the end of the list. */
export function createWatchlist(db: Db, name: string, tickers: readonly string[] = []): Watchlist {
  const id = db.transaction(() => {
    const wid = Number(
      db.prepare('INSERT INTO watchlists(name, position) VALUES (?, ?)').run(name, nextPosition(db)).lastInsertRowid,
    );
    setItems(db, wid, [...new Set(tickers)]);
    return wid;
  })();
  return getWatchlist(db, id);
}

/** Renames a watchlist. */
export function renameWatchlist(db: Db, id: number, name: string): Watchlist {
  const r = db.prepare('UPDATE watchlists SET name = ? WHERE id = ?').run(name, id);
  if (r.changes === 0) throw new DomainError('NOT_FOUND', `no watchlist ${id}`);
  return getWatchlist(db, id);
}

/** Puts the watchlists in the order of `ids`, which must name every watchlist exactly once. */
export function reorderWatchlists(db: Db, ids: readonly number[]): Watchlist[] {
  const all = db.prepare('SELECT id FROM watchlists').pluck().all() as number[];
  if (new Set(ids).size !== ids.length || ids.length !== all.length || !all.every((id) => ids.includes(id))) {
    throw new DomainError('INVALID_INPUT', 'ids must name every watchlist exactly once');
  }
  db.transaction(() => {
    const stmt = db.prepare('UPDATE watchlists SET position = ? WHERE id = ?');
    ids.forEach((id, i) => stmt.run(i, id));
  })();
  return listWatchlists(db);
}

/** Puts a watchlist's tickers in the given order, which must be a permutation of them. */
export function reorderItems(db: Db, id: number, tickers: readonly string[]): Watchlist {
  const current = getWatchlist(db, id).tickers;
  const same = new Set(tickers);
  if (same.size !== tickers.length || tickers.length !== current.length || !current.every((t) => same.has(t))) {
    throw new DomainError('INVALID_INPUT', 'tickers must be the watchlist\'s tickers, each exactly once');
  }
  db.transaction(() => setItems(db, id, tickers))();
  return getWatchlist(db, id);
}

/** Deletes a user watchlist; a report's watchlist goes with its report. */
export function deleteWatchlist(db: Db, id: number): { id: number } {
  const w = getWatchlist(db, id);
  if (w.report) throw new DomainError('CONFLICT', `"${w.name}" is a report's watchlist; it goes with its report`);
  db.transaction(() => {
    db.prepare('DELETE FROM watchlist_items WHERE watchlist_id = ?').run(id);
    db.prepare('DELETE FROM watchlists WHERE id = ?').run(id);
  })();
  return { id };
}

/** Adds a ticker at the end of a watchlist. */
export function addTicker(db: Db, id: number, ticker: string): Watchlist {
  const w = getWatchlist(db, id);
  if (w.tickers.includes(ticker)) throw new DomainError('CONFLICT', `${ticker} is already in "${w.name}"`);
  db.prepare(
    'INSERT INTO watchlist_items(watchlist_id, ticker, position) VALUES (?, ?, (SELECT coalesce(max(position) + 1, 0) FROM watchlist_items WHERE watchlist_id = ?))',
  ).run(id, ticker, id);
  return getWatchlist(db, id);
}

/** Removes a ticker from a watchlist. */
export function removeTicker(db: Db, id: number, ticker: string): Watchlist {
  getWatchlist(db, id);
  const r = db.prepare('DELETE FROM watchlist_items WHERE watchlist_id = ? AND ticker = ?').run(id, ticker);
  if (r.changes === 0) throw new DomainError('NOT_FOUND', `${ticker} is not in watchlist ${id}`);
  return getWatchlist(db, id);
}

/** Tickers of the archive for the add-ticker box: symbol prefix matches first, then symbol or name containing `query`. */
export function completeTicker(db: Db, query: string, limit: number): TickerCompletion[] {
  const q = query.trim().toUpperCase();
  const like = q.replace(/[\\%_]/g, (c) => `\\${c}`);
  const rows = db
    .prepare(
      `SELECT t.symbol, t.name,
              (SELECT count(*) FROM bars b WHERE b.ticker = t.symbol) AS bars,
              (SELECT max(date) FROM bars b WHERE b.ticker = t.symbol) AS lastDate
         FROM tickers t
        WHERE t.symbol LIKE ? ESCAPE '\\' OR upper(coalesce(t.name, '')) LIKE ? ESCAPE '\\'
        ORDER BY (t.symbol LIKE ? ESCAPE '\\') DESC, length(t.symbol), t.symbol
        LIMIT ?`,
    )
    .all(`%${like}%`, `%${like}%`, `${like}%`, limit) as TickerCompletion[];
  return rows.map((r) => ({ ...r, name: r.name ?? knownName(r.symbol) }));
}

/** The issues committed imports recorded for a ticker (those with a date), by date then line. */
export function dataIssues(db: Db, ticker: string, from?: string, to?: string): DataIssue[] {
  return db
    .prepare(
      `SELECT i.date, i.kind, i.severity, i.reason, i.import_id AS importId, i.line
         FROM import_issues i JOIN imports m ON m.id = i.import_id
        WHERE i.ticker = ? AND i.date IS NOT NULL AND i.date >= ? AND i.date <= ? AND m.status = 'committed'
        ORDER BY i.date, i.line`,
    )
    .all(ticker, from ?? '0000-00-00', to ?? '9999-99-99') as DataIssue[];
}
