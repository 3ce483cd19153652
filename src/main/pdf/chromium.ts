import fs from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import type { PrintDocument } from '../../shared/pdf';
import { DomainError } from '../errors';
import { CONTENT_SECURITY_POLICY, rendererFile } from '../web/static';
import { PRINT_CALL, PRINT_PAGE, type PdfPrinter, type PrintPage } from './printer';

/** Where Chromium or Chrome usually lives, per platform; `BREADTH_CHROMIUM` (or `CHROMIUM_PATH`) first. */
export function chromiumCandidates(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string[] {
  const fromEnv = [env['BREADTH_CHROMIUM'], env['CHROMIUM_PATH']].filter((p): p is string => Boolean(p));
  if (platform === 'darwin') {
    return [
      ...fromEnv,
      '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
      '/Applications/Chromium.app/Contents/MacOS/Chromium',
      '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
    ];
  }
  if (platform === 'win32') {
    const roots = [env['PROGRAMFILES'], env['PROGRAMFILES(X86)'], env['LOCALAPPDATA']].filter((p): p is string => Boolean(p));
    return [
      ...fromEnv,
      ...roots.flatMap((r) => [
        path.join(r, 'Google', 'Chrome', 'Application', 'chrome.exe'),
        path.join(r, 'Microsoft', 'Edge', 'Application', 'msedge.exe'),
      ]),
    ];
  }
  return [
    ...fromEnv,
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/snap/bin/chromium',
  ];
}

/** The first Chromium or Chrome found, or an UNAVAILABLE error naming what to install. */
export function findChromium(candidates = chromiumCandidates()): string {
  const found = candidates.find((p) => existsSync(p));
  if (found) return found;
  throw new DomainError(
    'UNAVAILABLE',
    'PDF export needs Chromium or Google Chrome, and none was found ' +
      `(looked at ${candidates.join(', ')}). Install one (Debian/Ubuntu: apt-get install chromium; ` +
      'macOS and Windows: Google Chrome) or set BREADTH_CHROMIUM to its path.',
    { candidates },
  );
}

/** Chromium's flags for printing offline: no sandbox as root, and nothing that dials out. */
export const CHROMIUM_ARGS = [
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--disable-extensions',
  '--disable-default-apps',
  '--disable-dev-shm-usage',
];

/** The made-up origin the print view is served from; requests anywhere else are refused. */
const ORIGIN = 'http://print.breadth.invalid';

/** How long one print may take before it is abandoned. */
const PRINT_TIMEOUT_MS = 60_000;

/**
 * The printing port on plain Node: playwright-core driving the system's Chromium. One browser process
 * serves every print (started on first use, closed with the core); each print gets its own context,
 * closed when it is done, so no page outlives its print. The print view is served from the built
 * renderer through a request handler, never from disk URLs or the network.
 */
export class ChromiumPrinter implements PdfPrinter {
  private browser: Promise<Browser> | null = null;

  constructor(
    private readonly options: {
      /** The built renderer (out/renderer), which holds print.html. */
      rendererDir: string;
      executablePath?: string;
    },
  ) {}

  private launch(): Promise<Browser> {
    if (!this.browser) {
      const started = (async () => {
        if (!existsSync(path.join(this.options.rendererDir, PRINT_PAGE))) {
          throw new DomainError(
            'UNAVAILABLE',
            `PDF export needs the built print view (${path.join(this.options.rendererDir, PRINT_PAGE)}); run \`npm run build\` first.`,
          );
        }
        const executablePath = this.options.executablePath ?? findChromium();
        const { chromium } = await import('playwright-core');
        const browser = await chromium.launch({
          executablePath,
          headless: true,
          args: [...CHROMIUM_ARGS, ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])],
        });
        browser.on('disconnected', () => {
          if (this.browser === started) this.browser = null;
        });
        return browser;
      })();
      this.browser = started;
      started.catch(() => {
        if (this.browser === started) this.browser = null;
      });
    }
    return this.browser;
  }

  async print(document: PrintDocument, page: PrintPage): Promise<Uint8Array> {
    const browser = await this.launch();
    const context = await browser.newContext({ viewport: { width: 1200, height: 1600 }, offline: false });
    try {
      const rendererDir = this.options.rendererDir;
      await context.route('**/*', async (route) => {
        const url = new URL(route.request().url());
        if (url.origin !== ORIGIN) return route.abort('blockedbyclient');
        const target = rendererFile(rendererDir, url.pathname);
        if ('refused' in target) return route.fulfill({ status: target.refused });
        try {
          const body = await fs.readFile(target.file);
          return route.fulfill({
            status: 200,
            body,
            contentType: target.type,
            headers: { 'content-security-policy': CONTENT_SECURITY_POLICY, 'x-content-type-options': 'nosniff' },
          });
        } catch {
          return route.fulfill({ status: 404 });
        }
      });
      const tab = await context.newPage();
      tab.setDefaultTimeout(PRINT_TIMEOUT_MS);
      const errors: string[] = [];
      tab.on('pageerror', (e) => errors.push(e.message));
      tab.on('console', (m) => {
        if (m.type() === 'error') errors.push(m.text());
      });
      tab.on('requestfailed', (r) => errors.push(`${r.url()}: ${r.failure()?.errorText ?? 'failed'}`));
      await tab.goto(`${ORIGIN}/${PRINT_PAGE}`, { waitUntil: 'load' });
      // These run in the page, where globalThis is its window.
      try {
        await tab.waitForFunction((name) => typeof (globalThis as unknown as Record<string, unknown>)[name] === 'function', PRINT_CALL, {
          timeout: 15_000,
        });
      } catch {
        throw new Error(`the print view did not start${errors.length ? `: ${errors.join('; ')}` : ''}`);
      }
      try {
        await tab.evaluate(
          ([name, doc]) => (globalThis as unknown as Record<string, (d: unknown) => Promise<void>>)[name as string]!(doc),
          [PRINT_CALL, document] as const,
        );
      } catch (err) {
        throw new Error(`the print view failed: ${(err as Error).message}${errors.length ? ` (${errors.join('; ')})` : ''}`);
      }
      const pdf = await tab.pdf({
        format: page.format,
        margin: {
          top: `${page.marginMm.top}mm`,
          right: `${page.marginMm.right}mm`,
          bottom: `${page.marginMm.bottom}mm`,
          left: `${page.marginMm.left}mm`,
        },
        printBackground: true,
        displayHeaderFooter: true,
        headerTemplate: '<div></div>',
        footerTemplate: page.footerTemplate,
        outline: true,
        tagged: true,
      });
      return new Uint8Array(pdf);
    } finally {
      await context.close().catch(() => {});
    }
  }

  /** Pages open now across the browser (0 between prints); for leak checks. */
  async openPages(): Promise<number> {
    if (!this.browser) return 0;
    const b = await this.browser.catch(() => null);
    return b ? b.contexts().reduce((n, c) => n + c.pages().length, 0) : 0;
  }

  async close(): Promise<void> {
    const b = this.browser;
    this.browser = null;
    if (b) await (await b.catch(() => null))?.close().catch(() => {});
  }
}
