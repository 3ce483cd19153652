/**
 * The notes repository: a report's notes, each Markdown with an optional anchor (a section, a ticker,
 * a date) and a version number; every save that changes a note keeps what it replaced in
 * `note_versions`, so any earlier version can be restored. Callers run writes through the write queue.
 */
import type { Note, NoteAnchor, NoteMarker, NoteVersion } from '../../shared/notes';
import type { Db } from '../db/open';
import { DomainError, conflict } from '../errors';
import { indexNote, removeFromIndex } from '../search/index-text';

interface NoteRow {
  id: number;
  report_id: number;
  body: string;
  anchor_section: string | null;
  anchor_ticker: string | null;
  anchor_date: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

const NO_ANCHOR: NoteAnchor = { section: null, ticker: null, date: null };

function noteOf(r: NoteRow): Note {
  return {
    id: r.id,
    reportId: r.report_id,
    body: r.body,
    anchor: { section: r.anchor_section, ticker: r.anchor_ticker, date: r.anchor_date },
    version: r.version,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

function now(previous?: string): string {
  let t = new Date().toISOString();
  if (previous && t <= previous) t = new Date(Date.parse(previous) + 1).toISOString();
  return t;
}

/** One note, or NOT_FOUND. */
export function getNote(db: Db, id: number): Note {
  const row = db.prepare('SELECT * FROM notes WHERE id = ?').get(id) as NoteRow | undefined;
  if (!row) throw new DomainError('NOT_FOUND', `no note ${id}`);
  return noteOf(row);
}

function reportExists(db: Db, reportId: number): void {
  const r = db.prepare('SELECT deleted_at FROM reports WHERE id = ?').get(reportId) as { deleted_at: string | null } | undefined;
  if (!r) throw new DomainError('NOT_FOUND', `no report ${reportId}`);
  if (r.deleted_at) throw conflict(`report ${reportId} is in the trash; restore it to change its notes`);
}

/** A report's notes, oldest first. */
export function listNotes(db: Db, reportId: number): Note[] {
  if (!db.prepare('SELECT 1 FROM reports WHERE id = ?').get(reportId)) throw new DomainError('NOT_FOUND', `no report ${reportId}`);
  return (db.prepare('SELECT * FROM notes WHERE report_id = ? ORDER BY created_at, id').all(reportId) as NoteRow[]).map(noteOf);
}

/** Adds a note to a report. Run inside a write transaction. */
export function createNote(db: Db, reportId: number, body: string, anchor: NoteAnchor = NO_ANCHOR): Note {
  reportExists(db, reportId);
  const t = now();
  const id = Number(
    db
      .prepare(
        `INSERT INTO notes(report_id, body, anchor_section, anchor_ticker, anchor_date, version, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, 1, ?, ?)`,
      )
      .run(reportId, body, anchor.section, anchor.ticker, anchor.date, t, t).lastInsertRowid,
  );
  const note = getNote(db, id);
  indexNote(db, note);
  return note;
}

function sameAnchor(a: NoteAnchor, b: NoteAnchor): boolean {
  return a.section === b.section && a.ticker === b.ticker && a.date === b.date;
}

/**
 * Saves a note's body and anchor; what it replaces is kept as a version. With `baseVersion`, CONFLICT
 * when the note was saved since the editor loaded it. Saving what is stored changes nothing.
 */
export function updateNote(db: Db, id: number, body: string, anchor?: NoteAnchor, baseVersion?: number): Note {
  const current = getNote(db, id);
  reportExists(db, current.reportId);
  const next = anchor ?? current.anchor;
  if (current.body === body && sameAnchor(current.anchor, next)) return current;
  if (baseVersion !== undefined && baseVersion !== current.version) {
    throw conflict(`note ${id} was saved elsewhere since you opened it (version ${current.version})`, { version: current.version });
  }
  db.prepare(
    `INSERT INTO note_versions(note_id, version, body, anchor_section, anchor_ticker, anchor_date, saved_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  ).run(id, current.version, current.body, current.anchor.section, current.anchor.ticker, current.anchor.date, current.updatedAt);
  db.prepare(
    `UPDATE notes SET body = ?, anchor_section = ?, anchor_ticker = ?, anchor_date = ?, version = version + 1, updated_at = ?
      WHERE id = ?`,
  ).run(body, next.section, next.ticker, next.date, now(current.updatedAt), id);
  const note = getNote(db, id);
  indexNote(db, note);
  return note;
}

/** Deletes a note and its versions. */
export function deleteNote(db: Db, id: number): { id: number } {
  const n = getNote(db, id);
  reportExists(db, n.reportId);
  removeFromIndex(db, 'note', id);
  db.prepare('DELETE FROM notes WHERE id = ?').run(id);
  return { id };
}

/** A note's earlier versions, newest first. */
export function noteVersions(db: Db, id: number): NoteVersion[] {
  getNote(db, id);
  const rows = db
    .prepare('SELECT * FROM note_versions WHERE note_id = ? ORDER BY version DESC')
    .all(id) as Array<{ note_id: number; version: number; body: string; anchor_section: string | null; anchor_ticker: string | null; anchor_date: string | null; saved_at: string }>;
  return rows.map((r) => ({
    noteId: r.note_id,
    version: r.version,
    body: r.body,
    anchor: { section: r.anchor_section, ticker: r.anchor_ticker, date: r.anchor_date },
    savedAt: r.saved_at,
  }));
}

/** Makes an earlier version the newest one (the current text is kept as a version too). */
export function restoreNoteVersion(db: Db, id: number, version: number): Note {
  const v = noteVersions(db, id).find((x) => x.version === version);
  if (!v) throw new DomainError('NOT_FOUND', `note ${id} has no version ${version}`);
  return updateNote(db, id, v.body, v.anchor);
}

/**
 * Date-anchored notes of the library's reports that concern `ticker`: anchored to it, or anchored to a
 * date only in a report whose first related ticker it is.
 */
export function noteMarkers(db: Db, ticker: string): NoteMarker[] {
  const rows = db
    .prepare(
      `SELECT n.id, n.report_id, n.body, n.anchor_ticker, n.anchor_date, r.title, r.tickers
         FROM notes n JOIN reports r ON r.id = n.report_id
        WHERE n.anchor_date IS NOT NULL AND r.deleted_at IS NULL
          AND (n.anchor_ticker = ? OR (n.anchor_ticker IS NULL AND json_extract(r.tickers, '$[0]') = ?))
        ORDER BY n.anchor_date, n.id`,
    )
    .all(ticker, ticker) as Array<{ id: number; report_id: number; body: string; anchor_date: string; title: string }>;
  return rows.map((r) => ({
    noteId: r.id,
    reportId: r.report_id,
    reportTitle: r.title,
    ticker,
    date: r.anchor_date,
    excerpt: excerpt(r.body),
  }));
}

/** The first non-empty line of a note, without Markdown marks, at most 80 characters. */
export function excerpt(body: string): string {
  const line = body.split('\n').map((l) => l.replace(/^[#>*\-\s]+/, '').trim()).find(Boolean) ?? '';
  return line.length > 80 ? `${line.slice(0, 79)}…` : line;
}
