/**
 * One search box over everything: reports and notes by full text (FTS5, every word a prefix, best
 * first), tickers by symbol or name, watchlists by name. Snippets come back as plain text runs with the
 * matched words marked, never as HTML.
 */
import type { SearchHit, SearchSnippetPart } from '../../shared/search';
import type { Db } from '../db/open';
import { completeTicker } from '../watchlists/repository';

const OPEN = '\u0002';
const CLOSE = '\u0003';
const MARKS = new RegExp(`([${OPEN}${CLOSE}])`);

/** The query as an FTS5 expression: each word quoted (no operator can be injected) and a prefix. */
export function ftsQuery(query: string): string | null {
  const words = query.match(/[\p{L}\p{N}]+/gu) ?? [];
  if (!words.length) return null;
  return words.map((w) => `"${w}"*`).join(' ');
}

/** Splits FTS5's marked snippet into runs. */
function parts(marked: string): SearchSnippetPart[] {
  const out: SearchSnippetPart[] = [];
  let hit = false;
  for (const piece of marked.split(MARKS)) {
    if (piece === OPEN) hit = true;
    else if (piece === CLOSE) hit = false;
    else if (piece) out.push({ text: piece.replace(/\s+/g, ' '), hit });
  }
  return out;
}

/** Reports, notes, tickers and watchlists matching `query`, at most `limit`. */
export function search(db: Db, query: string, limit: number): SearchHit[] {
  const q = query.trim();
  if (!q) return [];
  const hits: SearchHit[] = [];
  const upper = q.toUpperCase();
  // A ticker typed exactly comes first: it is what the analyst most likely wants to open.
  for (const t of completeTicker(db, q, 5)) {
    if (t.symbol === upper || t.symbol.startsWith(upper)) {
      hits.push({ kind: 'ticker', id: 0, reportId: null, ticker: t.symbol, title: t.symbol, snippet: [{ text: t.name ?? `${t.bars} bars`, hit: false }] });
    }
  }
  const fts = ftsQuery(q);
  if (fts) {
    const rows = db
      .prepare(
        `SELECT s.kind, s.ref_id AS id, s.report_id AS reportId, s.title,
                r.title AS reportTitle,
                snippet(search_text, 4, '${OPEN}', '${CLOSE}', '…', 14) AS snip,
                highlight(search_text, 3, '${OPEN}', '${CLOSE}') AS marked
           FROM search_text s JOIN reports r ON r.id = s.report_id
          WHERE search_text MATCH ? AND r.deleted_at IS NULL
          ORDER BY bm25(search_text, 0, 0, 0, 4.0, 1.0)
          LIMIT ?`,
      )
      .all(fts, limit) as Array<{ kind: 'report' | 'note'; id: number; reportId: number; title: string; reportTitle: string; snip: string; marked: string }>;
    for (const r of rows) {
      const snippet = parts(r.snip);
      hits.push({
        kind: r.kind,
        id: r.id,
        reportId: r.reportId,
        ticker: null,
        title: r.kind === 'report' ? r.reportTitle : `Note on ${r.reportTitle}${r.title ? ` (${r.title})` : ''}`,
        snippet: snippet.some((p) => p.hit) || r.kind === 'note' ? snippet : parts(r.marked),
      });
    }
  }
  const like = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const lists = db
    .prepare(
      `SELECT w.id, w.name, (SELECT count(*) FROM watchlist_items i WHERE i.watchlist_id = w.id) AS n
         FROM watchlists w LEFT JOIN reports r ON r.id = w.report_id
        WHERE w.name LIKE ? ESCAPE '\\' AND r.deleted_at IS NULL ORDER BY w.position LIMIT 5`,
    )
    .all(like) as Array<{ id: number; name: string; n: number }>;
  for (const w of lists) {
    hits.push({ kind: 'watchlist', id: w.id, reportId: null, ticker: null, title: w.name, snippet: [{ text: `${w.n} tickers`, hit: false }] });
  }
  return hits.slice(0, limit);
}
