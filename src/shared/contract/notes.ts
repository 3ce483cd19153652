import { z } from 'zod';
import type { Note, NoteMarker, NoteVersion } from '../notes';
import { channel } from './define';
import { rowId, tickerSymbol, tradingDate } from './schemas';

/** Longest note body. */
export const NOTE_MAX = 1024 * 1024;

/** Where a note is pinned. */
export const noteAnchorSchema = z
  .object({
    section: z.string().min(1).max(120).nullable(),
    ticker: tickerSymbol.nullable(),
    date: tradingDate.nullable(),
  })
  .strict();

/** Channels of the notes domain: a report's notes, their versions, and date markers for charts. */
export const noteChannels = {
  /** A report's notes, oldest first. */
  'notes:list': channel(z.object({ reportId: rowId }).strict())<Note[]>(),
  /** Adds a note to a report. */
  'notes:create': channel(
    z.object({ reportId: rowId, body: z.string().max(NOTE_MAX), anchor: noteAnchorSchema.optional() }).strict(),
  )<Note>(),
  /**
   * Saves a note's new body/anchor; the previous version is kept. `baseVersion` is the version the editor
   * started from: CONFLICT when the note changed since. Saving what is already stored changes nothing.
   */
  'notes:update': channel(
    z
      .object({
        id: rowId,
        body: z.string().max(NOTE_MAX),
        anchor: noteAnchorSchema.optional(),
        baseVersion: z.number().int().min(1).optional(),
      })
      .strict(),
  )<Note>(),
  /** Deletes a note (its versions go with it). */
  'notes:delete': channel(z.object({ id: rowId }).strict())<{ id: number }>(),
  /** The earlier versions of a note, newest first. */
  'notes:versions': channel(z.object({ id: rowId }).strict())<NoteVersion[]>(),
  /** Restores an earlier version as the newest one (the current one is kept as a version too). */
  'notes:restore': channel(z.object({ id: rowId, version: z.number().int().min(1) }).strict())<Note>(),
  /** Date-anchored notes of reports in the library that concern a ticker (chart markers). */
  'notes:markers': channel(z.object({ ticker: tickerSymbol }).strict())<NoteMarker[]>(),
};
