import type { PdfExport, PdfRequest, PrintDocument } from '../../shared/pdf';
import type { Core } from '../core';
import { DomainError } from '../errors';
import { reportFileName } from '../reports/markdown';
import { buildPrintDocument } from './document';
import { finishPdf } from './finish';
import type { PrintPage } from './printer';
import { writeFileAtomic } from './write';

/** Room the footer needs below the text, in millimetres. */
const FOOTER_MM = 14;

const escapeHtml = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** The page layout of a document: its paper, its margins (room for the footer), and the footer itself. */
export function printPage(doc: PrintDocument): PrintPage {
  const m = doc.marginMm;
  const title = doc.report.title.length > 90 ? `${doc.report.title.slice(0, 89)}…` : doc.report.title;
  // Chromium draws the footer in its own tiny document: every style must be inline and sized.
  const footerTemplate =
    `<div style="width:100%;box-sizing:border-box;padding:0 ${m}mm;font:9px/1.2 'DejaVu Sans',Arial,Helvetica,sans-serif;` +
    `color:#5b6573;display:flex;justify-content:space-between;gap:12px">` +
    `<span style="overflow:hidden;white-space:nowrap;text-overflow:ellipsis">${escapeHtml(title)}</span>` +
    `<span style="white-space:nowrap">Page <span class="pageNumber"></span> of <span class="totalPages"></span></span></div>`;
  return {
    format: doc.pageSize === 'letter' ? 'Letter' : 'A4',
    marginMm: { top: m, right: m, bottom: Math.max(m, FOOTER_MM), left: m },
    footerTemplate,
  };
}

/** Where the desktop app saves: the shell's save dialog (it confirms replacing a file); null when cancelled. */
export type ChooseTarget = (suggestedName: string) => Promise<string | null>;

/**
 * Exports one report: assembles the print document, asks where to save when the host can (the
 * desktop app), prints it with the core's printer, sets its metadata, and writes it whole or not at all.
 * Without a save dialog the PDF is returned as base64 for the caller to deliver.
 */
export async function exportPdf(core: Core, request: PdfRequest): Promise<PdfExport> {
  // What the request names is checked (and the figures computed) before the analyst is asked anything.
  const doc = await buildPrintDocument(core, request);
  const fileName = reportFileName(doc.report, 'pdf');
  const target = core.pdf.chooseTarget ? await core.pdf.chooseTarget(fileName) : null;
  if (core.pdf.chooseTarget && target === null) {
    return { fileName, pages: 0, bytes: 0, path: null, canceled: true, data: null };
  }
  let printed: Uint8Array;
  try {
    printed = await core.pdf.printer.print(doc, printPage(doc));
  } catch (err) {
    if (err instanceof DomainError) throw err;
    // The first line only: a browser's launch log follows it.
    throw new DomainError('INTERNAL', `the PDF could not be printed: ${(err as Error).message.split('\n')[0]}`);
  }
  const { bytes, pages } = await finishPdf(printed, doc);
  if (target !== null) {
    try {
      writeFileAtomic(target, bytes);
    } catch (err) {
      throw new DomainError('UNAVAILABLE', `could not write ${target}: ${(err as Error).message}; nothing was written`, { path: target });
    }
    return { fileName, pages, bytes: bytes.length, path: target, canceled: false, data: null };
  }
  return { fileName, pages, bytes: bytes.length, path: null, canceled: false, data: Buffer.from(bytes).toString('base64') };
}
