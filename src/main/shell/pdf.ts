/**
 * The printing port and the save dialog in the desktop app: a hidden, sandboxed window loads the print
 * view from the app scheme, Chromium's own `printToPDF` prints it, and the window is destroyed.
 */
import path from 'node:path';
import { app, BrowserWindow, dialog } from 'electron';
import type { PrintDocument } from '../../shared/pdf';
import type { ChooseTarget } from '../pdf/export';
import { PRINT_CALL, PRINT_PAGE, type PdfPrinter, type PrintPage } from '../pdf/printer';
import { APP_SCHEME, APP_HOST } from './app-protocol';

const MM_PER_INCH = 25.4;

/** Prints with a hidden window per export; none outlives its print. */
export class ElectronPrinter implements PdfPrinter {
  /** `baseUrl`: where the renderer is served (the app scheme, or the dev server). */
  constructor(private readonly baseUrl = `${APP_SCHEME}://${APP_HOST}/`) {}

  async print(document: PrintDocument, page: PrintPage): Promise<Uint8Array> {
    const win = new BrowserWindow({
      show: false,
      width: 1200,
      height: 1600,
      webPreferences: { contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, spellcheck: false, disableBlinkFeatures: 'Auxclick' },
    });
    try {
      await win.loadURL(new URL(PRINT_PAGE, this.baseUrl).href);
      // The document is data: JSON is a JavaScript expression, and the call runs in the print view only.
      await win.webContents.executeJavaScript(`window.${PRINT_CALL}(${JSON.stringify(document)})`, true);
      const m = page.marginMm;
      const pdf = await win.webContents.printToPDF({
        pageSize: page.format,
        margins: { top: m.top / MM_PER_INCH, right: m.right / MM_PER_INCH, bottom: m.bottom / MM_PER_INCH, left: m.left / MM_PER_INCH },
        printBackground: true,
        displayHeaderFooter: true,
        headerTemplate: '<div></div>',
        footerTemplate: page.footerTemplate,
        generateDocumentOutline: true,
        generateTaggedPDF: true,
      });
      return new Uint8Array(pdf);
    } finally {
      if (!win.isDestroyed()) win.destroy();
    }
  }

  async close(): Promise<void> {}
}

/** The save dialog, in Documents with the report's file name; it confirms replacing a file. */
export function saveDialog(parent: () => BrowserWindow | null): ChooseTarget {
  return async (suggestedName) => {
    const options: Electron.SaveDialogOptions = {
      title: 'Export PDF',
      defaultPath: path.join(app.getPath('documents'), suggestedName),
      filters: [{ name: 'PDF', extensions: ['pdf'] }],
      properties: ['showOverwriteConfirmation', 'createDirectory'],
    };
    const win = parent();
    const result = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
    return result.canceled || !result.filePath ? null : result.filePath;
  };
}
