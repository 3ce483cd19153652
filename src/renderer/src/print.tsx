/**
 * The print view's entry (print.html): no IPC, no app. A printer loads it and calls
 * `window.breadthPrint(document)` with what main assembled; it draws each chart as an image, lays the
 * report out for paper, and resolves when the page is ready for Chromium's PDF engine.
 */
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import type { PrintDocument } from '@shared/pdf';
import { chartImage } from './features/pdf/print-chart';
import { PrintView } from './features/pdf/PrintView';
import { setDateFormat } from './lib/format';

/** The size a chart is printed at, in CSS pixels (the page's text width at 96 dpi for A4 with 15 mm margins). */
const CHART_SIZE = { width: 680, height: 300 } as const;

declare global {
  interface Window {
    breadthPrint?: (doc: PrintDocument) => Promise<void>;
  }
}

const root = createRoot(document.getElementById('root')!);

window.breadthPrint = async (doc) => {
  const images: Record<string, string> = {};
  for (const c of doc.charts) images[c.ticker] = await chartImage(c, CHART_SIZE.width, CHART_SIZE.height);
  document.title = doc.report.title;
  setDateFormat(doc.dateFormat);
  flushSync(() => root.render(<PrintView doc={doc} images={images} />));
  await document.fonts.ready;
  await Promise.all(Array.from(document.images, (img) => img.decode()));
};
