import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PrintDocument } from '../../shared/pdf';

/** One page layout for Chromium's PDF engine. */
export interface PrintPage {
  /** `A4` or `Letter`. */
  format: 'A4' | 'Letter';
  /** Margins in millimetres (the bottom one leaves room for the footer). */
  marginMm: { top: number; right: number; bottom: number; left: number };
  /** The footer on every page: the report's title and "Page N of M" (Chromium's template). */
  footerTemplate: string;
}

/**
 * The printing port of the core: renders the renderer's print view of one document to PDF bytes with
 * Chromium's own engine. The Electron shell implements it with a hidden window and
 * `webContents.printToPDF`; plain Node (CLI, browser host) with playwright-core driving the system's
 * Chromium (./chromium.ts). Implementations leave no window, page or process behind per print.
 */
export interface PdfPrinter {
  print(document: PrintDocument, page: PrintPage): Promise<Uint8Array>;
  /** Releases the engine (the browser process); printing again starts it anew. */
  close(): Promise<void>;
}

/** The print view's entry in the built renderer; it exposes `window.breadthPrint(document)`. */
export const PRINT_PAGE = 'print.html';

/**
 * The call a printer makes once the print view has loaded: lays the document out, turns every chart
 * into an image, and resolves when the page is ready to print (or rejects with the reason).
 */
export const PRINT_CALL = 'breadthPrint';

/**
 * The built renderer holding the print view: `out/renderer` of the checkout (from the source under
 * tsx), or `../renderer` beside the bundled main process; the checkout's path when neither exists yet.
 */
export function defaultRendererDir(start = path.dirname(fileURLToPath(import.meta.url))): string {
  for (let dir = start, i = 0; i < 6; i++, dir = path.dirname(dir)) {
    for (const candidate of [path.join(dir, 'out', 'renderer'), path.join(dir, 'renderer')]) {
      // A build has its assets beside the page (src/renderer holds the page's source, not a build).
      if (fs.existsSync(path.join(candidate, PRINT_PAGE)) && fs.existsSync(path.join(candidate, 'assets'))) return candidate;
    }
  }
  return path.resolve(start, '../../../out/renderer');
}
