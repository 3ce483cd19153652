import { PDFDict, PDFDocument, PDFHexString, PDFName, PDFString } from 'pdf-lib';
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
  fixTitleBookmark(pdf, meta.title);
  const out = await pdf.save();
  return { bytes: out, pages: pdf.getPageCount() };
}

/**
 * Chromium names the title's bookmark from its laid-out lines, dropping the space where the heading
 * wrapped ("bull" + "market"); the first bookmark gets the report's title back.
 */
function fixTitleBookmark(pdf: PDFDocument, title: string): void {
  const first = pdf.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict)?.lookupMaybe(PDFName.of('First'), PDFDict);
  const t = first?.lookup(PDFName.of('Title'));
  if (!first || !(t instanceof PDFString || t instanceof PDFHexString)) return;
  const squash = (s: string): string => s.replace(/\s+/g, '');
  if (squash(t.decodeText()) === squash(title)) first.set(PDFName.of('Title'), PDFHexString.fromText(title));
}
