import { keepPackedFile } from '../archive/packed-file';
import { refreshTickerTotals } from '../archive/repository';
import type { Statement } from 'better-sqlite3';
import type { BarConflict, ColumnMapping, FieldChange, ImportIssue, ImportRecord, UndoResult } from '../../shared/import';
import type { Db } from '../db/open';
import { DomainError } from '../errors';
import type { Row } from './validate';

interface ArchiveBar {
  open: number;
  high: number;
  low: number;
  close: number;
  adj_close: number | null;
  volume: number | null;
  import_id: number | null;
}

/** What happened to one row handed to the writer. */
export type WriteOutcome =
  'inserted' | 'replaced' | 'unchanged' | 'kept' | 'conflict' | 'duplicate' | 'conflicting-duplicate';

function changes(bar: ArchiveBar, row: Row): FieldChange[] {
  const out: FieldChange[] = [];
  if (bar.open !== row.open) out.push({ field: 'open', archive: bar.open, file: row.open });
  if (bar.high !== row.high) out.push({ field: 'high', archive: bar.high, file: row.high });
  if (bar.low !== row.low) out.push({ field: 'low', archive: bar.low, file: row.low });
  if (bar.close !== row.close) out.push({ field: 'close', archive: bar.close, file: row.close });
  if (bar.adj_close !== row.adjClose) out.push({ field: 'adjClose', archive: bar.adj_close, file: row.adjClose });
  if (bar.volume !== row.volume) out.push({ field: 'volume', archive: bar.volume, file: row.volume });
  return out;
}

/** Rows per multi-row INSERT on the append path (one call binds a batch: far less per-row overhead). */
export const APPEND_BATCH = 64;

/**
 * The one place that writes bars. Used inside the import's single transaction (mode `write`), or
 * read-only for a preview (mode `check`) to find the rows that would conflict.
 */
export class BarWriter {
  private readonly insert: Statement | null;
  /** A plain (aborting) INSERT of APPEND_BATCH rows: a conflict rolls the whole statement back. */
  private readonly insertMany: Statement | null;
  private readonly overlap: Statement | null;
  private readonly manyArgs: unknown[] = new Array<unknown>(APPEND_BATCH * 9);
  private readonly select: Statement;
  private readonly saveReplaced: Statement | null;
  private readonly update: Statement | null;
  private readonly insertIssue: Statement | null;
  private readonly knownTickers = new Set<string>();
  /** Tickers this import created (undo removes them again if they end up empty). */
  readonly createdTickers: string[] = [];
  /** prices_adjusted of existing tickers before this import changed it, for undo. */
  readonly adjustedBefore: Record<string, number> = {};
  /** Each ticker's market before this import set its own (null: none), for undo; only when one was given. */
  readonly marketBefore: Record<string, string | null> = {};
  conflictCount = 0;
  readonly conflicts: BarConflict[] = [];

  constructor(
    private readonly db: Db,
    readonly mode: 'write' | 'check',
    private readonly policy: 'fail' | 'replace' | 'keep',
    private readonly importId: number | null,
    private readonly pricesAdjusted: boolean,
    /** The market the analyst gave the file: set on its tickers (null: leave theirs). */
    private readonly market: string | null = null,
  ) {
    const write = mode === 'write';
    this.insert = write
      ? db.prepare(
          'INSERT INTO bars (ticker, date, open, high, low, close, adj_close, volume, import_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (ticker, date) DO NOTHING',
        )
      : null;
    this.insertMany = write
      ? db.prepare(
          `INSERT INTO bars (ticker, date, open, high, low, close, adj_close, volume, import_id) VALUES ${Array.from({ length: APPEND_BATCH }, () => '(?, ?, ?, ?, ?, ?, ?, ?, ?)').join(', ')}`,
        )
      : null;
    this.overlap = write ? db.prepare('SELECT 1 FROM bars WHERE ticker = ? AND date BETWEEN ? AND ? LIMIT 1') : null;
    this.select = db.prepare(
      'SELECT open, high, low, close, adj_close, volume, import_id FROM bars WHERE ticker = ? AND date = ?',
    );
    this.saveReplaced = write
      ? db.prepare(
          'INSERT INTO replaced_bars (import_id, ticker, date, open, high, low, close, adj_close, volume, prev_import_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
        )
      : null;
    this.update = write
      ? db.prepare(
          'UPDATE bars SET open = ?, high = ?, low = ?, close = ?, adj_close = ?, volume = ?, import_id = ? WHERE ticker = ? AND date = ?',
        )
      : null;
    this.insertIssue = write
      ? db.prepare(
          'INSERT INTO import_issues (import_id, line, severity, kind, ticker, date, reason, raw) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
        )
      : null;
  }

  private lookup = true;

  /** Makes sure the ticker exists and records whether its prices came adjusted. */
  ticker(symbol: string): void {
    if (this.mode === 'check') {
      // A preview only needs to look rows up when the archive has bars of this ticker at all.
      this.lookup = this.db.prepare('SELECT 1 FROM bars WHERE ticker = ? LIMIT 1').get(symbol) !== undefined;
      return;
    }
    if (this.knownTickers.has(symbol)) return;
    this.knownTickers.add(symbol);
    const row = this.db.prepare('SELECT prices_adjusted AS adj, market FROM tickers WHERE symbol = ?').get(symbol) as
      { adj: number; market: string | null } | undefined;
    const adj = this.pricesAdjusted ? 1 : 0;
    if (!row) {
      this.db.prepare('INSERT INTO tickers (symbol, prices_adjusted, market) VALUES (?, ?, ?)').run(symbol, adj, this.market);
      this.createdTickers.push(symbol);
    } else if (this.market && this.market !== row.market) {
      this.db.prepare('UPDATE tickers SET market = ? WHERE symbol = ?').run(this.market, symbol);
    }
    // Recorded even when the market was already this one: undoing an earlier import must then leave
    // it, as this import said it too.
    if (this.market) this.marketBefore[symbol] = row?.market ?? null;
    if (row && row.adj !== adj) {
      this.adjustedBefore[symbol] = row.adj;
      this.db.prepare('UPDATE tickers SET prices_adjusted = ? WHERE symbol = ?').run(adj, symbol);
    }
  }

  /**
   * The append path: when no bar of `ticker` lies within the dates of `rows` (one validated run: one
   * ticker, ascending, distinct dates), every row is a plain insert, so whole batches of them go in one
   * multi-row INSERT each. Returns how many leading rows it wrote (all 'inserted'); the caller writes
   * the rest row by row. Should a batch meet a conflict after all, that statement is rolled back whole
   * (SQLite undoes an aborted statement) and the rows from it on are left to the per-row path.
   */
  appendRun(ticker: string, rows: readonly Row[]): number {
    const many = this.insertMany;
    if (!many || rows.length < APPEND_BATCH) return 0;
    if (this.overlap!.get(ticker, rows[0]!.date, rows[rows.length - 1]!.date) !== undefined) return 0;
    const args = this.manyArgs;
    const id = this.importId;
    let done = 0;
    for (; done + APPEND_BATCH <= rows.length; done += APPEND_BATCH) {
      for (let k = 0, o = 0; k < APPEND_BATCH; k++, o += 9) {
        const r = rows[done + k]!;
        args[o] = r.ticker;
        args[o + 1] = r.date;
        args[o + 2] = r.open;
        args[o + 3] = r.high;
        args[o + 4] = r.low;
        args[o + 5] = r.close;
        args[o + 6] = r.adjClose;
        args[o + 7] = r.volume;
        args[o + 8] = id;
      }
      try {
        // Spread, not an array argument: better-sqlite3 then binds from the call's own arguments rather
        // than reading each array element through the generic property lookup (~20 % less binding time).
        many.run(...args);
      } catch (err) {
        if ((err as { code?: string }).code === 'SQLITE_CONSTRAINT_PRIMARYKEY') return done;
        throw err;
      }
    }
    return done;
  }

  /** Writes (or, in check mode, checks) one row under the conflict policy. */
  row(r: Row): WriteOutcome {
    if (this.insert) {
      const info = this.insert.run(
        r.ticker,
        r.date,
        r.open,
        r.high,
        r.low,
        r.close,
        r.adjClose,
        r.volume,
        this.importId,
      );
      if (info.changes === 1) return 'inserted';
    }
    if (!this.lookup) return 'inserted';
    const bar = this.select.get(r.ticker, r.date) as ArchiveBar | undefined;
    if (!bar) return 'inserted';
    const diff = changes(bar, r);
    if (this.importId !== null && bar.import_id === this.importId) {
      return diff.length === 0 ? 'duplicate' : 'conflicting-duplicate';
    }
    if (diff.length === 0) return 'unchanged';
    this.conflictCount++;
    if (this.conflicts.length < 100)
      this.conflicts.push({ ticker: r.ticker, date: r.date, line: r.line, changes: diff });
    if (this.policy === 'keep') return 'kept';
    if (this.policy === 'fail') return 'conflict';
    if (this.mode === 'check') return 'replaced';
    this.saveReplaced!.run(
      this.importId,
      r.ticker,
      r.date,
      bar.open,
      bar.high,
      bar.low,
      bar.close,
      bar.adj_close,
      bar.volume,
      bar.import_id,
    );
    this.update!.run(r.open, r.high, r.low, r.close, r.adjClose, r.volume, this.importId, r.ticker, r.date);
    return 'replaced';
  }

  /** Records an issue against the import (for chart markers and the history). */
  issue(i: ImportIssue): void {
    this.insertIssue?.run(this.importId, i.line, i.severity, i.kind, i.ticker, i.date, i.reason, i.raw.slice(0, 2000));
  }
}

/** Creates the import's history row (inside its transaction) and returns its id. */
export function beginImportRecord(db: Db, fileName: string, provider: string): number {
  const info = db.prepare("INSERT INTO imports (file_name, file_hash, provider) VALUES (?, '', ?)").run(fileName, provider);
  return Number(info.lastInsertRowid);
}

/** Fills in an import's counts and options once its rows are written. */
export function finishImportRecord(
  db: Db,
  id: number,
  record: {
    hash: string;
    counts: { total: number; written: number; replaced: number; rejected: number; warned: number };
    options: Record<string, unknown>;
  },
): void {
  const { hash, counts, options } = record;
  db.prepare(
    'UPDATE imports SET file_hash = ?, rows_total = ?, rows_written = ?, rows_replaced = ?, rows_rejected = ?, rows_warned = ?, options = ? WHERE id = ?',
  ).run(hash, counts.total, counts.written, counts.replaced, counts.rejected, counts.warned, JSON.stringify(options), id);
}

interface ImportRow {
  id: number;
  file_name: string;
  file_hash: string;
  provider: string;
  options: string;
  rows_total: number;
  rows_written: number;
  rows_replaced: number;
  rows_rejected: number;
  rows_warned: number;
  status: 'committed' | 'undone';
  created_at: string;
  undone_at: string | null;
}

function parseOptions(json: string): {
  tickers?: string[];
  createdTickers?: string[];
  adjustedBefore?: Record<string, number>;
  market?: string | null;
  marketBefore?: Record<string, string | null>;
} {
  try {
    return JSON.parse(json) as { tickers?: string[] };
  } catch {
    return {};
  }
}

/** The import history, newest first. */
export function listImports(db: Db): ImportRecord[] {
  const rows = db.prepare('SELECT * FROM imports ORDER BY id DESC').all() as ImportRow[];
  return rows.map((r) => ({
    id: r.id,
    fileName: r.file_name,
    fileHash: r.file_hash,
    provider: r.provider,
    rowsTotal: r.rows_total,
    rowsWritten: r.rows_written,
    rowsReplaced: r.rows_replaced,
    rowsRejected: r.rows_rejected,
    rowsWarned: r.rows_warned,
    status: r.status,
    createdAt: r.created_at,
    undoneAt: r.undone_at,
    tickers: parseOptions(r.options).tickers ?? [],
  }));
}

/**
 * Undoes one import in one transaction: deletes exactly the bars it wrote, puts back the bars it
 * replaced, removes tickers it created that are now empty, and restores their adjusted flag and the
 * market it set. Refused while a later import has replaced some of its bars (undo that one first).
 */
export function undoImport(db: Db, id: number): UndoResult {
  const run = db.transaction((): UndoResult => {
    const rec = db.prepare('SELECT * FROM imports WHERE id = ?').get(id) as ImportRow | undefined;
    if (!rec) throw new DomainError('NOT_FOUND', `no import with id ${id}`);
    if (rec.status === 'undone')
      throw new DomainError('CONFLICT', `import ${id} was already undone at ${rec.undone_at}`);
    const later = db
      .prepare(
        "SELECT DISTINCT r.import_id AS id FROM replaced_bars r JOIN imports i ON i.id = r.import_id WHERE r.prev_import_id = ? AND i.status = 'committed' ORDER BY r.import_id",
      )
      .all(id) as Array<{ id: number }>;
    if (later.length) {
      throw new DomainError(
        'CONFLICT',
        `import ${id} cannot be undone while later import(s) ${later.map((l) => l.id).join(', ')} replaced some of its bars; undo those first`,
      );
    }
    const touched = db.prepare('SELECT DISTINCT ticker FROM bars WHERE import_id = ?').pluck().all(id) as string[];
    const removed = db.prepare('DELETE FROM bars WHERE import_id = ?').run(id).changes;
    const restored = db
      .prepare(
        'INSERT INTO bars (ticker, date, open, high, low, close, adj_close, volume, import_id) SELECT ticker, date, open, high, low, close, adj_close, volume, prev_import_id FROM replaced_bars WHERE import_id = ?',
      )
      .run(id).changes;
    // Actions read from the file go with it; those entered by hand stay.
    db.prepare('DELETE FROM corporate_actions WHERE import_id = ?').run(id);
    const opts = parseOptions(rec.options);
    for (const t of opts.createdTickers ?? []) {
      const left = db.prepare('SELECT 1 FROM bars WHERE ticker = ? LIMIT 1').get(t);
      if (!left) db.prepare('DELETE FROM tickers WHERE symbol = ?').run(t);
    }
    for (const [t, adj] of Object.entries(opts.adjustedBefore ?? {})) {
      db.prepare('UPDATE tickers SET prices_adjusted = ? WHERE symbol = ?').run(adj, t);
    }
    // The market it set goes back to the ticker's earlier one, unless a later import (still in place)
    // gave the ticker a market too: that one stands, and its own undo will go back to the market from
    // before this one rather than to this one's. Imports made before markets were recorded undo none.
    const set = opts.market ?? null;
    const marketBefore = Object.entries(opts.marketBefore ?? {});
    const laterImports = marketBefore.length
      ? (db.prepare("SELECT id, options FROM imports WHERE id > ? AND status = 'committed' ORDER BY id").all(id) as Array<{ id: number; options: string }>).map(
          (l) => ({ id: l.id, options: parseOptions(l.options), changed: false }),
        )
      : [];
    for (const [t, was] of marketBefore) {
      const next = laterImports.find((l) => l.options.marketBefore && t in l.options.marketBefore);
      if (next) {
        next.options.marketBefore![t] = was;
        next.changed = true;
      } else db.prepare('UPDATE tickers SET market = ? WHERE symbol = ? AND market IS ?').run(was, t, set);
    }
    for (const l of laterImports) if (l.changed) db.prepare('UPDATE imports SET options = ? WHERE id = ?').run(JSON.stringify(l.options), l.id);
    refreshTickerTotals(db, [...touched, ...(opts.tickers ?? [])]);
    db.prepare(
      "UPDATE imports SET status = 'undone', undone_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ?",
    ).run(id);
    return { id, removed, restored };
  });
  const undone = run.immediate();
  keepPackedFile(db, true);
  return undone;
}

/** Remembers a hand-made column mapping for a header layout. */
export function saveMapping(db: Db, layoutKey: string, mapping: ColumnMapping): void {
  db.prepare(
    "INSERT INTO column_mappings (layout_key, mapping) VALUES (?, ?) ON CONFLICT (layout_key) DO UPDATE SET mapping = excluded.mapping, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')",
  ).run(layoutKey, JSON.stringify(mapping));
}

/** The remembered mapping for a header layout, if any. */
export function loadMapping(db: Db, layoutKey: string): ColumnMapping | null {
  const row = db.prepare('SELECT mapping FROM column_mappings WHERE layout_key = ?').get(layoutKey) as
    { mapping: string } | undefined;
  if (!row) return null;
  try {
    return JSON.parse(row.mapping) as ColumnMapping;
  } catch {
    return null;
  }
}
