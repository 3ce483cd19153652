/**
 * PDF export end to end, printed by the system's Chromium: the sample report exported through the UI
 * (a download from the browser host) and through the CLI, then read back with poppler: pdftotext finds
 * the title, every section heading, the related tickers' figures and a note; pdfinfo shows the
 * metadata and a sensible page count; pdftoppm renders every page (kept under artifacts/pdf) and a pixel
 * check finds candles in each chart's region. A write that fails half-way leaves no file; twenty exports
 * in a row leave no page or browser process behind.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { PDFDict, PDFDocument, PDFHexString, PDFName, PDFString } from 'pdf-lib';
import { expect, invokeInPage, keepScreenshot, repoRoot, runCli, startHost, test } from './support/host';

const pdfDir = path.join(repoRoot, 'artifacts', 'pdf');
const TITLE = 'Small caps lead the rally, a broadening bull market';
const NOTE_TEXT = 'Worth correcting before this goes out';

const text = (file: string): string => execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
const info = (file: string): Record<string, string> =>
  Object.fromEntries(
    execFileSync('pdfinfo', [file], { encoding: 'utf8' })
      .split('\n')
      .filter((l) => l.includes(':'))
      .map((l) => [l.slice(0, l.indexOf(':')).trim(), l.slice(l.indexOf(':') + 1).trim()]),
  );

/** The PDF's bookmarks, depth-first, indented by level. */
async function outline(file: string): Promise<string[]> {
  const pdf = await PDFDocument.load(fs.readFileSync(file));
  const out: string[] = [];
  const walk = (d: PDFDict | undefined, depth: number): void => {
    for (let it = d?.lookupMaybe(PDFName.of('First'), PDFDict); it; it = it.lookupMaybe(PDFName.of('Next'), PDFDict)) {
      const t = it.lookup(PDFName.of('Title'));
      out.push('  '.repeat(depth) + (t instanceof PDFString || t instanceof PDFHexString ? t.decodeText() : ''));
      walk(it, depth + 1);
    }
  };
  walk(pdf.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict), 0);
  return out;
}

/** One rendered page as RGB pixels (pdftoppm's binary PPM). */
interface Raster {
  width: number;
  height: number;
  rgb: Buffer;
}

function raster(file: string, page: number, dpi: number): Raster {
  const ppm = execFileSync('pdftoppm', ['-r', String(dpi), '-f', String(page), '-l', String(page), file], { maxBuffer: 64 << 20 });
  // P6\n<w> <h>\n255\n<bytes>
  const header = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(ppm.subarray(0, 40).toString('latin1'))!;
  return { width: Number(header[1]), height: Number(header[2]), rgb: ppm.subarray(header[0].length) };
}

/** Pixels in a rectangle (in page points) that are candle green, candle red, or anything but white. */
function inks(r: Raster, box: { x0: number; y0: number; x1: number; y1: number }, pointsWide: number): { green: number; red: number; ink: number; total: number } {
  const s = r.width / pointsWide;
  let green = 0;
  let red = 0;
  let ink = 0;
  let total = 0;
  for (let y = Math.max(0, Math.floor(box.y0 * s)); y < Math.min(r.height, Math.ceil(box.y1 * s)); y++) {
    for (let x = Math.max(0, Math.floor(box.x0 * s)); x < Math.min(r.width, Math.ceil(box.x1 * s)); x++) {
      const i = (y * r.width + x) * 3;
      const [R, G, B] = [r.rgb[i]!, r.rgb[i + 1]!, r.rgb[i + 2]!];
      total++;
      if (R < 235 || G < 235 || B < 235) ink++;
      if (G > 110 && R < 80 && B > 80 && B < 170) green++; // #089981
      if (R > 190 && G < 110 && B < 120) red++; // #f23645
    }
  }
  return { green, red, ink, total };
}

/** Each chart's caption line (ticker, page, top in points) from pdftotext's word boxes. */
function chartCaptions(file: string): Array<{ ticker: string; page: number; top: number; pageWidth: number }> {
  const html = execFileSync('pdftotext', ['-bbox', file, '-'], { encoding: 'utf8' });
  const found: Array<{ ticker: string; page: number; top: number; pageWidth: number }> = [];
  const pages = html.split('<page ').slice(1);
  pages.forEach((p, i) => {
    const width = Number(/width="([\d.]+)"/.exec(p)![1]);
    const words = [...p.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="[\d.]+" yMax="[\d.]+">([^<]*)<\/word>/g)].map((m) => ({
      x: Number(m[1]),
      y: Number(m[2]),
      w: m[3]!,
    }));
    for (const w of words) {
      if (w.w !== 'candles') continue;
      // The caption starts with the ticker, on the same line.
      const first = words.filter((o) => Math.abs(o.y - w.y) < 2).sort((a, b) => a.x - b.x)[0]!;
      found.push({ ticker: first.w, page: i + 1, top: w.y, pageWidth: width });
    }
  });
  return found;
}

/** Checks a PDF of the sample as a reader would find it, and keeps its pages as PNGs under `name`. */
async function checkSamplePdf(file: string, opts: { name: string; notes: boolean; paper: 'A4' | 'Letter'; author: string | null; figures: Map<string, string> }): Promise<void> {
  const body = text(file);
  expect(body).toContain('Small caps lead the rally');
  const sections = ['The leadership shift', 'Sector rotation', 'Performance and technical context', 'Index comparison', 'Concentration', 'Risks', 'Opportunities', 'Risk warning'];
  for (const h of ['Related tickers', 'Figures', 'Charts', ...sections, 'References']) expect(body, h).toContain(h);
  // Each related ticker's row carries its close → close change over the window, as the app shows it.
  for (const [ticker, change] of opts.figures) {
    // A ticker the import flagged carries a footnote mark (XLB*).
    const row = body.split('\n').find((l) => new RegExp(`^\\s*${ticker}\\*?\\s`).test(l));
    expect(row, `${ticker} row`).toBeDefined();
    // Spaces as written (the unit follows a no-break space) read as one space.
    expect(row!.replace(/\s+/g, ' '), `${ticker} change`).toContain(change);
  }
  expect(body).toMatch(/XLB 2025-11-17: close moved ×0\.49 .* unadjusted 2:1 split/s);
  // Prices in the notes are rounded as prices are shown, not the file's raw floats.
  expect(body).toMatch(/High 92\.07 is below Open 92\.13/);
  expect(body.includes(NOTE_TEXT)).toBe(opts.notes);
  expect(body.includes('Appendix: notes')).toBe(opts.notes);
  expect(body).toMatch(/Generated .* by Breadth .* newest bar is\s+2026-02-20/s);
  expect(body).toMatch(/Page 1 of \d+/);
  // No heading ends a page: the last line above each footer is never one.
  const headings = new Set(['Related tickers', 'Figures', 'Charts', ...sections, 'References', 'Appendix: notes']);
  for (const [i, pageText] of body.split('\f').entries()) {
    const lines = pageText.split('\n').map((l) => l.trim()).filter(Boolean);
    const footer = lines.findIndex((l) => /Page \d+ of \d+$/.test(l));
    if (footer <= 0) continue;
    expect(headings.has(lines[footer - 1]!), `page ${i + 1} ends with the heading "${lines[footer - 1]}"`).toBe(false);
  }

  const meta = info(file);
  expect(meta['Title']).toBe(TITLE);
  if (opts.author) expect(meta['Author']).toBe(opts.author);
  expect(meta['Subject']).toBe('US Stock · Mixed · as of 2026-01-11 · window 2025-12-01 to 2026-01-09');
  expect(meta['Keywords']).toBe('small caps, Russell 2000, market breadth, sector rotation, risk-on');
  expect(meta['Tagged']).toBe('yes');
  expect(meta['Page size']).toContain(opts.paper === 'A4' ? '(A4)' : '(letter)');
  const pages = Number(meta['Pages']);
  expect(pages).toBeGreaterThanOrEqual(4);
  expect(pages).toBeLessThanOrEqual(10);

  // The closing line never stands alone on a last page.
  const lastPage = body.split('\f').filter((p) => p.trim()).at(-1)!.split('\n').map((l) => l.trim()).filter(Boolean);
  expect(lastPage.findIndex((l) => l.startsWith('Generated ')), 'what the last page holds before the closing line').toBeGreaterThanOrEqual(2);

  const marks = await outline(file);
  expect(marks[0]).toBe(TITLE);
  for (const h of sections) expect(marks).toContain(`  ${h}`);

  // Every page rendered, kept for a reader to look at.
  fs.mkdirSync(pdfDir, { recursive: true });
  for (const f of fs.readdirSync(pdfDir).filter((f) => f.startsWith(`${opts.name}-`))) fs.rmSync(path.join(pdfDir, f));
  execFileSync('pdftoppm', ['-r', '80', '-png', file, path.join(pdfDir, opts.name)]);
  expect(fs.readdirSync(pdfDir).filter((f) => f.startsWith(`${opts.name}-`) && f.endsWith('.png')).length).toBe(pages);

  // Each chart's region (the image above its caption, 300/680 of the text width tall) holds candles.
  const captions = chartCaptions(file);
  expect(captions.map((c) => c.ticker)).toEqual(['SPY', 'IWM', 'XLB', 'XLI', 'XLRE', 'XLU']);
  for (const c of captions) {
    const r = raster(file, c.page, 72);
    const margin = c.pageWidth * 0.12;
    const height = (c.pageWidth - 2 * margin) * (300 / 680);
    const box = { x0: margin, y0: c.top - height * 0.9, x1: c.pageWidth - margin, y1: c.top - 4 };
    const ink = inks(r, box, c.pageWidth);
    expect(ink.ink / ink.total, `${c.ticker} chart has ink`).toBeGreaterThan(0.04);
    expect(ink.green, `${c.ticker} up candles`).toBeGreaterThan(40);
    expect(ink.red, `${c.ticker} down candles`).toBeGreaterThan(40);
    // And the page's margin beside it is blank paper, so the check can tell ink from none.
    const blank = inks(r, { x0: 2, y0: box.y0, x1: margin * 0.5, y1: box.y1 }, c.pageWidth);
    expect(blank.ink).toBe(0);
  }
}

/** The change column as the PDF prints it, from the app's own analytics channel. */
async function expectedChanges(page: Page): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const ticker of ['SPY', 'IWM', 'XLB', 'XLI', 'XLRE', 'XLU']) {
    const r = await invokeInPage<{ ok: boolean; data: { closeToClose: { value: number } } }>(page, 'analytics:panel', {
      ticker,
      from: '2025-12-01',
      to: '2026-01-09',
      basis: 'as-traded',
    });
    const v = r.data.closeToClose.value;
    out.set(ticker, `${v > 0 ? '+' : '−'}${Math.abs(v * 100).toFixed(2)} %`);
  }
  return out;
}

test('the sample report exported from the report view downloads a PDF with its figures, charts and notes', async ({ page }) => {
  const host = await startHost(
    (dbPath) => {
      // Settings as the analyst left them: an author and Letter paper.
      fs.writeFileSync(path.join(path.dirname(dbPath), 'settings.json'), JSON.stringify({ author: 'Jane Analyst', pageSize: 'letter' }));
    },
    undefined,
    { sample: true },
  );
  try {
    await page.goto(host.url);
    await expect(page.getByTestId('report-title')).toHaveText(TITLE);
    await page.getByRole('button', { name: 'Export PDF' }).click();
    const dialog = page.getByRole('dialog', { name: 'Export PDF' });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole('radio', { name: 'Letter' })).toBeChecked();
    await expect(dialog.getByRole('checkbox', { name: 'XLRE' })).toBeChecked();
    await dialog.getByRole('radio', { name: 'All (2)' }).check();
    await keepScreenshot(page, 'pdf-export-dialog');
    const downloading = page.waitForEvent('download');
    await dialog.getByRole('button', { name: 'Export PDF' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe('2026-01-11-small-caps-lead-the-rally-a-broadening-bull-market.pdf');
    const file = path.join(host.dir, 'ui.pdf');
    await download.saveAs(file);
    await expect(dialog.getByRole('status')).toContainText(/Downloaded 2026-01-11-small-caps.*\.pdf \(\d+ pages\)/);
    await checkSamplePdf(file, { name: 'sample-ui-letter', notes: true, paper: 'Letter', author: 'Jane Analyst', figures: await expectedChanges(page) });

    // Ctrl+Shift+E opens the same dialog from another view; Escape closes it.
    await dialog.getByRole('button', { name: 'Close' }).click();
    await page.getByRole('tab', { name: 'Chart' }).click();
    await page.keyboard.press('Control+Shift+E');
    await expect(dialog).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
  } finally {
    await host.stop();
  }
});

test('the export dialog in the dark theme at 1024×700', async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 700 });
  await page.emulateMedia({ colorScheme: 'dark' });
  const host = await startHost(undefined, undefined, { sample: true });
  try {
    await page.goto(host.url);
    await expect(page.getByTestId('report-title')).toBeVisible();
    await page.keyboard.press('Control+Shift+E');
    const dialog = page.getByRole('dialog', { name: 'Export PDF' });
    await dialog.getByRole('radio', { name: 'Chosen' }).check();
    await expect(dialog.getByRole('list', { name: 'Notes to include' }).getByRole('checkbox')).toHaveCount(2);
    // Nothing chosen yet: nothing to export.
    await expect(dialog.getByRole('button', { name: 'Export PDF' })).toBeDisabled();
    await dialog.getByRole('list', { name: 'Notes to include' }).getByRole('checkbox').first().check();
    await expect(dialog.getByRole('button', { name: 'Export PDF' })).toBeEnabled();
    const box = await dialog.boundingBox();
    expect(box!.y + box!.height).toBeLessThanOrEqual(700);
    await keepScreenshot(page, 'pdf-export-dialog-dark-1024x700');
  } finally {
    await host.stop();
  }
});

test('the CLI exports the sample as A4, refuses to replace a file without --force, and a failed write leaves nothing', async ({ page }) => {
  const host = await startHost(undefined, undefined, { sample: true });
  try {
    await page.goto(host.url);
    const figures = await expectedChanges(page);
    const file = path.join(host.dir, 'cli.pdf');
    const result = (await host.cli(['export-pdf', '--report', '1', '--out', file, '--notes', '--page', 'a4'])) as { pages: number; bytes: number; file: string };
    expect(result.file).toBe(file);
    expect(result.bytes).toBe(fs.statSync(file).size);
    await checkSamplePdf(file, { name: 'sample-cli-a4', notes: true, paper: 'A4', author: null, figures });

    // Without --notes the appendix stays out; an existing file is kept unless --force.
    const before = fs.readFileSync(file);
    await expect(host.cli(['export-pdf', '--report', '1', '--out', file])).rejects.toThrow(/exited 2: error: .*cli\.pdf exists; pass --force to replace it/);
    expect(Buffer.compare(fs.readFileSync(file), before)).toBe(0);
    await host.cli(['export-pdf', '--report', '1', '--out', file, '--force']);
    const plain = text(file);
    expect(plain).not.toContain(NOTE_TEXT);
    // The prose carries each checked figure's mark; the table of figures only when asked for.
    // IWM's 5.97 % holds open-to-close as traded (the sample records its December dividend).
    expect(plain).toMatch(/IWM rose 5\.97 % ?≈/);
    expect(plain).not.toContain('Figures checked');
    await host.cli(['export-pdf', '--report', '1', '--out', file, '--force', '--figures']);
    const withTable = text(file);
    expect(withTable).toContain('Figures checked');
    expect(withTable).toMatch(/cannot be checked: import \^IXIC for 2025-12-01\.\.2026-/);
    expect(withTable).toMatch(/holds on another basis: holds open-to-close, not close-/);
    expect(withTable).toMatch(/2026-01-11 is a Sunday, not a trading day/);
    await expect(host.cli(['export-pdf', '--report', '99', '--out', path.join(host.dir, 'x.pdf')])).rejects.toThrow(/no report 99/);
    await expect(host.cli(['export-pdf', '--report', '1', '--out', path.join(host.dir, 'y.pdf'), '--page', 'a3'])).rejects.toThrow(/exited 2: error: --page/);
    expect(fs.existsSync(path.join(host.dir, 'x.pdf')) || fs.existsSync(path.join(host.dir, 'y.pdf'))).toBe(false);
  } finally {
    await host.stop();
  }
});

test('a disk that fills half-way through the write leaves no file at the target and no temporary file', async () => {
  // A real full disk: a 64 KB tmpfs, smaller than the PDF (mounting needs root, as CI runs).
  const mount = fs.mkdtempSync(path.join(os.tmpdir(), 'breadth-full-'));
  const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', mount]).status === 0;
  test.skip(!mounted, 'cannot mount a small tmpfs here (needs root); tests/unit/pdf/export.test.ts injects the same failure');
  const host = await startHost(undefined, undefined, { sample: true });
  try {
    const target = path.join(mount, 'report.pdf');
    await expect(runCli(['export-pdf', '--db', host.dbPath, '--report', '1', '--out', target, '--notes'])).rejects.toThrow(
      /exited 1: .*could not write .*report\.pdf: ENOSPC.*nothing was written/s,
    );
    expect(fs.readdirSync(mount)).toEqual([]);
    // The same export where there is room succeeds: the failure was the disk's.
    const ok = path.join(host.dir, 'ok.pdf');
    await host.cli(['export-pdf', '--report', '1', '--out', ok]);
    expect(fs.statSync(ok).size).toBeGreaterThan(64 * 1024);
  } finally {
    await host.stop();
    spawnSync('umount', [mount]);
    fs.rmSync(mount, { recursive: true, force: true });
  }
});

/** The host's descendant processes that are Chromium: all of them, and its renderers (one per open page). */
function chromiumUnder(pid: number): { all: number[]; renderers: number[]; types: string } {
  const rows = execFileSync('ps', ['-eo', 'pid=,ppid=,args='], { encoding: 'utf8' })
    .split('\n')
    .map((l) => /^\s*(\d+)\s+(\d+)\s+(.*)$/.exec(l))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ pid: Number(m[1]), ppid: Number(m[2]), args: m[3]! }));
  const mine = new Set([pid]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const r of rows) {
      if (!mine.has(r.pid) && mine.has(r.ppid)) {
        mine.add(r.pid);
        grew = true;
      }
    }
  }
  const chromium = rows.filter((r) => mine.has(r.pid) && /chrom/i.test(r.args.split(' ')[0]!));
  const types = chromium.map((r) => /--type=(\S+)/.exec(r.args)?.[1] ?? 'browser');
  return {
    all: chromium.map((r) => r.pid),
    renderers: chromium.filter((r) => r.args.includes('--type=renderer')).map((r) => r.pid),
    types: types.sort().join(','),
  };
}

test('twenty exports in a row leave no page or browser process behind', async () => {
  test.setTimeout(300_000);
  const host = await startHost(undefined, undefined, { sample: true });
  const invoke = async (): Promise<number> => {
    const res = await fetch(`${host.origin}/api/invoke`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${host.token}` },
      body: JSON.stringify({ channel: 'pdf:export', input: { reportId: 1, notes: 'all' } }),
    });
    const r = (await res.json()) as { ok: boolean; data: { pages: number } };
    expect(r.ok).toBe(true);
    return r.data.pages;
  };
  let seen: number[] = [];
  try {
    expect(chromiumUnder(host.pid).all).toEqual([]);
    const pages = await invoke();
    const first = chromiumUnder(host.pid);
    expect(first.all.length).toBeGreaterThan(0);
    seen = [...first.all];
    for (let i = 1; i < 20; i++) {
      expect(await invoke()).toBe(pages);
      seen.push(...chromiumUnder(host.pid).all);
    }
    // A closed page's renderer winds down just after its context closes; then the browser is back to
    // what it was after one export (a page left open per export would leave twenty renderers).
    await expect
      .poll(() => chromiumUnder(host.pid).all.length, { timeout: 15_000, message: `after one export: ${first.types}` })
      .toBeLessThanOrEqual(first.all.length);
    const after = chromiumUnder(host.pid);
    expect(after.renderers.length).toBeLessThanOrEqual(first.renderers.length);
    // The one browser process is the same throughout.
    expect(after.all.filter((p) => first.all.includes(p)).length).toBeGreaterThan(0);
  } finally {
    await host.stop();
  }
  // Stopping the host closes the browser with it.
  await expect
    .poll(
      () =>
        seen.filter((p) => {
          try {
            process.kill(p, 0);
            return true;
          } catch {
            return false;
          }
        }).length,
      { timeout: 10_000 },
    )
    .toBe(0);
});
