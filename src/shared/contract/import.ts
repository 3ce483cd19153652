import { z } from 'zod';
import {
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
    open: columnIndex,
    high: columnIndex,
    low: columnIndex,
    close: columnIndex,
    adjClose: columnIndex.optional(),
    volume: columnIndex.optional(),
  })
  .strict();

/** Options of a preview or an import (per call, optionally overridden per file). */
export const importOptionsSchema = z
  .object({
    ticker: tickerSymbol.optional(),
    dateFormat: dateFormat.optional(),
    onConflict: z.enum(CONFLICT_POLICIES).optional(),
    allowRejected: z.boolean().optional(),
    mapping: columnMappingSchema.optional(),
    delimiter: z.enum(DELIMITERS).optional(),
    decimalMark: z.enum(DECIMAL_MARKS).optional(),
  })
  .strict();

/** Options of a preview or an import. */
export type ImportOptions = z.output<typeof importOptionsSchema>;

/** A file to import: a path (Electron, CLI) or its text (browser drag and drop). */
export const importFileSchema = z.union([
  z.object({ path: z.string().min(1).max(4096), options: importOptionsSchema.optional() }).strict(),
  z
    .object({
      name: z.string().min(1).max(255),
      text: z.string().max(512 * 1024 * 1024),
      options: importOptionsSchema.optional(),
    })
    .strict(),
]);

/** A file to import, as a channel takes it. */
export type ImportFileInput = z.output<typeof importFileSchema>;

const filesInput = z.array(importFileSchema).min(1).max(1000);

/** Channels of the import domain: preview, run, cancel, history, undo, remembered mappings. */
export const importChannels = {
  /** Detects and validates each file (a full pass, nothing written) and lists the choices still needed. */
  'import:preview': channel(z.object({ files: filesInput, options: importOptionsSchema.optional() }).strict())<
    FileResult[]
  >(),
  /**
   * Imports each file in its own transaction, in a worker; emits `import:progress` while it runs and
   * `import:done` at the end. Pass your own `jobId` to be able to cancel.
   */
  'import:run': channel(
    z
      .object({
        files: filesInput,
        options: importOptionsSchema.optional(),
        jobId: z.string().min(1).max(64).optional(),
      })
      .strict(),
  )<{ jobId: string; files: FileResult[] }>(),
  /** Cancels a running import: the file being written is rolled back, later files are not started. */
  'import:cancel': channel(z.object({ jobId: z.string().min(1).max(64) }).strict())<{ cancelled: boolean }>(),
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
  /** Rows done of the file being imported; sent at least 4 times a second while a job runs. */
  'import:progress': event<{ jobId: string; file: string; rowsDone: number; rowsTotal: number }>(),
  /** A job finished (imported, failed or cancelled); carries the same results as `import:run`. */
  'import:done': event<{ jobId: string; files: FileResult[] }>(),
};
