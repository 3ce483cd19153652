/**
 * The full-text index (`search_text`, FTS5) over reports and notes. The repositories call these inside
 * the transaction that changes the row, so the index never disagrees with what it indexes.
 */
import type { Note } from '../../shared/notes';
import type { Report } from '../../shared/reports';
import type { Db } from '../db/open';

/** Removes a report's or a note's text from the index. */
export function removeFromIndex(db: Db, kind: 'report' | 'note', id: number): void {
  db.prepare('DELETE FROM search_text WHERE kind = ? AND ref_id = ?').run(kind, id);
}

/** (Re)indexes a report: title; tags, tickers, market, headings, prose and references. */
export function indexReport(db: Db, r: Report): void {
  removeFromIndex(db, 'report', r.id);
  const body = [
    r.tags.join(', '),
    r.tickers.join(' '),
    r.market,
    r.sentiment,
    ...r.sections.flatMap((s) => [s.heading, s.markdown]),
    ...r.references.map((ref) => [ref.title, ref.publisher].filter(Boolean).join(' — ')),
  ].join('\n');
  db.prepare('INSERT INTO search_text(kind, ref_id, report_id, title, body) VALUES (?, ?, ?, ?, ?)').run('report', r.id, r.id, r.title, body);
}

/** (Re)indexes a note: its body and what it is anchored to. */
export function indexNote(db: Db, n: Note): void {
  removeFromIndex(db, 'note', n.id);
  const title = [n.anchor.ticker, n.anchor.date].filter(Boolean).join(' ');
  db.prepare('INSERT INTO search_text(kind, ref_id, report_id, title, body) VALUES (?, ?, ?, ?, ?)').run('note', n.id, n.reportId, title, n.body);
}
