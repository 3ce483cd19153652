/**
 * The pdf domain on plain Node, over the shipped sample (real yfinance bars): what the print document
 * holds (figures equal to the analytics channel's, chart bars around the window, the chosen notes, the
 * archive's state), the export's flow through the dispatcher with a recording printer (save dialog
 * cancelled, saved whole, handed back as data), metadata set with pdf-lib, and a write that fails
 * half-way leaving nothing behind. Chromium itself prints in the end-to-end tests (tests/e2e/pdf.e2e.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../../src/main/core';
import { createDispatcher, type Dispatch } from '../../../src/main/ipc/handle';
import { handlers } from '../../../src/main/ipc/handlers';
import { buildPrintDocument } from '../../../src/main/pdf/document';
import { printPage } from '../../../src/main/pdf/export';
import { chromiumCandidates, findChromium } from '../../../src/main/pdf/chromium';
import type { PdfPrinter, PrintPage } from '../../../src/main/pdf/printer';
import { writeFileAtomic } from '../../../src/main/pdf/write';
import { loadSampleOnFirstStart } from '../../../src/main/sample/sample';
import type { MetricsPanel } from '../../../src/shared/analytics';
import type { PdfExport, PrintDocument } from '../../../src/shared/pdf';
import { tempDir } from '../../helpers/archive';
import { freshCore } from '../../helpers/core';

/** A printer that records what it was asked and answers a real (blank) one-page PDF made with pdf-lib. */
class RecordingPrinter implements PdfPrinter {
  jobs: Array<{ doc: PrintDocument; page: PrintPage }> = [];
  async print(doc: PrintDocument, page: PrintPage): Promise<Uint8Array> {
    this.jobs.push({ doc, page });
    const pdf = await PDFDocument.create();
    pdf.addPage([595, 842]);
    pdf.addPage([595, 842]);
    return pdf.save();
  }
  async close(): Promise<void> {}
}

const TRUSTED = { url: 'cli:' };
let core: Core;
let cleanup: () => void;
let dispatch: Dispatch;
let printer: RecordingPrinter;
let target: string | null = null;
let dir: string;

beforeAll(async () => {
  printer = new RecordingPrinter();
  ({ core, cleanup, dir } = freshCore('browser', { printer, chooseTarget: async () => target }));
  dispatch = createDispatcher(handlers, core, () => true, () => {});
  expect(await loadSampleOnFirstStart(core, { enabled: true })).toBe(true);
}, 60_000);
afterAll(() => cleanup());

const reportId = (): number => (core.db.prepare('SELECT id FROM reports WHERE sample = 1').pluck().get() as number);

describe('the print document', () => {
  it('holds each related ticker with the same panel analytics:panel answers over the window', async () => {
    const doc = await buildPrintDocument(core, { reportId: reportId(), notes: 'none' });
    expect(doc.report.title).toBe('Small caps lead the rally, a broadening bull market');
    expect(doc.window).toEqual({ from: '2025-12-01', to: '2026-01-09' });
    expect(doc.tickers.map((t) => t.ticker)).toEqual(['SPY', 'IWM', 'XLB', 'XLI', 'XLRE', 'XLU']);
    for (const row of doc.tickers) {
      const r = await dispatch('analytics:panel', { ticker: row.ticker, from: '2025-12-01', to: '2026-01-09', basis: 'as-traded' }, TRUSTED);
      expect(r.ok).toBe(true);
      const panel = (r as { data: MetricsPanel }).data;
      expect(row.hasData).toBe(true);
      expect(row.panel!.closeToClose.value).toBe(panel.closeToClose.value);
      expect(row.panel!.dailyVolatility.value).toBe(panel.dailyVolatility.value);
      expect(row.panel!.window.bars).toBe(28);
    }
    // IWM's close → close over the window as traded (the sample records its dividend of 2025-12-16).
    expect(doc.tickers[1]!.panel!.closeToClose.value!).toBeCloseTo(0.0595, 4);
    expect(doc.notes).toEqual([]);
    expect(doc.archive.newestBar).toBe('2026-02-20');
    expect(doc.archive.latestImport).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  it('charts every related ticker over the window and two months before it, with bars for the SMA before that', async () => {
    const doc = await buildPrintDocument(core, { reportId: reportId(), notes: 'all' });
    expect(doc.charts.map((c) => c.ticker)).toEqual(['SPY', 'IWM', 'XLB', 'XLI', 'XLRE', 'XLU']);
    const spy = doc.charts[0]!;
    expect(spy.shownFrom).toBe('2025-09-30');
    expect(spy.shownTo).toBe('2026-01-09');
    expect(spy.window).toEqual({ from: '2025-12-01', to: '2026-01-09' });
    const before = spy.dates.filter((d) => d < spy.shownFrom).length;
    expect(before).toBeGreaterThanOrEqual(20);
    expect(spy.dates.at(-1)).toBe('2026-01-09');
    expect(spy.close.every((v) => v === null || Number.isFinite(v))).toBe(true);
    expect(doc.notes.length).toBe(2);
  });

  it('takes the chosen notes and charts only, and refuses ones that are not the report’s', async () => {
    const all = await buildPrintDocument(core, { reportId: reportId(), notes: 'all' });
    const doc = await buildPrintDocument(core, { reportId: reportId(), notes: [all.notes[1]!.id], charts: ['IWM'] });
    expect(doc.notes.map((n) => n.id)).toEqual([all.notes[1]!.id]);
    expect(doc.charts.map((c) => c.ticker)).toEqual(['IWM']);
    const bad = await dispatch('pdf:export', { reportId: reportId(), notes: [999_999] }, TRUSTED);
    expect(bad.ok).toBe(false);
    expect((bad as { error: { code: string } }).error.code).toBe('NOT_FOUND');
    const notRelated = await dispatch('pdf:export', { reportId: reportId(), notes: 'none', charts: ['QQQ'] }, TRUSTED);
    expect((notRelated as { error: { code: string; message: string } }).error).toMatchObject({ code: 'INVALID_INPUT', message: expect.stringContaining('QQQ') });
    const noReport = await dispatch('pdf:export', { reportId: 424242, notes: 'none' }, TRUSTED);
    expect((noReport as { error: { code: string } }).error.code).toBe('NOT_FOUND');
    const badInput = await dispatch('pdf:export', { reportId: reportId(), notes: 'some', pageSize: 'a3' }, TRUSTED);
    expect((badInput as { error: { code: string } }).error.code).toBe('INVALID_INPUT');
  });

  it('lays the page out from the settings: paper, margins with room for the footer, the title escaped in the footer', async () => {
    core.settings.updateUi({ pageSize: 'letter', marginMm: 10, author: 'Desk <Analyst>' });
    try {
      const doc = await buildPrintDocument(core, { reportId: reportId(), notes: 'none' });
      const page = printPage({ ...doc, report: { ...doc.report, title: 'A & B <script>' } });
      expect(page.format).toBe('Letter');
      expect(page.marginMm).toEqual({ top: 10, right: 10, bottom: 14, left: 10 });
      expect(page.footerTemplate).toContain('A &amp; B &lt;script&gt;');
      expect(page.footerTemplate).toContain('class="pageNumber"');
      expect(page.footerTemplate).toContain('class="totalPages"');
      expect(doc.author).toBe('Desk <Analyst>');
      expect((await buildPrintDocument(core, { reportId: reportId(), notes: 'none', pageSize: 'a4' })).pageSize).toBe('a4');
    } finally {
      core.settings.updateUi({ pageSize: 'a4', marginMm: 15, author: '' });
    }
  });
});

describe('pdf:export', () => {
  it('writes nothing and prints nothing when the save dialog is cancelled', async () => {
    target = null;
    const before = printer.jobs.length;
    const r = await dispatch('pdf:export', { reportId: reportId(), notes: 'all' }, TRUSTED);
    expect(r).toMatchObject({ ok: true, data: { canceled: true, path: null, data: null } });
    expect(printer.jobs.length).toBe(before);
  });

  it('saves where the dialog said, with the report’s metadata set on the printed PDF', async () => {
    target = path.join(dir, 'out.pdf');
    core.settings.updateUi({ author: 'Jane Analyst' });
    const r = await dispatch('pdf:export', { reportId: reportId(), notes: 'all' }, TRUSTED);
    core.settings.updateUi({ author: '' });
    const data = (r as { data: PdfExport }).data;
    expect(data).toMatchObject({ canceled: false, path: target, pages: 2, fileName: '2026-01-11-small-caps-lead-the-rally-a-broadening-bull-market.pdf' });
    const pdf = await PDFDocument.load(fs.readFileSync(target), { updateMetadata: false });
    expect(pdf.getTitle()).toBe('Small caps lead the rally, a broadening bull market');
    expect(pdf.getAuthor()).toBe('Jane Analyst');
    expect(pdf.getSubject()).toBe('US Stock · Mixed · as of 2026-01-11 · window 2025-12-01 to 2026-01-09');
    expect(pdf.getKeywords()).toBe('small caps, Russell 2000, market breadth, sector rotation, risk-on');
    expect(data.bytes).toBe(fs.statSync(target).size);
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.part'))).toEqual([]);
  });

  it('hands the PDF back as data where main has no save dialog (browser host, CLI)', async () => {
    const { core: bare, cleanup: done } = freshCore('browser', { printer });
    try {
      await loadSampleOnFirstStart(bare, { enabled: true });
      const d = createDispatcher(handlers, bare, () => true, () => {});
      const r = await d('pdf:export', { reportId: 1, notes: 'none' }, TRUSTED);
      const data = (r as { data: PdfExport }).data;
      expect(data.path).toBeNull();
      const bytes = Buffer.from(data.data!, 'base64');
      expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
      expect(bytes.length).toBe(data.bytes);
    } finally {
      done();
    }
  }, 60_000);
});

describe('writeFileAtomic', () => {
  const bytes = new Uint8Array(300_000).map((_, i) => i % 251);

  it('writes the whole file', () => {
    const t = tempDir();
    try {
      const file = path.join(t.dir, 'a.pdf');
      writeFileAtomic(file, bytes);
      expect(Buffer.compare(fs.readFileSync(file), Buffer.from(bytes))).toBe(0);
      expect(fs.readdirSync(t.dir)).toEqual(['a.pdf']);
    } finally {
      t.cleanup();
    }
  });

  it('leaves no file at the target when the write fails half-way, and no temporary file either', () => {
    const t = tempDir();
    try {
      const file = path.join(t.dir, 'a.pdf');
      let partial = 0;
      expect(() =>
        writeFileAtomic(file, bytes, (written) => {
          // The temporary file really holds part of the PDF when the failure strikes.
          partial = fs.readdirSync(t.dir).map((f) => fs.statSync(path.join(t.dir, f)).size)[0] ?? 0;
          if (written > 100_000) throw new Error('ENOSPC: no space left on device');
        }),
      ).toThrow('ENOSPC');
      expect(partial).toBeGreaterThan(100_000);
      expect(fs.existsSync(file)).toBe(false);
      expect(fs.readdirSync(t.dir)).toEqual([]);
    } finally {
      t.cleanup();
    }
  });

  it('keeps the previous file intact when replacing it fails', () => {
    const t = tempDir();
    try {
      const file = path.join(t.dir, 'a.pdf');
      fs.writeFileSync(file, 'previous export');
      expect(() =>
        writeFileAtomic(file, bytes, (written) => {
          if (written >= 65_536) throw new Error('EIO');
        }),
      ).toThrow('EIO');
      expect(fs.readFileSync(file, 'utf8')).toBe('previous export');
      expect(fs.readdirSync(t.dir)).toEqual(['a.pdf']);
    } finally {
      t.cleanup();
    }
  });
});

describe('finding Chromium', () => {
  it('looks where each platform keeps it, BREADTH_CHROMIUM first', () => {
    expect(chromiumCandidates({ BREADTH_CHROMIUM: '/opt/c' }, 'linux').slice(0, 2)).toEqual(['/opt/c', '/usr/bin/chromium']);
    expect(chromiumCandidates({}, 'darwin')[0]).toContain('Google Chrome.app');
    expect(chromiumCandidates({ PROGRAMFILES: 'C:\\Program Files' }, 'win32')[0]).toContain('chrome.exe');
  });

  it('names what to install when none is found', () => {
    expect(() => findChromium(['/nonexistent/chromium'])).toThrow(/apt-get install chromium.*BREADTH_CHROMIUM/);
    try {
      findChromium(['/nonexistent/chromium']);
    } catch (err) {
      expect((err as { code: string }).code).toBe('UNAVAILABLE');
    }
  });
});
