import { z } from 'zod';
import type { PdfExport } from '../pdf';
import { PAGE_SIZES } from '../settings';
import { channel } from './define';
import { rowId, tickerSymbol } from './schemas';

/** Which notes go in the appendix. */
const pdfNotes = z.union([z.enum(['all', 'none']), z.array(rowId).max(10_000)]);

/** What an export asks for; the same object the CLI's flags parse into. */
export const pdfRequestSchema = z
  .object({
    reportId: rowId,
    notes: pdfNotes.default('all'),
    pageSize: z.enum(PAGE_SIZES).optional(),
    charts: z.array(tickerSymbol).max(50).optional(),
    figuresTable: z.boolean().optional(),
  })
  .strict();

/** Channels of the pdf domain: a report printed by Chromium's own engine. */
export const pdfChannels = {
  /**
   * Exports a report as a PDF. In the desktop app main asks where to save (the dialog confirms
   * replacing a file) and writes it whole or not at all; elsewhere the PDF comes back as `data` for the
   * caller to deliver (a download, the CLI's --out). UNAVAILABLE when no Chromium can print.
   */
  'pdf:export': channel(pdfRequestSchema)<PdfExport>(),
};
