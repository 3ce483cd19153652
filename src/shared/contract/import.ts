import { MARKET_CODES } from '../markets';
import { z } from 'zod';
import {
  type ImportFileHandle,
  CONFLICT_POLICIES,
  DATE_FORMATS,
  DECIMAL_MARKS,
  DELIMITERS,
  type FileResult,
  type ImportRecord,
  type UndoResult,
} from '../import';
import { channel, event } from './define';
import { noInput, rowId, tickerSymbol } from './schemas';

const dateFormat = z.enum(DATE_FORMATS);
const columnIndex = z.number().int().min(0).max(500);
/** A hand-made column mapping. */
export const columnMappingSchema = z
  .object({
    date: columnIndex,
    ticker: columnIndex.optional(),
    // Open, high and low are optional: a close-only series (index levels, NAVs) has none.
    open: columnIndex.optional(),
    high: columnIndex.optional(),
    low: columnIndex.optional(),
    close: columnIndex,
    adjClose: columnIndex.optional(),
    volume: columnIndex.optional(),
    dividend: columnIndex.optional(),
    split: columnIndex.optional(),
  })
  .strict()
  .refine((m) => new Set(Object.values(m)).size === Object.values(m).length, 'two fields are mapped to the same column');

/** Options of a preview or an import (per call, optionally overridden per file). */
export const importOptionsSchema = z
  .object({
    ticker: tickerSymbol.optional(),
    dateFormat: dateFormat.optional(),
    onConflict: z.enum(CONFLICT_POLICIES).optional(),
    allowRejected: z.boolean().optional(),
    mapping: columnMappingSchema.optional(),
    /** The market the file's tickers trade on (its holiday calendar); default: what each symbol suggests. */
    market: z.enum(MARKET_CODES).optional(),
    delimiter: z.enum(DELIMITERS).optional(),
    decimalMark: z.enum(DECIMAL_MARKS).optional(),
  })
  .strict();

/** Options of a preview or an import. */
export type ImportOptions = z.output<typeof importOptionsSchema>;

/** An id main handed out for a file (`ImportFileHandle.fileId`); never a path. */
const fileId = z.uuid();

/**
 * A file to import, by the id main handed out for it: a file chosen in the open dialog (or named on the
 * CLI's command line) or a staged drop. The renderer never names a path, so no call can read a file
 * the user did not give Breadth.
 */
export const importFileSchema = z.object({ fileId, options: importOptionsSchema.optional() }).strict();

/** A file to import, as a channel takes it. */
export type ImportFileInput = z.output<typeof importFileSchema>;

const filesInput = z.array(importFileSchema).min(1).max(1000);
const jobId = z.string().min(1).max(64);

/** Channels of the import domain: preview, run, cancel, history, undo, remembered mappings. */
export const importChannels = {
  /**
   * Stages a dropped file once: main writes its text to a private temporary file and hands out its id;
   * previews and the import then read that file. (The browser host streams the upload to
   * `POST /api/stage` instead, to the same place.) Staged files go when their import ends or the app quits.
   */
  'import:stage': channel(
    z.object({ name: z.string().min(1).max(255), text: z.string().max(512 * 1024 * 1024) }).strict(),
  )<ImportFileHandle>(),
  /** Forgets files the user took off the import list; staged copies are deleted. */
  'import:discard': channel(z.object({ fileIds: z.array(fileId).max(1000) }).strict())<{ released: number }>(),
  /**
   * Detects and validates each file (a full pass, nothing written) and lists the choices still needed.
   * Pass a `jobId` to be able to cancel a long preview (e.g. when the options change again).
   */
  'import:preview': channel(
    z.object({ files: filesInput, options: importOptionsSchema.optional(), jobId: jobId.optional() }).strict(),
  )<FileResult[]>(),
  /**
   * Imports each file in its own transaction, in a worker; emits `import:progress` while it runs and
   * `import:done` at the end. Pass your own `jobId` to be able to cancel.
   */
  'import:run': channel(
    z
      .object({
        files: filesInput,
        options: importOptionsSchema.optional(),
        jobId: jobId.optional(),
      })
      .strict(),
  )<{ jobId: string; files: FileResult[] }>(),
  /**
   * Cancels a preview or import wherever it is: waiting for a worker (it never starts), reading or
   * writing (the file being written is rolled back); later files are not started.
   */
  'import:cancel': channel(z.object({ jobId }).strict())<{ cancelled: boolean }>(),
  /** The import history, newest first. */
  'import:list': channel(noInput)<ImportRecord[]>(),
  /** Undoes one import: removes exactly its bars and restores the bars it replaced. */
  'import:undo': channel(z.object({ id: rowId }).strict())<UndoResult>(),
  /** Remembers a hand-made column mapping for files whose header has this layout. */
  'import:saveMapping': channel(
    z.object({ layoutKey: z.string().min(1).max(4096), mapping: columnMappingSchema }).strict(),
  )<{ layoutKey: string }>(),
};

/** Events of the import domain. */
export const importEvents = {
  /** Rows done of the file being imported; sent at least 4 times a second while a job runs; `waiting` while another import holds the archive. */
  'import:progress': event<{ jobId: string; file: string; rowsDone: number; rowsTotal: number; waiting?: boolean }>(),
  /** A job finished (imported, failed or cancelled); carries the same results as `import:run`. */
  'import:done': event<{ jobId: string; files: FileResult[] }>(),
};
