import { PDFDocument } from 'pdf-lib';
import type { PrintDocument } from '../../shared/pdf';

/** The PDF's document information, from the report and the settings. */
export function pdfMetadata(doc: PrintDocument): { title: string; author: string; subject: string; keywords: string[] } {
  const r = doc.report;
  return {
    title: r.title,
    author: doc.author,
    subject: `${r.market} · ${r.sentiment} · as of ${r.asOf}${doc.window.from !== doc.window.to ? ` · window ${doc.window.from} to ${doc.window.to}` : ''}`,
    keywords: r.tags,
  };
}

/**
 * Sets the document information Chromium leaves out (Author, Subject, Keywords; Title as the report's,
 * not the page's) with pdf-lib, keeping the outline and the tagged structure Chromium wrote.
 */
export async function finishPdf(bytes: Uint8Array, doc: PrintDocument): Promise<{ bytes: Uint8Array; pages: number }> {
  const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
  const meta = pdfMetadata(doc);
  pdf.setTitle(meta.title, { showInWindowTitleBar: true });
  if (meta.author) pdf.setAuthor(meta.author);
  pdf.setSubject(meta.subject);
  // One comma-separated entry: tags hold spaces (`small caps`), which pdf-lib would join on.
  if (meta.keywords.length) pdf.setKeywords([meta.keywords.join(', ')]);
  pdf.setCreator(`Breadth ${doc.appVersion}`);
  pdf.setProducer('Breadth (Chromium PDF engine, pdf-lib)');
  const at = new Date(doc.generatedAt);
  pdf.setCreationDate(at);
  pdf.setModificationDate(at);
  pdf.setLanguage('en');
  const out = await pdf.save();
  return { bytes: out, pages: pdf.getPageCount() };
}
