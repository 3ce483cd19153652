/**
 * The reports repository: the library over the `reports` table (a report's sections and references live
 * in its `body` JSON), its trash, facets and related reports. Every write keeps the report's search text
 * and its watchlist in the same transaction; callers run writes through the core's write queue.
 */
import type {
  RelatedReport,
  Report,
  ReportDraft,
  ReportFacets,
  ReportFilter,
  ReportSummary,
  Sentiment,
} from '../../shared/reports';
import type { Db } from '../db/open';
import { DomainError, conflict } from '../errors';
import { removeFromIndex, indexReport } from '../search/index-text';
import { formReportWatchlist } from '../watchlists/repository';
import { normalizeProse } from './markdown';
import { slugify } from '../../shared/slug';

interface ReportRow {
  id: number;
  slug: string;
  title: string;
  as_of: string;
  market: string;
  sentiment: string | null;
  tags: string;
  tickers: string;
  window_from: string | null;
  window_to: string | null;
  body: string;
  sample: number;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
  note_count?: number;
}

function json<T>(text: string, fallback: T): T {
  try {
    return (JSON.parse(text) as T) ?? fallback;
  } catch {
    return fallback;
  }
}

function strings(text: string): string[] {
  const v = json<unknown>(text, []);
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

function summaryOf(r: ReportRow): ReportSummary {
  return {
    id: r.id,
    slug: r.slug,
    title: r.title,
    asOf: r.as_of,
    market: r.market,
    sentiment: (r.sentiment ?? 'Neutral') as Sentiment,
    tags: strings(r.tags),
    tickers: strings(r.tickers),
    window: r.window_from && r.window_to ? { from: r.window_from, to: r.window_to } : null,
    sample: r.sample === 1,
    noteCount: r.note_count ?? 0,
    updatedAt: r.updated_at,
    deletedAt: r.deleted_at,
  };
}

function reportOf(r: ReportRow): Report {
  const body = json<{ sections?: Report['sections']; references?: Report['references'] }>(r.body, {});
  const { noteCount: _n, ...summary } = summaryOf(r);
  void _n;
  return {
    ...summary,
    sections: body.sections ?? [],
    references: body.references ?? [],
    createdAt: r.created_at,
  };
}

const SELECT = `SELECT r.*, (SELECT count(*) FROM notes n WHERE n.report_id = r.id) AS note_count FROM reports r`;

/** One report (also from the trash), or NOT_FOUND. */
export function getReport(db: Db, id: number): Report {
  const row = db.prepare(`${SELECT} WHERE r.id = ?`).get(id) as ReportRow | undefined;
  if (!row) throw new DomainError('NOT_FOUND', `no report ${id}`);
  return reportOf(row);
}

/** A report's draft: what the analyst wrote, without the archive's bookkeeping. */
export function draftOf(r: Report): ReportDraft {
  return {
    title: r.title,
    asOf: r.asOf,
    market: r.market,
    sentiment: r.sentiment,
    tags: r.tags,
    tickers: r.tickers,
    window: r.window,
    sections: r.sections,
    references: r.references,
  };
}

/** The library (or the trash), newest as-of first, narrowed by `filter`. */
export function listReports(db: Db, filter: ReportFilter = {}): ReportSummary[] {
  const where = [filter.trash ? 'r.deleted_at IS NOT NULL' : 'r.deleted_at IS NULL'];
  const args: unknown[] = [];
  if (filter.from) {
    where.push('r.as_of >= ?');
    args.push(filter.from);
  }
  if (filter.to) {
    where.push('r.as_of <= ?');
    args.push(filter.to);
  }
  if (filter.sentiment) {
    where.push('r.sentiment = ?');
    args.push(filter.sentiment);
  }
  const rows = db.prepare(`${SELECT} WHERE ${where.join(' AND ')} ORDER BY r.as_of DESC, r.id DESC`).all(...args) as ReportRow[];
  const words = (filter.query ?? '').toLowerCase().split(/\s+/).filter(Boolean);
  const tag = filter.tag?.toLowerCase();
  return rows.map(summaryOf).filter((s) => {
    if (tag && !s.tags.some((t) => t.toLowerCase() === tag)) return false;
    if (filter.ticker && !s.tickers.includes(filter.ticker)) return false;
    if (words.length) {
      const hay = [s.title, ...s.tags, ...s.tickers].join(' ').toLowerCase();
      if (!words.every((w) => hay.includes(w))) return false;
    }
    return true;
  });
}

/** Tags, tickers and sentiments of the library's reports, commonest first. */
export function reportFacets(db: Db): ReportFacets {
  const tags = new Map<string, number>();
  const tickers = new Map<string, number>();
  const sentiments = new Map<Sentiment, number>();
  for (const s of listReports(db)) {
    for (const t of s.tags) tags.set(t, (tags.get(t) ?? 0) + 1);
    for (const t of s.tickers) tickers.set(t, (tickers.get(t) ?? 0) + 1);
    sentiments.set(s.sentiment, (sentiments.get(s.sentiment) ?? 0) + 1);
  }
  const sorted = <T extends string>(m: Map<T, number>): Array<{ value: T; count: number }> =>
    [...m].map(([value, count]) => ({ value, count })).sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
  return { tags: sorted(tags), tickers: sorted(tickers), sentiments: sorted(sentiments) };
}

/** A slug for `title` that no other report has. */
function freeSlug(db: Db, title: string, except?: number): string {
  const base = slugify(title);
  const taken = new Set(
    db.prepare("SELECT slug FROM reports WHERE (slug = ? OR slug LIKE ? || '-%') AND id IS NOT ?").pluck().all(base, base, except ?? null) as string[],
  );
  if (!taken.has(base)) return base;
  for (let i = 2; ; i++) if (!taken.has(`${base}-${i}`)) return `${base}-${i}`;
}

/** Now as stored, strictly after `previous` (so every save changes `updatedAt`). */
function stamp(previous?: string): string {
  let now = new Date().toISOString();
  if (previous && now <= previous) now = new Date(Date.parse(previous) + 1).toISOString();
  return now;
}

function bodyOf(draft: ReportDraft): string {
  return JSON.stringify({
    sections: draft.sections.map((s) => ({ ...s, markdown: normalizeProse(s.markdown) })),
    references: [...draft.references].sort((a, b) => a.n - b.n),
  });
}

/** Creates a report, its search text and its watchlist. Run inside a write transaction. */
export function createReport(db: Db, draft: ReportDraft, opts: { sample?: boolean } = {}): Report {
  const now = stamp();
  const id = Number(
    db
      .prepare(
        `INSERT INTO reports(slug, title, as_of, market, sentiment, tags, tickers, window_from, window_to, body, sample, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        freeSlug(db, draft.title),
        draft.title,
        draft.asOf,
        draft.market,
        draft.sentiment,
        JSON.stringify(draft.tags),
        JSON.stringify(draft.tickers),
        draft.window?.from ?? null,
        draft.window?.to ?? null,
        bodyOf(draft),
        opts.sample ? 1 : 0,
        now,
        now,
      ).lastInsertRowid,
  );
  const report = getReport(db, id);
  indexReport(db, report);
  formReportWatchlist(db, id);
  return report;
}

/**
 * Replaces a report's content. With `baseUpdatedAt` (the version the editor started from), CONFLICT
 * when the report was saved since. Run inside a write transaction.
 */
export function updateReport(db: Db, id: number, draft: ReportDraft, baseUpdatedAt?: string): Report {
  const current = getReport(db, id);
  if (current.deletedAt) throw conflict(`"${current.title}" is in the trash; restore it to edit it`);
  if (baseUpdatedAt !== undefined && baseUpdatedAt !== current.updatedAt) {
    throw conflict(`"${current.title}" was changed elsewhere since you opened it (saved ${current.updatedAt})`, {
      updatedAt: current.updatedAt,
    });
  }
  db.prepare(
    `UPDATE reports SET slug = ?, title = ?, as_of = ?, market = ?, sentiment = ?, tags = ?, tickers = ?, window_from = ?,
            window_to = ?, body = ?, updated_at = ? WHERE id = ?`,
  ).run(
    current.title === draft.title ? current.slug : freeSlug(db, draft.title, id),
    draft.title,
    draft.asOf,
    draft.market,
    draft.sentiment,
    JSON.stringify(draft.tags),
    JSON.stringify(draft.tickers),
    draft.window?.from ?? null,
    draft.window?.to ?? null,
    bodyOf(draft),
    stamp(current.updatedAt),
    id,
  );
  const report = getReport(db, id);
  indexReport(db, report);
  // The report's list follows its related tickers (and its title).
  db.prepare('UPDATE watchlists SET name = ? WHERE report_id = ?').run(draft.title, id);
  formReportWatchlist(db, id);
  return report;
}

/** Copies a report as a new one ("(copy)" after its title); notes stay with the original. */
export function duplicateReport(db: Db, id: number): Report {
  const source = getReport(db, id);
  const title = `${source.title} (copy)`.slice(0, 300);
  return createReport(db, { ...draftOf(source), title });
}

/** Moves a report to the trash; its notes and watchlist stay with it, hidden. */
export function trashReport(db: Db, id: number): { id: number } {
  const r = getReport(db, id);
  if (r.deletedAt) return { id };
  db.prepare('UPDATE reports SET deleted_at = ? WHERE id = ?').run(stamp(), id);
  return { id };
}

/** Brings a report back from the trash. */
export function restoreReport(db: Db, id: number): Report {
  getReport(db, id);
  db.prepare('UPDATE reports SET deleted_at = NULL WHERE id = ?').run(id);
  return getReport(db, id);
}

/** Deletes a report in the trash for good, with its notes, their versions and its watchlist. */
export function purgeReport(db: Db, id: number): { id: number } {
  const r = getReport(db, id);
  if (!r.deletedAt) throw conflict(`"${r.title}" is not in the trash; delete it first`);
  const noteIds = db.prepare('SELECT id FROM notes WHERE report_id = ?').pluck().all(id) as number[];
  for (const n of noteIds) removeFromIndex(db, 'note', n);
  removeFromIndex(db, 'report', id);
  db.prepare('DELETE FROM reports WHERE id = ?').run(id);
  return { id };
}

/** Other reports in the library sharing tickers or tags with this one, newest first. */
export function relatedReports(db: Db, id: number): RelatedReport[] {
  const me = getReport(db, id);
  const tags = new Set(me.tags.map((t) => t.toLowerCase()));
  return listReports(db)
    .filter((s) => s.id !== id)
    .map((s) => ({
      id: s.id,
      title: s.title,
      asOf: s.asOf,
      sentiment: s.sentiment,
      sharedTickers: s.tickers.filter((t) => me.tickers.includes(t)),
      sharedTags: s.tags.filter((t) => tags.has(t.toLowerCase())),
    }))
    .filter((r) => r.sharedTickers.length || r.sharedTags.length);
}
