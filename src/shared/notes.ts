/** Types of the notes domain: the analyst's editable notes attached to a report. */
import type { TradingDate } from './domain';

/** Where a note is pinned; every field optional (a note may be anchored to nothing). */
export interface NoteAnchor {
  /** A section id of the report. */
  section: string | null;
  ticker: string | null;
  /** A date-anchored note is a marker on its ticker's chart (or on the report's first ticker's). */
  date: TradingDate | null;
}

/** A note as stored now. */
export interface Note {
  id: number;
  reportId: number;
  /** Markdown. */
  body: string;
  anchor: NoteAnchor;
  /** Increases by one on every saved change; updates name the version they were based on. */
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** An earlier version of a note, kept when it was replaced. */
export interface NoteVersion {
  noteId: number;
  version: number;
  body: string;
  anchor: NoteAnchor;
  savedAt: string;
}

/** A date-anchored note as a chart marker. */
export interface NoteMarker {
  noteId: number;
  reportId: number;
  reportTitle: string;
  ticker: string;
  date: TradingDate;
  /** The note's first line, shortened, for the marker's label. */
  excerpt: string;
}
