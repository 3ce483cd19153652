/**
 * Reports, notes, search and the sample through the real dispatcher (validation, handlers, error
 * envelope) over an archive loaded with the shipped sample (real yfinance bars), and through the CLI.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../src/main/cli/run';
import type { Core } from '../../../src/main/core';
import { createDispatcher, type Dispatch } from '../../../src/main/ipc/handle';
import { handlers } from '../../../src/main/ipc/handlers';
import { loadSampleOnFirstStart } from '../../../src/main/sample/sample';
import type { Note, NoteMarker, NoteVersion } from '../../../src/shared/notes';
import type { Report, ReportDraft, ReportMarkdown, ReportSummary } from '../../../src/shared/reports';
import type { SampleStatus } from '../../../src/shared/sample';
import type { SearchHit } from '../../../src/shared/search';
import { tempDir } from '../../helpers/archive';
import { freshCore } from '../../helpers/core';

const TRUSTED = { url: 'file:///app/out/renderer/index.html' };
let core: Core;
let cleanup: () => void;
let dispatch: Dispatch;
let sample: SampleStatus;

beforeAll(async () => {
  ({ core, cleanup } = freshCore());
  dispatch = createDispatcher(handlers, core, (s) => s.url === TRUSTED.url, () => {});
  expect(await loadSampleOnFirstStart(core, { enabled: true })).toBe(true);
  sample = await ok<SampleStatus>('sample:status', {});
}, 60_000);
afterAll(() => cleanup());

async function call(channel: string, input: unknown) {
  return dispatch(channel, input, TRUSTED);
}
async function ok<T>(channel: string, input: unknown): Promise<T> {
  const r = await call(channel, input);
  if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`);
  return r.data as T;
}
async function fails(channel: string, input: unknown): Promise<{ code: string; message: string }> {
  const r = await call(channel, input);
  expect(r.ok, `${channel} should fail`).toBe(false);
  return (r as { error: { code: string; message: string } }).error;
}

const draft = (over: Partial<ReportDraft> = {}): ReportDraft => ({
  title: 'Energy lags as rates rise',
  asOf: '2026-02-13',
  market: 'US Stock',
  sentiment: 'Bearish',
  tags: ['energy', 'rates'],
  tickers: ['XLE', 'SPY'],
  window: { from: '2026-01-12', to: '2026-02-13' },
  sections: [{ id: 'summary', heading: 'Summary', markdown: 'Energy fell while the index held up [1]. Watch crude inventories.' }],
  references: [{ n: 1, title: 'Weekly petroleum status', publisher: 'EIA', date: '2026-02-11', url: 'https://www.eia.gov/petroleum/supply/weekly/' }],
  ...over,
});

describe('the sample', () => {
  it('holds the real prices of the report tickers and indices, a report and two anchored notes', async () => {
    expect(sample.present).toBe(true);
    expect(sample.tickers).toEqual(['IWM', 'SPY', 'XLB', 'XLE', 'XLI', 'XLRE', 'XLU', '^DJI', '^GSPC', '^RUT']);
    const info = await ok<{ tickers: number; firstDate: string; lastDate: string; reports: number; notes: number }>('archive:info', {});
    expect(info).toMatchObject({ tickers: 10, firstDate: '2024-01-02', lastDate: '2026-02-20', reports: 1, notes: 2 });
    const r = await ok<Report>('reports:get', { id: sample.reportId });
    expect(r).toMatchObject({
      title: expect.stringMatching(/^Small caps lead the rally/),
      asOf: '2026-01-11',
      sentiment: 'Mixed',
      sample: true,
      tickers: ['SPY', 'IWM', 'XLB', 'XLI', 'XLRE', 'XLU'],
      window: { from: '2025-12-01', to: '2026-01-09' },
    });
    expect(r.sections.map((s) => s.id)).toContain('index-comparison');
    // Every [n] the prose cites has a reference.
    const cited = new Set(r.sections.flatMap((s) => [...s.markdown.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1]))));
    for (const n of cited) expect(r.references.map((x) => x.n)).toContain(n);
    const notes = await ok<Note[]>('notes:list', { reportId: r.id });
    expect(notes.map((n) => n.anchor)).toEqual([
      { section: 'performance-and-technical-context', ticker: 'IWM', date: '2026-01-09' },
      { section: 'index-comparison', ticker: null, date: null },
    ]);
  });

  it('loads only into an empty archive that never had it, and only once', async () => {
    expect(await loadSampleOnFirstStart(core, { enabled: true })).toBe(false);
    const c = freshCore();
    try {
      expect(await loadSampleOnFirstStart(c.core, { enabled: false })).toBe(false);
      expect(c.core.db.prepare('SELECT count(*) FROM reports').pluck().get()).toBe(0);
    } finally {
      c.cleanup();
    }
  });

  it('is removed whole (report, notes, bars) and not loaded again by itself', async () => {
    const c = freshCore();
    try {
      const d = createDispatcher(handlers, c.core, () => true, () => {});
      expect(await loadSampleOnFirstStart(c.core, { enabled: true })).toBe(true);
      const removed = await d('sample:remove', {}, TRUSTED);
      expect(removed).toMatchObject({ ok: true, data: { present: false } });
      expect(c.core.db.prepare('SELECT (SELECT count(*) FROM bars) + (SELECT count(*) FROM reports) + (SELECT count(*) FROM notes)').pluck().get()).toBe(0);
      expect(await loadSampleOnFirstStart(c.core, { enabled: true })).toBe(false);
      // Loading it by hand brings it back.
      expect(await d('sample:load', {}, TRUSTED)).toMatchObject({ ok: true, data: { present: true } });
    } finally {
      c.cleanup();
    }
  }, 60_000);
});

describe('reports', () => {
  it('creates, lists, filters, updates with a conflict check, duplicates, trashes, restores and purges', async () => {
    const created = await ok<Report>('reports:create', { draft: draft() });
    expect(created).toMatchObject({ slug: 'energy-lags-as-rates-rise', sample: false, deletedAt: null });
    // Its tickers form its watchlist.
    const lists = await ok<Array<{ name: string; tickers: string[] }>>('watchlists:list', {});
    expect(lists.map((l) => l.tickers)).toContainEqual(['XLE', 'SPY']);

    const all = await ok<ReportSummary[]>('reports:list', {});
    expect(all.map((r) => r.asOf)).toEqual(['2026-02-13', '2026-01-11']);
    expect((await ok<ReportSummary[]>('reports:list', { filter: { tag: 'energy' } })).map((r) => r.id)).toEqual([created.id]);
    expect((await ok<ReportSummary[]>('reports:list', { filter: { ticker: 'IWM' } })).map((r) => r.id)).toEqual([sample.reportId]);
    expect((await ok<ReportSummary[]>('reports:list', { filter: { sentiment: 'Mixed' } })).map((r) => r.id)).toEqual([sample.reportId]);
    expect((await ok<ReportSummary[]>('reports:list', { filter: { from: '2026-02-01', to: '2026-02-28' } })).map((r) => r.id)).toEqual([created.id]);
    expect(await fails('reports:list', { filter: { from: '2026-03-01', to: '2026-02-01' } })).toMatchObject({ code: 'INVALID_INPUT' });

    const facets = await ok<{ tags: Array<{ value: string; count: number }> }>('reports:facets', {});
    expect(facets.tags).toContainEqual({ value: 'energy', count: 1 });

    const updated = await ok<Report>('reports:update', { id: created.id, draft: draft({ sentiment: 'Neutral' }), baseUpdatedAt: created.updatedAt });
    expect(updated.sentiment).toBe('Neutral');
    // A second editor still holding the first version is refused, not silently overwritten.
    expect(await fails('reports:update', { id: created.id, draft: draft({ sentiment: 'Bullish' }), baseUpdatedAt: '2000-01-01T00:00:00.000Z' })).toMatchObject({ code: 'CONFLICT' });

    const copy = await ok<Report>('reports:duplicate', { id: created.id });
    expect(copy.id).not.toBe(created.id);
    expect(copy.title).toMatch(/Energy lags as rates rise.*copy/i);
    expect(copy.slug).not.toBe(created.slug);

    await ok('reports:delete', { id: copy.id });
    expect((await ok<ReportSummary[]>('reports:list', {})).map((r) => r.id)).not.toContain(copy.id);
    expect((await ok<ReportSummary[]>('reports:list', { filter: { trash: true } })).map((r) => r.id)).toEqual([copy.id]);
    expect((await ok<Report>('reports:restore', { id: copy.id })).deletedAt).toBeNull();
    expect(await fails('reports:purge', { id: copy.id })).toMatchObject({ code: 'CONFLICT' });
    await ok('reports:delete', { id: copy.id });
    await ok('reports:purge', { id: copy.id });
    expect(await fails('reports:get', { id: copy.id })).toMatchObject({ code: 'NOT_FOUND' });

    const related = await ok<Array<{ id: number; sharedTickers: string[] }>>('reports:related', { id: created.id });
    expect(related).toEqual([expect.objectContaining({ id: sample.reportId, sharedTickers: ['SPY'] })]);
  });

  it('refuses drafts a renderer must never be able to store', async () => {
    expect(await fails('reports:create', { draft: draft({ references: [{ n: 1, title: 'x', publisher: null, date: null, url: 'javascript:alert(1)' }] }) })).toMatchObject({ code: 'INVALID_INPUT' });
    expect(await fails('reports:create', { draft: draft({ window: { from: '2026-02-13', to: '2026-01-12' } }) })).toMatchObject({ code: 'INVALID_INPUT' });
    expect(await fails('reports:create', { draft: draft({ title: '  ' }) })).toMatchObject({ code: 'INVALID_INPUT', message: expect.stringMatching(/title/) });
    expect(await fails('reports:create', { draft: { ...draft(), extra: 1 } })).toMatchObject({ code: 'INVALID_INPUT' });
    expect(await fails('reports:get', { id: -1 })).toMatchObject({ code: 'INVALID_INPUT' });
  });

  it('exports Markdown with front matter that imports back to the same report', async () => {
    const md = await ok<ReportMarkdown>('reports:exportMarkdown', { id: sample.reportId });
    expect(md.fileName).toBe('2026-01-11-small-caps-lead-the-rally-a-broadening-bull-market.md');
    expect(md.markdown).toMatch(/^---\n/);
    const back = await ok<Report>('reports:importMarkdown', { markdown: md.markdown, fileName: md.fileName });
    const original = await ok<Report>('reports:get', { id: sample.reportId });
    const strip = (r: Report) => ({ ...r, id: 0, slug: '', sample: false, createdAt: '', updatedAt: '', deletedAt: null });
    expect(strip(back)).toEqual(strip(original));
    // And the re-export is byte for byte the same file.
    expect((await ok<ReportMarkdown>('reports:exportMarkdown', { id: back.id })).markdown).toBe(md.markdown);
    await ok('reports:delete', { id: back.id });
    await ok('reports:purge', { id: back.id });
    const bad = await fails('reports:importMarkdown', { markdown: '---\ntitle: x\nasOf: 2026-13-40\n---\n', fileName: 'bad.md' });
    expect(bad).toMatchObject({ code: 'INVALID_INPUT' });
    expect(bad.message).toMatch(/bad\.md/);
  });

  it('proposes a report from pasted text without saving anything', async () => {
    const before = (await ok<ReportSummary[]>('reports:list', {})).length;
    const p = await ok<{ draft: ReportDraft; unknownTickers: string[] }>('reports:fromText', {
      text: 'Small caps extend gains\nPublished: January 11, 2026\nRelated Stocks: IWM, SPY, ZZZZ\n\nThe Russell 2000 rose again [1].\n\nReferences\n[1] Market wrap, https://example.com/wrap',
    });
    expect(p.draft).toMatchObject({ title: 'Small caps extend gains', asOf: '2026-01-11', tickers: ['IWM', 'SPY'] });
    expect(p.unknownTickers).toEqual(['ZZZZ']);
    expect((await ok<ReportSummary[]>('reports:list', {})).length).toBe(before);
  });
});

describe('notes', () => {
  it('keeps versions, refuses stale saves, restores, marks charts and is found by search', async () => {
    const n = await ok<Note>('notes:create', { reportId: sample.reportId, body: 'Breadth thrust: watch the zephyrine ratio.', anchor: { section: null, ticker: 'XLI', date: '2026-01-07' } });
    expect(n.version).toBe(1);
    const n2 = await ok<Note>('notes:update', { id: n.id, body: 'Breadth thrust confirmed by industrials.', baseVersion: 1 });
    expect(n2.version).toBe(2);
    // Saving the same body again changes nothing.
    expect((await ok<Note>('notes:update', { id: n.id, body: n2.body, baseVersion: 2 })).version).toBe(2);
    expect(await fails('notes:update', { id: n.id, body: 'from a stale editor', baseVersion: 1 })).toMatchObject({ code: 'CONFLICT' });
    const versions = await ok<NoteVersion[]>('notes:versions', { id: n.id });
    expect(versions.map((v) => v.body)).toEqual(['Breadth thrust: watch the zephyrine ratio.']);
    const restored = await ok<Note>('notes:restore', { id: n.id, version: 1 });
    expect(restored).toMatchObject({ version: 3, body: 'Breadth thrust: watch the zephyrine ratio.' });

    const markers = await ok<NoteMarker[]>('notes:markers', { ticker: 'XLI' });
    expect(markers).toEqual([expect.objectContaining({ noteId: n.id, reportId: sample.reportId, date: '2026-01-07', ticker: 'XLI' })]);
    expect((await ok<NoteMarker[]>('notes:markers', { ticker: 'IWM' })).map((m) => m.date)).toEqual(['2026-01-09']);

    const hits = await ok<SearchHit[]>('search:query', { query: 'zephyr' });
    expect(hits[0]).toMatchObject({ kind: 'note', id: n.id, reportId: sample.reportId });
    expect(hits[0]!.snippet.some((p) => p.hit && /zephyrine/i.test(p.text))).toBe(true);

    await ok('notes:delete', { id: n.id });
    expect(await ok<SearchHit[]>('search:query', { query: 'zephyr' })).toEqual([]);
    expect(await fails('notes:create', { reportId: 999_999, body: 'x' })).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('go to the trash with their report and come back with it', async () => {
    const r = await ok<Report>('reports:create', { draft: draft({ title: 'Trash test' }) });
    await ok('notes:create', { reportId: r.id, body: 'a note about quetzalcoatl' });
    await ok('reports:delete', { id: r.id });
    expect((await ok<SearchHit[]>('search:query', { query: 'quetzalcoatl' })).length).toBe(0);
    await ok('reports:restore', { id: r.id });
    expect((await ok<Note[]>('notes:list', { reportId: r.id })).map((x) => x.body)).toEqual(['a note about quetzalcoatl']);
    expect((await ok<SearchHit[]>('search:query', { query: 'quetzalcoatl' })).map((h) => h.kind)).toEqual(['note']);
  });
});

describe('search', () => {
  it('finds reports by their words, tickers by symbol and never lets the query become FTS syntax', async () => {
    const hits = await ok<SearchHit[]>('search:query', { query: 'small caps' });
    expect(hits[0]).toMatchObject({ kind: 'report', id: sample.reportId });
    const t = await ok<SearchHit[]>('search:query', { query: 'XLR' });
    expect(t).toContainEqual(expect.objectContaining({ kind: 'ticker', ticker: 'XLRE' }));
    for (const q of ['"', 'NEAR(a b)', 'a OR', '*', 'title:x', '^', '(']) expect((await call('search:query', { query: q })).ok, q).toBe(true);
  });
});

describe('the CLI', () => {
  async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
    let stdout = '';
    let stderr = '';
    const code = await runCli(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), env: {} });
    return { code, stdout, stderr };
  }

  it('loads the sample, lists, shows, exports and re-imports a report exactly', async () => {
    const t = tempDir();
    try {
      const db = path.join(t.dir, 'cli.sqlite');
      expect((await cli(['sample', '--db', db])).code).toBe(0);
      const list = JSON.parse((await cli(['reports', '--db', db])).stdout) as ReportSummary[];
      expect(list.map((r) => r.title)).toEqual([expect.stringMatching(/^Small caps lead the rally/)]);
      expect(JSON.parse((await cli(['reports', '--db', db, '--ticker', 'XLE'])).stdout)).toEqual([]);
      const one = JSON.parse((await cli(['report', '--db', db, '--id', String(list[0]!.id)])).stdout) as Report;
      expect(one.references.length).toBeGreaterThan(0);
      const out = path.join(t.dir, 'r.md');
      expect((await cli(['report-export', '--db', db, '--id', String(one.id), '--out', out])).code).toBe(0);
      const imported = await cli(['report-import', '--db', db, out]);
      expect(imported.code).toBe(0);
      const again = path.join(t.dir, 'again.md');
      const id2 = (JSON.parse(imported.stdout) as Report).id;
      await cli(['report-export', '--db', db, '--id', String(id2), '--out', again]);
      expect(fs.readFileSync(again, 'utf8')).toBe(fs.readFileSync(out, 'utf8'));
      const missing = await cli(['report', '--db', db, '--id', '999']);
      expect(missing.code).not.toBe(0);
      expect(missing.stderr).toMatch(/NOT_FOUND/);
      expect((await cli(['sample', '--db', db, '--remove'])).code).toBe(0);
      expect(JSON.parse((await cli(['info', '--db', db])).stdout)).toMatchObject({ tickers: 0, reports: 1 });
    } finally {
      t.cleanup();
    }
  }, 60_000);
});
